"""Readable names for letter kinds: flows name the letters they issue.

A flow registers ``@hooks.register(LETTER_KIND)`` returning ``{code: label}`` for the ``kind``
codes it passes to ``issue_letter``, so staff see "Keputusan izin kursus" in the letters list,
never ``course_licence_decree``.
"""

from wagtail import hooks

LETTER_KIND = "register_letter_kind"


def letter_kind_labels():
    labels = {}
    for fn in hooks.get_hooks(LETTER_KIND):
        labels.update(fn())
    return labels


def letter_kind_label(code):
    return letter_kind_labels().get(code, code)


def letter_kind_choices():
    return sorted(letter_kind_labels().items(), key=lambda item: str(item[1]))
