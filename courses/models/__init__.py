"""The class catalogue: class pages (``catalogue``), their agenda and trainers (``agenda``) and the
training materials (``materials``).

A class (``CoursePage``) is one offering of a training, with its agenda of sessions as in SOP 002
"Penyelenggaraan Kegiatan Pengembangan Kompetensi Teknis". Materials (``MaterialPage``) follow SOP
"Penyiapan Bahan/Materi Diklat": they pass the review workflow created in migration 0003 before
publication. Categories live in the shared ``categories`` app; the catalogue owns the relation
between classes and trainers (``CourseTrainer``, ``CourseSession.trainer``), and the trainers app
learns about classes only through its hooks (schedule sources, profile sections).
"""

from .agenda import CourseSession, CourseTrainer, format_minutes
from .catalogue import CARD_RENDITION, CourseIndexPage, CoursePage, CoursePageForm, CoursePageQuerySet, SeatCount
from .materials import MATERIAL_WORKFLOW_NAME, MaterialAttachment, MaterialIndexPage, MaterialPage
from .review import MaterialReview

__all__ = [
    "CARD_RENDITION",
    "MATERIAL_WORKFLOW_NAME",
    "CourseIndexPage",
    "CoursePage",
    "CoursePageForm",
    "CoursePageQuerySet",
    "CourseSession",
    "CourseTrainer",
    "MaterialAttachment",
    "MaterialIndexPage",
    "MaterialPage",
    "MaterialReview",
    "SeatCount",
    "format_minutes",
]
