"""Demo accounts: one per office role plus a participant and a trainer (password demo-pelatihan)."""

import time

from allauth.account.models import EmailAddress

from django.contrib.auth.models import Group

from accounts import roles
from accounts.models import User

DEMO_PASSWORD = "demo-pelatihan"

DEMO_ACCOUNTS = [
    # email, first name, last name, role (None = public), superuser
    ("admin@demo.test", "Admin", "Portal", None, True),
    ("editor@demo.test", "Rina", "Wulandari", roles.EDITOR, False),
    ("petugas@demo.test", "Dewi", "Lestari", roles.ADMIN_OFFICER, False),
    ("teknis@demo.test", "Agus", "Setiawan", roles.TECHNICAL_OFFICER, False),
    ("anggota@demo.test", "Fajar", "Nugroho", roles.TEAM_MEMBER, False),
    ("ketua@demo.test", "Sri", "Rahayu", roles.TEAM_LEAD, False),
    ("kabid@demo.test", "Bambang", "Hartono", roles.HEAD_OF_UNIT, False),
    ("kadis@demo.test", "M.Y.", "Bramuda", roles.HEAD_OF_OFFICE, False),
    ("instruktur@demo.test", "Putu", "Ayu Saraswati", roles.INSTRUCTOR, False),
    ("peserta@demo.test", "Ni Luh", "Putu Sari", None, False),
    # Owns the demo trainer profile "Made Wirawan" (trainers.demo), so it carries that name.
    ("narasumber@demo.test", "Made", "Wirawan", None, False),
]


def ensure_user(email, first_name, last_name, role=None, superuser=False, password=DEMO_PASSWORD):
    user, created = User.objects.get_or_create(
        email=email, defaults={"first_name": first_name, "last_name": last_name}
    )
    if created:
        user.set_password(password)
    user.is_staff = bool(role) or superuser
    user.is_superuser = superuser
    user.save()
    if role:
        user.groups.add(Group.objects.get(name=role))
    EmailAddress.objects.update_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    return user


def ensure_second_factor(user):
    """A demo staff account comes with an authenticator (TOTP) and recovery codes, as staff must."""
    from allauth.mfa.models import Authenticator
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    kinds = set(Authenticator.objects.filter(user=user).values_list("type", flat=True))
    if Authenticator.Type.TOTP not in kinds:
        TOTP.activate(user, generate_totp_secret())
    if Authenticator.Type.RECOVERY_CODES not in kinds:
        RecoveryCodes.activate(user)


def second_factor(user):
    """(TOTP secret, the code valid now, an unused recovery code) of a demo staff account, or None."""
    from allauth.mfa import app_settings
    from allauth.mfa.adapter import get_adapter
    from allauth.mfa.models import Authenticator
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    totp = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
    codes = Authenticator.objects.filter(user=user, type=Authenticator.Type.RECOVERY_CODES).first()
    if totp is None:
        return None
    secret = get_adapter().decrypt(totp.data["secret"])
    counter = int(time.time()) // app_settings.TOTP_PERIOD
    current = format_hotp_value(hotp_value(secret, counter))
    unused = RecoveryCodes(codes).get_unused_codes() if codes else []
    return secret, current, unused[0] if unused else ""


def load(stdout):
    for email, first_name, last_name, role, superuser in DEMO_ACCOUNTS:
        user = ensure_user(email, first_name, last_name, role, superuser)
        if role or superuser:
            ensure_second_factor(user)
    stdout.write(f"  {len(DEMO_ACCOUNTS)} demo accounts")
