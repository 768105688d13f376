"""Images drawn with Pillow for demo content and tests: nothing is downloaded."""

import hashlib
import io

from PIL import Image, ImageDraw, ImageFont

from django.core.files.images import ImageFile

PALETTE = ["#0b5d5b", "#c2561a", "#2f4858", "#86bbd8", "#33658a", "#f6ae2d", "#7a306c", "#3d7068"]


def _font(size):
    for path in ("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",):
        try:
            return ImageFont.truetype(path, size)
        except OSError:
            continue
    return ImageFont.load_default()


def draw_picture(text, size=(1200, 675), seed=None, caption=True):
    """A banner with soft shapes and a caption, colours chosen from the text so each differs.

    ``caption=False`` draws the shapes only: for pictures the page writes its own heading over
    (the home page's hero), where baked-in words would run behind the real text.
    """
    digest = hashlib.sha256((seed or text).encode()).digest()
    bg = PALETTE[digest[0] % len(PALETTE)]
    fg = PALETTE[digest[1] % len(PALETTE)]
    image = Image.new("RGB", size, bg)
    draw = ImageDraw.Draw(image)
    width, height = size
    for i in range(6):
        r = width // (3 + digest[2 + i] % 5)
        x = digest[8 + i] * width // 255
        y = digest[14 + i] * height // 255
        draw.ellipse([x - r, y - r, x + r, y + r], outline=fg, width=max(4, width // 150))
    if not caption:
        return image
    font = _font(max(24, width // 18))
    words, lines, line = text.split(), [], ""
    for word in words:
        trial = f"{line} {word}".strip()
        if draw.textlength(trial, font=font) > width * 0.8 and line:
            lines.append(line)
            line = word
        else:
            line = trial
    lines.append(line)
    y = height // 2 - len(lines) * font.size // 2
    for text_line in lines:
        w = draw.textlength(text_line, font=font)
        draw.text(((width - w) / 2 + 3, y + 3), text_line, font=font, fill="#00000088")
        draw.text(((width - w) / 2, y), text_line, font=font, fill="white")
        y += int(font.size * 1.2)
    return image


def image_file(text, filename, size=(1200, 675), fmt="JPEG", caption=True):
    buffer = io.BytesIO()
    draw_picture(text, size, caption=caption).save(buffer, fmt, quality=85)
    buffer.seek(0)
    return ImageFile(buffer, name=filename)


def wagtail_image(title, text=None, size=(1200, 675), collection=None, caption=True):
    """Get or create a Wagtail image drawn from ``text``, found again by its title."""
    from wagtail.images import get_image_model

    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    slug = hashlib.sha1(title.encode()).hexdigest()[:10]
    kwargs = {"title": title, "file": image_file(text or title, f"demo-{slug}.jpg", size, caption=caption)}
    if collection is not None:
        kwargs["collection"] = collection
    return Image.objects.create(**kwargs)
