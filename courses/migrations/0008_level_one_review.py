"""SOP "Penyiapan Bahan/Materi Diklat" step 5: the Level-1 official (Kepala Dinas) checks the material
after the Kepala Bidang, as the workflow's last task; the last approver publishes, so the Kepala Dinas
gets the "publish" page permission on the root (as the Kepala Bidang did in 0003)."""

from django.db import migrations

from accounts import roles

WORKFLOW_NAME = "Review bahan/materi diklat"
TASK_NAME = "Persetujuan Kepala Dinas"


def add_level_one_review(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Page = apps.get_model("wagtailcore", "Page")
    Permission = apps.get_model("auth", "Permission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")

    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is None:
        return
    task_type, _created = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME, content_type=task_type, active=True)
    head_of_office, _created = Group.objects.get_or_create(name=roles.HEAD_OF_OFFICE)
    task.groups.add(head_of_office)
    last = WorkflowTask.objects.filter(workflow=workflow).order_by("-sort_order").first()
    WorkflowTask.objects.get_or_create(
        workflow=workflow, task=task, defaults={"sort_order": (last.sort_order + 1) if last else 0}
    )
    root = Page.objects.filter(depth=1).first()
    page_type, _created = ContentType.objects.get_or_create(app_label="wagtailcore", model="page")
    publish, _created = Permission.objects.get_or_create(
        content_type=page_type, codename="publish_page", defaults={"name": "Can publish any page"}
    )
    if root is not None:
        GroupPagePermission.objects.get_or_create(group=head_of_office, page=root, permission=publish)


def remove_level_one_review(apps, schema_editor):
    Task = apps.get_model("wagtailcore", "Task")
    Task.objects.filter(name=TASK_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0007_session_override_reason"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(add_level_one_review, remove_level_one_review)]
