import datetime

import factory
from django.contrib.auth.models import Group
from django.utils.text import slugify
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import ReviewerProfile, Specialty, User

PASSWORD = "stet-pass-123"  # every factory-made person's, for sign-in and signatures


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    email = factory.LazyAttribute(lambda user: f"{user.username}@stet.example")
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def roles(self, create, roles, **kwargs):
        if create and roles:
            self.groups.add(*Group.objects.filter(name__in=[role.value for role in roles]))


class SpecialtyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Specialty
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Specialty {n}")
    slug = factory.LazyAttribute(lambda specialty: slugify(specialty.name))


class ReviewerProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReviewerProfile
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory)
    credit_name = factory.LazyAttribute(lambda p: f"{p.user.get_full_name()}, {p.credentials}")
    credentials = "MD"
    title = "Clinical Professor"
    department = "Department of Medicine"
    institution = "Riverside University School of Medicine"
    licence_number = factory.Sequence(lambda n: f"LIC-{n:06d}")
    licence_expires_on = datetime.date(2027, 12, 31)
    capacity = 10

    @factory.post_generation
    def specialties(self, create, specialties, **kwargs):
        if create and specialties:
            self.specialties.add(*specialties)


def enrol_in_two_factor(user: User) -> TOTPDevice:
    """An authenticator app `user` has enrolled (what the setup page confirms)."""
    return TOTPDevice.objects.create(user=user, name="phone", confirmed=True)


def code_of(device: TOTPDevice) -> str:
    """The six digits `device`'s app shows now."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"
