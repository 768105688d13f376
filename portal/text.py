"""Small text helpers shared by the apps."""

BULLETS = " -•\t"


def text_lines(text):
    """The non-empty lines of a "one item per line" field, without bullets typed in front of them."""
    return [line.strip(BULLETS) for line in (text or "").splitlines() if line.strip(BULLETS)]
