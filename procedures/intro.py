"""The public page a service shows before sign-in: what it is, and its steps from the live SOP.

A visitor who follows "Register as a trainer" or "Course-provider licence" first learns who the
service is for, what to prepare, the steps with the standard time the office commits to (read
from the published SOP, the same numbers the clock uses) and what they receive, then signs in.
"""

from django.shortcuts import render


def render_service_intro(request, template, procedure_code, **context):
    from sops.standards import sop_page_for

    sop = sop_page_for(procedure_code)
    return render(
        request,
        template,
        {"sop": sop, "sop_steps": sop.ordered_steps() if sop else [], "next_url": request.get_full_path(), **context},
    )
