"""The material review workflow of SOP "Penyiapan Bahan/Materi Diklat" and the catalogue's role rights.

Steps 4 and 5 of the SOP: the Ketua Tim Kerja checks the draft material, then the Pejabat
Level 2 (Kepala Bidang) approves it; either can send it back with comments ("Request
changes"). Members of a GroupApprovalTask's group may open and act on a page while it is on
their task, but Wagtail publishes the approved revision as the last approver
(``wagtail.workflows.publish_workflow_state`` checks ``can_publish``), so the Kepala Bidang
gets the "publish" page permission on the root. Publish alone does not let them edit pages. ``MaterialPage.get_workflow``
applies this workflow to every material that has no other workflow assigned.
"""

from django.db import migrations

from accounts import roles

WORKFLOW_NAME = "Review bahan/materi diklat"
TASKS = [
    ("Telaah Ketua Tim Kerja", roles.TEAM_LEAD),
    ("Persetujuan Kepala Bidang", roles.HEAD_OF_UNIT),
]


def create_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    task_type, _created = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    for order, (task_name, role) in enumerate(TASKS):
        task = GroupApprovalTask.objects.filter(name=task_name).first()
        if task is None:
            task = GroupApprovalTask.objects.create(name=task_name, content_type=task_type, active=True)
        group, _created = Group.objects.get_or_create(name=role)
        task.groups.add(group)
        WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": order})

    Page = apps.get_model("wagtailcore", "Page")
    Permission = apps.get_model("auth", "Permission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    root = Page.objects.filter(depth=1).first()
    page_type, _created = ContentType.objects.get_or_create(app_label="wagtailcore", model="page")
    publish, _created = Permission.objects.get_or_create(
        content_type=page_type, codename="publish_page", defaults={"name": "Can publish any page"}
    )
    if root is not None:
        head_of_unit = Group.objects.get(name=roles.HEAD_OF_UNIT)
        GroupPagePermission.objects.get_or_create(group=head_of_unit, page=root, permission=publish)

    # Editors maintain the category list.
    roles.grant_model_permissions(apps, roles.EDITOR, "courses", "Category")


def remove_workflow(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    Workflow.objects.filter(name=WORKFLOW_NAME).delete()
    Task.objects.filter(name__in=[name for name, _role in TASKS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0002_catalogue"),
        ("accounts", "0002_roles"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_workflow, remove_workflow)]
