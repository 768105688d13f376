"""Office roles as Django groups; names are data (created by migration), used in code via these constants."""

from django.utils.translation import gettext_lazy as _

EDITOR = "Editor"
ADMIN_OFFICER = "Petugas Administrasi"
TECHNICAL_OFFICER = "Petugas Teknis"
TEAM_MEMBER = "Anggota Tim Kerja"
TEAM_LEAD = "Ketua Tim Kerja"
HEAD_OF_UNIT = "Kepala Bidang"
HEAD_OF_OFFICE = "Kepala Dinas"
INSTRUCTOR = "Instruktur"

# Licensing (one-stop service office) roles.
FRONT_OFFICE = "Front Office"
BACK_OFFICE = "Back Office"
TECHNICAL_AGENCY = "Dinas Teknis"
HEAD_OF_LICENSING = "Kepala Bidang Perizinan"
SECRETARY = "Sekretaris"

STAFF_ROLES = [
    EDITOR,
    ADMIN_OFFICER,
    TECHNICAL_OFFICER,
    TEAM_MEMBER,
    TEAM_LEAD,
    HEAD_OF_UNIT,
    HEAD_OF_OFFICE,
    INSTRUCTOR,
]
LICENSING_ROLES = [FRONT_OFFICE, BACK_OFFICE, TECHNICAL_AGENCY, HEAD_OF_LICENSING, SECRETARY]

ROLE_LABELS = {
    EDITOR: _("Editor (communications)"),
    ADMIN_OFFICER: _("Admin officer"),
    TECHNICAL_OFFICER: _("Technical officer"),
    TEAM_MEMBER: _("Team member"),
    TEAM_LEAD: _("Team lead"),
    HEAD_OF_UNIT: _("Head of unit (Level 2 official)"),
    HEAD_OF_OFFICE: _("Head of office (Level 1 official)"),
    INSTRUCTOR: _("Instructor"),
    FRONT_OFFICE: _("Front office"),
    BACK_OFFICE: _("Back office"),
    TECHNICAL_AGENCY: _("Technical office"),
    HEAD_OF_LICENSING: _("Head of licensing"),
    SECRETARY: _("Secretary"),
}


def role_label(name):
    return ROLE_LABELS.get(name, name)


def user_roles(user):
    """The role names a user holds; superusers hold every role."""
    if not user.is_authenticated:
        return set()
    if user.is_superuser:
        return set(ROLE_LABELS)
    cached = getattr(user, "_role_names", None)
    if cached is None:
        cached = set(user.groups.values_list("name", flat=True))
        user._role_names = cached
    return cached


def has_role(user, *names):
    roles = user_roles(user)
    return any(name in roles for name in names)


def grant_model_permissions(apps, group_name, app_label, model_name, actions=("add", "change", "delete", "view")):
    """For data migrations: give a role the model permissions of one model (creating them if needed)."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _created = ContentType.objects.get_or_create(app_label=app_label, model=model_name.lower())
    group, _created = Group.objects.get_or_create(name=group_name)
    for action in actions:
        permission, _created = Permission.objects.get_or_create(
            content_type=content_type,
            codename=f"{action}_{model_name.lower()}",
            defaults={"name": f"Can {action} {model_name.lower()}"},
        )
        group.permissions.add(permission)


def grant_admin_access(apps, group_name):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _created = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    permission, _created = Permission.objects.get_or_create(
        content_type=content_type, codename="access_admin", defaults={"name": "Can access Wagtail admin"}
    )
    group, _created = Group.objects.get_or_create(name=group_name)
    group.permissions.add(permission)
    return group
