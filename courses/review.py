"""The material review workflow drives the SOP clock: each task started, approved or rejected moves the
material's :class:`~courses.models.MaterialReview` to the matching step of ``courses.procedure``."""

from django.db import transaction

from courses.procedure import TASK_STATES
from procedures import services


def _material(workflow_state):
    from courses.models import MaterialPage

    page = workflow_state.content_object
    return page.specific if page is not None and isinstance(page.specific, MaterialPage) else None


def review_for(workflow_state, user=None):
    """The review case of a workflow run, begun (and submitted) on first use."""
    from courses.models import MaterialReview

    review = MaterialReview.objects.filter(workflow_state=workflow_state).first()
    if review is None:
        material = _material(workflow_state)
        if material is None:
            return None
        author = workflow_state.requested_by or user
        review = MaterialReview(page=material, workflow_state=workflow_state, user=author).start()
        services.perform(review, "submit", author, system=True)
    return review


def move_to(review, target, user):
    """Apply the transition that leads from the review's step to ``target`` (nothing if it is there)."""
    if review is None or review.state == target or review.step.final:
        return
    for transition in review.procedure.transitions_from(review.state):
        if transition.target == target:
            services.perform(review, transition.name, user, system=True)
            return


def _task_state_role(task_state):
    task = task_state.task.specific
    names = set(task.groups.values_list("name", flat=True)) if hasattr(task, "groups") else set()
    for role, state in TASK_STATES.items():
        if role in names:
            return state
    return None


def on_task_submitted(sender, instance, user=None, **kwargs):
    workflow_state = instance.workflow_state
    if _material(workflow_state) is None:
        return
    target = _task_state_role(instance)
    if target is None:
        return
    with transaction.atomic():
        move_to(review_for(workflow_state, user), target, user)


def on_task_rejected(sender, instance, user=None, **kwargs):
    if _material(instance.workflow_state) is None:
        return
    move_to(review_for(instance.workflow_state, user), "changes_requested", user)


def on_workflow_approved(sender, instance, user=None, **kwargs):
    if _material(instance) is None:
        return
    move_to(review_for(instance, user), "published", user)


def on_workflow_cancelled(sender, instance, user=None, **kwargs):
    if _material(instance) is None:
        return
    move_to(review_for(instance, user), "withdrawn", user)


def connect_signals():
    from wagtail.signals import task_rejected, task_submitted, workflow_approved, workflow_cancelled

    task_submitted.connect(on_task_submitted, dispatch_uid="courses-review-task-submitted")
    task_rejected.connect(on_task_rejected, dispatch_uid="courses-review-task-rejected")
    workflow_approved.connect(on_workflow_approved, dispatch_uid="courses-review-workflow-approved")
    workflow_cancelled.connect(on_workflow_cancelled, dispatch_uid="courses-review-workflow-cancelled")
