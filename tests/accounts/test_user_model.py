import pytest

from accounts.models import User


@pytest.mark.django_db
def test_users_are_identified_by_a_lowercased_email():
    user = User.objects.create_user("Sari.Dewi@Contoh.Test", "rahasia-123", first_name="Sari", last_name="Dewi")
    assert user.email == "sari.dewi@contoh.test"
    assert not hasattr(user, "username") or user.username is None
    assert User.USERNAME_FIELD == "email"
    assert user.check_password("rahasia-123")
    assert not user.is_staff and not user.is_superuser
    assert User.objects.get_by_natural_key("SARI.DEWI@contoh.test") == user
    assert str(user) == "Sari Dewi"
    assert user.display_name == "Sari Dewi"


@pytest.mark.django_db
def test_display_name_falls_back_to_the_email_name():
    user = User.objects.create_user("budi@contoh.test")
    assert user.display_name == "budi"
    assert str(user) == "budi@contoh.test"
    assert not user.has_usable_password()


@pytest.mark.django_db
def test_superuser_and_missing_email():
    admin = User.objects.create_superuser("root@contoh.test", "rahasia-123")
    assert admin.is_staff and admin.is_superuser
    with pytest.raises(ValueError):
        User.objects.create_user("", "x")


@pytest.mark.django_db
def test_createsuperuser_command_asks_for_email_only(capsys):
    from django.core.management import call_command

    call_command("createsuperuser", "--no-input", "--email", "kepala@contoh.test")
    assert User.objects.get(email="kepala@contoh.test").is_superuser
