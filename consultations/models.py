"""Questions from alumni after a training, answered through SOP 004 "Layanan Konsultasi dan Informasi
Pasca Pelatihan" (the procedure in ``procedure.py``, its effects in ``effects.py``)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.storage import private_storage
from portal.uploads import DOCUMENT_TYPES, MB, FileValidator, random_name
from procedures.models import Case

from .procedure import PROCEDURE


class Consultation(Case):
    """One alumnus's question (SOP step 1, the online form), answered along steps 2–7."""

    procedure = PROCEDURE

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("account"), on_delete=models.PROTECT, related_name="consultations"
    )
    applicant_name = models.CharField(_("name"), max_length=200)
    applicant_email = models.EmailField(_("email"))
    phone = models.CharField(_("phone / WhatsApp"), max_length=30, blank=True)
    #: The class the person attended, chosen from their enrolments when they have any.
    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("class attended"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    training = models.CharField(
        _("training attended"), max_length=200, help_text=_("The class or training you took part in.")
    )
    category = models.ForeignKey(
        "categories.Category",
        verbose_name=_("field"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    subject = models.CharField(_("subject"), max_length=200)
    question = models.TextField(_("your question or problem"))
    attachment = models.FileField(
        _("supporting file"),
        storage=private_storage,
        upload_to=random_name,
        blank=True,
        max_length=255,
        validators=[FileValidator(DOCUMENT_TYPES, 5 * MB)],
        help_text=_("Optional: a photo or PDF that shows the problem (at most 5 MB)."),
    )
    answer = models.TextField(_("answer"), blank=True)

    private_file_fields = ("attachment",)

    class Meta:
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")
        ordering = ["-created_at"]

    def admin_summary(self):
        return [
            (_("Email"), self.applicant_email),
            (_("Phone / WhatsApp"), self.phone),
            (_("Class attended"), self.course.title if self.course_id else _("(not one of the office's classes)")),
            (_("Training attended"), self.training),
            (_("Field"), self.category),
            (_("Subject"), self.subject),
            (_("Question"), self.question),
            (_("Draft answer"), self.answer),
        ]
