"""Editorial directors manage reviewer profiles: complete an imported placeholder, link
it to an account, invite a new reviewer. Every change is history with who and why."""

import datetime
import re

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.core import mail
from django.core.exceptions import ValidationError

from accounts import selectors, services
from accounts.models import ReviewerProfile, User
from accounts.roles import Role
from core.errors import DomainError, PermissionDenied
from core.models import OutgoingEmail
from encyclopedia.models import Topic
from reviews.cycles import review_cycles_assign
from tests.accounts.factories import ReviewerProfileFactory, UserFactory
from tests.accounts.reviewer_helpers import TODAY
from tests.mail import committed
from tests.reviews.cycles.factories import due_article, open_cycle

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reviewer_clock")]

COMPLETED = {
    "credentials": "MD",
    "licence_number": "WA-MD-004211",
    "licence_expires_on": datetime.date(2028, 3, 31),
    "is_active": True,
}


@pytest.fixture
def linda(db):
    """The clinician's account, as an administrator created it: no role, no profile."""
    return UserFactory(username="lvorvick", first_name="Linda", last_name="Vorvick")


def invite(director, **overrides):
    values = {
        "director": director,
        "username": "adeyemi",
        "email": "amara.adeyemi@hospital.example",
        "first_name": "Amara",
        "last_name": "Adeyemi",
        "credit_name": "Amara Adeyemi, MD",
        "credentials": "MD",
        "specialties": [],
        "licence_number": "MA-221873",
        "licence_expires_on": datetime.date(2028, 1, 31),
        **overrides,
    }
    return services.reviewer_invite(**values)


# --- Completing a placeholder ---------------------------------------------------------------


def test_a_placeholder_lists_what_it_lacks(vorvick, cardiology):
    assert selectors.reviewer_profile_missing(vorvick) == [
        "credentials",
        "licence number",
        "licence expiry",
        "specialties",
        "an account",
    ]
    complete = ReviewerProfileFactory(specialties=[cardiology])
    assert selectors.reviewer_profile_missing(complete) == []


def test_the_director_completes_a_placeholder_and_the_reviewer_can_be_assigned(
    vorvick, linda, brenda, maria, cardiology
):
    services.reviewer_profile_update(
        profile=vorvick,
        director=brenda,
        reason="Credentials checked with the state medical board",
        specialties=[cardiology],
        **COMPLETED,
    )
    vorvick.refresh_from_db()
    assert vorvick.needs_completion  # no account yet
    assert selectors.reviewer_profile_missing(vorvick) == ["an account"]

    services.reviewer_profile_link(profile=vorvick, user=linda, director=brenda)

    vorvick.refresh_from_db()
    assert vorvick.user == linda and not vorvick.needs_completion
    assert User.objects.get(pk=linda.pk).has_role(Role.MEDICAL_REVIEWER)
    rows = list(vorvick.history.order_by("history_date", "history_id"))
    assert [(row.history_user, row.history_change_reason) for row in rows[-2:]] == [
        (brenda, "Credentials checked with the state medical board"),
        (brenda, "Linked to the account lvorvick"),
    ]
    assert rows[-2].credentials == "MD" and rows[-2].needs_completion
    assert not rows[-1].needs_completion

    cycle = open_cycle(due_article(TODAY, specialty=cardiology, author=maria))
    linda = User.objects.get(pk=linda.pk)
    [assigned] = review_cycles_assign(cycles=[cycle], reviewer=linda, director=brenda, today=TODAY)
    assert assigned.assignee == linda


def test_an_edit_is_one_history_row_holding_its_specialties(okafor, brenda, dermatology):
    before = okafor.history.count()

    services.reviewer_profile_update(
        profile=okafor,
        director=brenda,
        reason="Board certified in dermatology too",
        specialties=[*okafor.specialties.all(), dermatology],
        title="Professor of Medicine",
    )

    assert okafor.history.count() == before + 1
    row = okafor.history.latest()
    assert row.title == "Professor of Medicine"
    assert row.history_user == brenda
    assert {s.specialty.slug for s in row.specialties.all()} == {"cardiology", "dermatology"}


def test_an_edit_that_changes_nothing_writes_no_history(okafor, brenda):
    before = okafor.history.count()

    services.reviewer_profile_update(
        profile=okafor, director=brenda, reason="Checked", title=okafor.title
    )

    assert okafor.history.count() == before


