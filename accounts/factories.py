import factory

from accounts.models import User


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("email",)
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"pengguna{n}@contoh.test")
    first_name = factory.Faker("first_name", locale="id_ID")
    last_name = factory.Faker("last_name", locale="id_ID")
    password = factory.PostGenerationMethodCall("set_password", "rahasia-123")
    is_active = True

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        from django.contrib.auth.models import Group

        if extracted:
            self.groups.add(*[Group.objects.get(name=name) for name in extracted])
            self.is_staff = True
        if create:
            self.save()

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        """allauth needs a verified EmailAddress to let the user log in (mandatory verification)."""
        if create and extracted is not False:
            from allauth.account.models import EmailAddress

            EmailAddress.objects.get_or_create(
                user=self, email=self.email, defaults={"verified": True, "primary": True}
            )
