from django.db import transaction
from django.utils import timezone

from stories.models import AlumniStory


@transaction.atomic
def submit_story(form, user):
    """Save a story from the member area; it waits for the editor's review."""
    story = form.save(commit=False)
    story.author = user
    story.course_id = story.enrolment.course_id
    story.consent_at = timezone.now()
    story.status = AlumniStory.Status.SUBMITTED
    story.save()
    return story


@transaction.atomic
def withdraw_story(story):
    """The alumnus takes the story back: it is deleted, wherever it was shown."""
    story.delete()