def test_an_edit_without_a_reason_is_refused_and_changes_nothing(okafor, brenda):
    with pytest.raises(DomainError) as refusal:
        services.reviewer_profile_update(
            profile=okafor, director=brenda, reason="  ", credentials="DO"
        )

    assert refusal.value.code == "reason_required"
    assert "Say why" in refusal.value.message
    okafor.refresh_from_db()
    assert okafor.credentials == "MD"


@pytest.mark.parametrize("person", ["maria", "charlie", "dugdale"])
def test_only_editorial_directors_edit_profiles(request, okafor, person):
    someone = request.getfixturevalue(person)
    someone = someone.user if isinstance(someone, ReviewerProfile) else someone

    with pytest.raises(PermissionDenied) as refusal:
        services.reviewer_profile_update(
            profile=okafor, director=someone, reason="Because", credentials="DO"
        )

    assert refusal.value.code == "wrong_role"
    assert refusal.value.message == "Only editorial directors can edit reviewer profiles."


def test_a_complete_profile_keeps_its_credentials(okafor, brenda):
    with pytest.raises(ValidationError, match="blank"):
        services.reviewer_profile_update(
            profile=okafor, director=brenda, reason="Oops", credentials=""
        )


def test_a_conflict_of_interest_is_dated_and_disclosed(okafor, brenda, cardiology):
    with pytest.raises(DomainError) as undated:
        services.reviewer_profile_update(
            profile=okafor, director=brenda, reason="Disclosure", conflict_of_interest="Advisor"
        )
    with pytest.raises(DomainError) as undisclosed:
        services.reviewer_profile_update(
            profile=okafor, director=brenda, reason="Disclosure", conflict_specialties=[cardiology]
        )

    assert undated.value.code == "conflict_undated"
    assert undisclosed.value.code == "conflict_undisclosed"


def test_conflict_topics_are_recorded_on_the_topic_with_who_and_why(okafor, brenda):
    anticoagulants = Topic.objects.create(name="Anticoagulants", slug="anticoagulants")

    services.reviewer_profile_update(
        profile=okafor,
        director=brenda,
        reason="Annual disclosure",
        conflict_of_interest="Paid advisor to a maker of anticoagulants",
        conflict_declared_on=datetime.date(2026, 11, 20),
        conflict_topics=[anticoagulants],
    )

    assert list(okafor.conflict_topics.all()) == [anticoagulants]
    topic_row = anticoagulants.history.latest()
    assert topic_row.history_user == brenda
    assert topic_row.history_change_reason == (
        "Conflict of interest of Ngozi Okafor, MD: Annual disclosure"
    )
    assert okafor.history.latest().history_change_reason == "Annual disclosure"

    services.reviewer_profile_update(
        profile=okafor, director=brenda, reason="Advisory role ended", conflict_topics=[]
    )
    assert not okafor.conflict_topics.exists()


# --- Linking an account ----------------------------------------------------------------------


def test_a_profile_with_an_account_is_not_linked_again(okafor, linda, brenda):
    with pytest.raises(DomainError) as refusal:
        services.reviewer_profile_link(profile=okafor, user=linda, director=brenda)

    assert refusal.value.code == "already_linked"


def test_an_account_has_one_profile(vorvick, okafor, brenda):
    with pytest.raises(DomainError) as refusal:
        services.reviewer_profile_link(profile=vorvick, user=okafor.user, director=brenda)

    assert refusal.value.code == "account_has_profile"
    vorvick.refresh_from_db()
    assert vorvick.user is None


def test_an_inactive_account_is_not_linked(vorvick, brenda):
    imported = UserFactory(username="imported", is_active=False)

    with pytest.raises(DomainError) as refusal:
        services.reviewer_profile_link(profile=vorvick, user=imported, director=brenda)

    assert refusal.value.code == "inactive_account"


def test_linking_may_leave_the_roles_alone(vorvick, linda, brenda):
    services.reviewer_profile_link(
        profile=vorvick, user=linda, director=brenda, grant_reviewer_role=False
    )

    assert User.objects.get(pk=linda.pk).roles == []


def test_only_editorial_directors_link_accounts(vorvick, linda, maria):
    with pytest.raises(PermissionDenied):
        services.reviewer_profile_link(profile=vorvick, user=linda, director=maria)


