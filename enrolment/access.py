"""Least access to participants' data (UU PDP): who sees a class and who sees a full NIK.

* Instructors work only their own classes: the classes their linked trainer profile
  (``TrainerPage.user``) teaches (``courses.teaching``). Attendance, tests, evaluation and the
  exports of a class are for its instructors; the Petugas Administrasi sees every class (SOP 000
  steps 2 and 5: verification and certificates). Another class's screens answer 404.
* The evaluation (SOP 000 step 4) is the instructor's: only an instructor of the class records it.
* The NIK is shown in full only to the Petugas Administrasi (who verifies it, step 2) and to the
  person; everyone else sees ``3510••••••••0001``.
"""

from django.http import Http404

from accounts import roles
from courses.teaching import courses_taught_by_user, teaches

#: The role that sees every class and full personal data (verification, certificates).
OFFICE_ROLES = (roles.ADMIN_OFFICER,)
#: Roles that see a full NIK (their step checks it against the KTP).
FULL_NIK_ROLES = (roles.ADMIN_OFFICER,)


def sees_all_classes(user):
    return user.is_superuser or roles.has_role(user, *OFFICE_ROLES)


def may_work_class(user, course_id):
    if not user.is_authenticated:
        return False
    if sees_all_classes(user):
        return True
    return roles.has_role(user, roles.INSTRUCTOR) and teaches(user, course_id)


def check_class(user, course_id):
    """404 (not 403: the class's existence is not confirmed) for a class the user does not work."""
    if not may_work_class(user, course_id):
        raise Http404


def classes_filter(queryset, user, field="pk"):
    """Narrow a queryset of classes (or of records with ``field`` pointing at a class) to the user's."""
    if sees_all_classes(user):
        return queryset
    if not roles.has_role(user, roles.INSTRUCTOR):
        return queryset.none()
    return queryset.filter(**{f"{field}__in": courses_taught_by_user(user)})
