"""Writes to people and credentials."""

from collections.abc import Iterable

from django.contrib.auth.models import Group
from django.db import transaction

from accounts.models import User
from accounts.roles import Role

SYSTEM_USERNAME = "stet-system"


def system_user() -> User:
    """The account scheduled jobs act as, so their history rows name a user, not nobody."""
    user, created = User.objects.get_or_create(
        username=SYSTEM_USERNAME,
        defaults={"first_name": "Stet", "last_name": "scheduler", "is_active": False},
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


@transaction.atomic
def user_create(
    *,
    username: str,
    password: str | None,
    first_name: str = "",
    last_name: str = "",
    email: str = "",
    roles: Iterable[Role] = (),
    is_staff: bool = False,
) -> User:
    user = User(
        username=username,
        first_name=first_name,
        last_name=last_name,
        email=email,
        is_staff=is_staff,
    )
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.full_clean(exclude=["password"])
    user.save()
    user.groups.set(Group.objects.filter(name__in=[role.value for role in roles]))
    return user
