"""Demo certificates: a default and a per-category template with drawn backgrounds, certificates
for the passed participants of the finished demo classes, one revoked and one re-issued."""

import hashlib
import io

from PIL import Image, ImageDraw

from django.core.files.images import ImageFile
from django.utils import timezone

from certificates.models import Certificate, CertificateTemplate
from certificates.services import issue_certificate, reissue, revoke

REVOKED_REASON = "Contoh: sertifikat dicabut karena peserta tercatat ganda."
REISSUE_REASON = "Contoh: penulisan nama diperbaiki atas permintaan peserta."


def draw_background(accent, size=(1754, 1240)):
    """A cream page with a double frame and corner ornaments, leaving the middle free for text."""
    width, height = size
    image = Image.new("RGB", size, "#fbf7ee")
    draw = ImageDraw.Draw(image)
    draw.rectangle([40, 40, width - 40, height - 40], outline=accent, width=14)
    draw.rectangle([70, 70, width - 70, height - 70], outline=accent, width=3)
    for x, y in ((70, 70), (width - 70, 70), (70, height - 70), (width - 70, height - 70)):
        for radius in (60, 42, 24):
            draw.ellipse([x - radius, y - radius, x + radius, y + radius], outline=accent, width=4)
    for offset in range(0, width, 48):  # a light band along the bottom
        draw.line([offset, height - 110, offset + 24, height - 86], fill="#e8dcc0", width=3)
    return image


def background_image(title, accent):
    from wagtail.images import get_image_model

    Image_ = get_image_model()
    existing = Image_.objects.filter(title=title).first()
    if existing:
        return existing
    buffer = io.BytesIO()
    draw_background(accent).save(buffer, "JPEG", quality=85)
    buffer.seek(0)
    name = f"certificate-bg-{hashlib.sha1(title.encode()).hexdigest()[:8]}.jpg"
    return Image_.objects.create(title=title, file=ImageFile(buffer, name=name))


def load(stdout):
    from categories.models import Category
    from courses.models import CoursePage
    from enrolment.models import Enrolment

    default = CertificateTemplate.objects.filter(is_default=True).first()
    if default is None:
        default = CertificateTemplate.objects.create(
            name="Sertifikat standar",
            is_default=True,
            background=background_image("Latar sertifikat standar", "#0b5d5b"),
        )
    category = Category.objects.filter(courses__isnull=False).order_by("name").first()
    if category and not CertificateTemplate.objects.filter(category=category, course__isnull=True).exists():
        CertificateTemplate.objects.create(
            name=f"Sertifikat {category.name}",
            category=category,
            background=background_image(f"Latar sertifikat {category.name}", "#7a306c"),
            title="SERTIFIKAT KOMPETENSI",
            body=(
                "Telah menyelesaikan pelatihan {course_title} {cohort} bidang {category} pada tanggal "
                "{start_date} sampai dengan {end_date} ({hours} jam pelajaran) dengan nilai akhir {score} "
                "dan predikat {grade}."
            ),
        )

    finished = CoursePage.objects.filter(end_date__lt=timezone.localdate())
    passed = (
        Enrolment.objects.filter(course__in=finished, result=Enrolment.Result.PASSED)
        .select_related("participant__user", "course")
        .order_by("course__end_date", "participant__full_name")
    )
    issued = 0
    for enrolment in passed:
        if enrolment.certificates.exists():
            continue  # issued by an earlier run, possibly revoked on purpose: leave the history alone
        _certificate, created = issue_certificate(enrolment, notify=False)
        issued += created

    admin_officer = _user("petugas@demo.test")
    valid = Certificate.objects.valid().exclude(enrolment__participant__user__email="peserta@demo.test")
    if not Certificate.objects.filter(revoked_reason=REVOKED_REASON).exists():
        target = valid.order_by("pk").first()
        if target:
            revoke(target, admin_officer, REVOKED_REASON)
    if not Certificate.objects.filter(revoked_reason=REISSUE_REASON).exists():
        target = valid.order_by("-pk").first()
        if target:
            reissue(target, admin_officer, REISSUE_REASON, holder_name=target.holder_name.title(), notify=False)
    mine = Certificate.objects.valid().filter(enrolment__participant__user__email="peserta@demo.test").count()
    stdout.write(
        f"Certificates: {default.name}; {issued} issued now, {Certificate.objects.count()} in total "
        f"({mine} valid for peserta@demo.test)."
    )


def _user(email):
    from accounts.models import User

    return User.objects.filter(email=email).first()