# --- Inviting -------------------------------------------------------------------------------


def test_an_invitation_creates_the_account_and_profile_and_mails_a_set_password_link(
    brenda, cardiology
):
    profile = committed(invite, brenda, specialties=[cardiology])

    user = profile.user
    assert user.is_active and not user.has_usable_password()
    assert user.roles == [Role.MEDICAL_REVIEWER]
    assert (profile.credit_name, profile.credentials, profile.licence_number) == (
        "Amara Adeyemi, MD",
        "MD",
        "MA-221873",
    )
    assert profile.is_active and not profile.needs_completion
    assert list(profile.specialties.all()) == [cardiology]
    row = profile.history.get()
    assert row.history_user == brenda
    assert row.history_change_reason == "Invited as a new reviewer (adeyemi)"
    assert [s.specialty for s in row.specialties.all()] == [cardiology]

    [letter] = mail.outbox
    assert letter.to == ["amara.adeyemi@hospital.example"]
    assert "invited" in letter.subject
    assert "Your username is adeyemi" in letter.body
    [link] = re.findall(r"https://encyclopedia\.example/accounts/password/reset/\S+", letter.body)
    token = link.rstrip("/").rsplit("/", 1)[1]
    assert default_token_generator.check_token(user, token)
    assert OutgoingEmail.objects.get().status == OutgoingEmail.Status.SENT


def test_an_invitation_is_sent_only_once_the_change_commits(brenda):
    invite(brenda)

    assert mail.outbox == []
    assert OutgoingEmail.objects.get().status == OutgoingEmail.Status.QUEUED


def test_inviting_a_placeholder_links_it_to_the_new_account(vorvick, brenda, cardiology):
    profile = invite(
        brenda,
        profile=vorvick,
        username="lvorvick",
        email="linda.vorvick@uw.example",
        first_name="Linda",
        last_name="Vorvick",
        credit_name=vorvick.credit_name,
        specialties=[cardiology],
    )

    assert profile.pk == vorvick.pk
    vorvick.refresh_from_db()
    assert vorvick.user.username == "lvorvick"
    assert vorvick.title == "Clinical Associate Professor"  # what the import knew stays
    assert not vorvick.needs_completion
    assert vorvick.history.latest().history_change_reason == ("Invited to their account (lvorvick)")


def test_an_invitation_without_a_licence_leaves_a_profile_to_complete(brenda):
    profile = invite(brenda, licence_number="", licence_expires_on=None)

    assert profile.needs_completion
    assert selectors.reviewer_profile_missing(profile) == [
        "licence number",
        "licence expiry",
        "specialties",
    ]


@pytest.mark.parametrize(
    ("overrides", "code"),
    [
        ({"username": "OKAFOR"}, "username_taken"),
        ({"email": "OKAFOR@stet.example"}, "email_taken"),
        ({"email": " "}, "email_required"),
    ],
)
def test_an_invitation_is_refused_for_a_taken_name_or_address(okafor, brenda, overrides, code):
    with pytest.raises(DomainError) as refusal:
        invite(brenda, **overrides)

    assert refusal.value.code == code
    assert not User.objects.filter(username="adeyemi").exists()
    assert not OutgoingEmail.objects.exists()


def test_a_placeholder_with_an_account_is_not_invited(okafor, brenda):
    with pytest.raises(DomainError) as refusal:
        invite(brenda, profile=okafor)

    assert refusal.value.code == "already_linked"


def test_only_editorial_directors_invite(maria):
    with pytest.raises(PermissionDenied):
        invite(maria)
    assert not User.objects.filter(username="adeyemi").exists()


# --- The list ---------------------------------------------------------------------------------


def test_licences_are_marked_expired_or_expiring(okafor, lee, brenda):
    soon = ReviewerProfileFactory(
        credit_name="Soon Expiring, MD", licence_expires_on=TODAY + datetime.timedelta(days=30)
    )
    later = ReviewerProfileFactory(
        credit_name="Later, MD", licence_expires_on=TODAY + datetime.timedelta(days=31)
    )

    marks = {row.profile.pk: row.licence for row in selectors.reviewer_rows(today=TODAY)}

    assert marks[lee.pk] == "expired"
    assert marks[soon.pk] == "expiring"
    assert marks[later.pk] == "" and marks[okafor.pk] == ""
