from django import template

from enrolment.models import Enrolment

register = template.Library()


@register.inclusion_tag("enrolment/includes/enrol_button.html", takes_context=True)
def enrol_button(context, page):
    """The class page's registration box: "Daftar", the waiting list, or the visitor's own status."""
    request = context.get("request")
    user = getattr(request, "user", None)
    enrolment = None
    if user is not None and user.is_authenticated:
        enrolment = (
            Enrolment.objects.active()
            .filter(course_id=page.pk, participant__user=user)
            .exclude(tracking_number=None)
            .first()
        )
    return {"page": page, "enrolment": enrolment, "request": request}
