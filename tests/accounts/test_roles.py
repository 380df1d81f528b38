import pytest
from django.contrib.auth.models import Group

from accounts.roles import Role
from accounts.services import system_user
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_every_role_exists_as_a_group():
    assert set(Group.objects.values_list("name", flat=True)) >= {role.value for role in Role}


@pytest.mark.parametrize(
    ("role", "allowed", "refused"),
    [
        (Role.EDITOR, ["encyclopedia.add_article", "encyclopedia.change_revision"], []),
        (
            Role.MEDICAL_REVIEWER,
            ["encyclopedia.view_revision"],
            ["encyclopedia.add_article", "encyclopedia.change_revision"],
        ),
        (
            Role.MEDICAL_DIRECTOR,
            ["encyclopedia.view_article"],
            ["encyclopedia.change_revision", "accounts.change_reviewerprofile"],
        ),
        (
            Role.EDITORIAL_DIRECTOR,
            ["encyclopedia.change_reviewpolicy", "accounts.change_reviewerprofile"],
            ["encyclopedia.add_revision"],
        ),
    ],
)
def test_each_role_carries_its_permissions(role, allowed, refused):
    person = UserFactory(roles=[role])

    assert all(person.has_perm(permission) for permission in allowed)
    assert not any(person.has_perm(permission) for permission in refused)


def test_a_person_without_a_role_has_no_content_permissions(charlie):
    assert not charlie.has_perm("encyclopedia.view_article")
    assert charlie.roles == []


def test_roles_are_read_from_groups(maria, brenda):
    assert maria.roles == [Role.EDITOR]
    assert brenda.has_role(Role.EDITORIAL_DIRECTOR)
    assert not brenda.has_role(Role.EDITOR)


def test_the_system_user_cannot_sign_in_and_is_reused():
    user = system_user()

    assert not user.has_usable_password()
    assert not user.is_active
    assert system_user() == user
