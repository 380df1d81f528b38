"""Every refusal on the editorial pages is a message a person can act on — never a 500."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from reviews import services
from tests.encyclopedia.factories import published_article
from tests.reviews.factories import draft_change, proof_of
from tests.reviews.views.forms import draft_post_data

pytestmark = pytest.mark.django_db


def messages_of(response) -> str:
    return " ".join(str(message) for message in response.context["messages"])


@pytest.fixture
def article(maria, cardiology):
    return published_article(author=maria, specialty=cardiology)


@pytest.fixture
def in_review(article, maria, okafor):
    draft = services.revision_start_draft(article=article, editor=maria)
    services.revision_submit(
        revision=draft, editor=maria, kind="update", change_summary="A change", reviewer=okafor
    )
    return draft


def test_a_second_editor_saving_a_stale_draft_keeps_their_text_and_sees_the_other_change(
    client, article, maria, tom
):
    draft = services.revision_start_draft(article=article, editor=maria)
    loaded_by_maria = draft_post_data(draft)
    client.force_login(tom)
    toms = draft_post_data(draft)
    toms["sections-0-body"] = "Tom's wording of the causes."
    client.post(reverse("reviews:revision-edit", args=[draft.pk]), toms)

    client.force_login(maria)
    marias = dict(loaded_by_maria)
    marias["sections-0-body"] = "Maria's wording of the causes."
    response = client.post(reverse("reviews:revision-edit", args=[draft.pk]), marias)

    assert response.status_code == 200
    page = response.content.decode()
    assert "Tom Becker changed this draft" in messages_of(response)
    assert "What Tom Becker saved meanwhile" in page  # not the draft's author, Maria
    assert "Maria&#x27;s wording of the causes." in page  # her text is still in the form
    assert "<del>Maria</del><ins>Tom</ins>&#x27;s wording" in page  # his change, beside hers
    draft.refresh_from_db()
    assert draft.sections.first().body == "Tom's wording of the causes."

    # Saving again from the refreshed form merges on top of Tom's version.
    form = response.context["form"]
    marias["edit_version"] = form.data["edit_version"]
    response = client.post(reverse("reviews:revision-edit", args=[draft.pk]), marias)
    assert response.status_code == 302
    assert draft.sections.first().body == "Maria's wording of the causes."


def test_the_author_is_told_why_they_cannot_sign_their_own_revision(
    client, in_review, maria, brenda
):
    # Give Maria the reviewer role too, and put the step in the pool where any reviewer
    # may take it: having written the revision still bars her.
    maria.groups.add(Group.objects.get(name="Medical reviewers"))
    approval = in_review.submissions.get().approvals.get(position=0)
    services.approval_assign(approval=approval, assignee=None, director=brenda)
    client.force_login(maria)

    response = client.post(
        reverse("reviews:approval-decide", args=[approval.pk]),
        {"decision": "approve", "attested": "on"},
        follow=True,
    )

    assert response.status_code == 200
    assert "You wrote or edited this revision" in messages_of(response)
    approval.refresh_from_db()
    assert approval.decision == "pending"


def test_signing_without_the_attestation_is_refused_with_a_message(client, in_review, okafor):
    client.force_login(okafor.user)
    approval = in_review.submissions.get().approvals.get(position=0)

    response = client.post(
        reverse("reviews:approval-decide", args=[approval.pk]),
        {"decision": "approve"},
        follow=True,
    )

    assert "Tick the attestation" in messages_of(response)
    approval.refresh_from_db()
    assert approval.decision == "pending"


def test_requesting_changes_without_a_comment_is_refused(client, in_review, okafor):
    client.force_login(okafor.user)
    approval = in_review.submissions.get().approvals.get(position=0)

    response = client.post(
        reverse("reviews:approval-decide", args=[approval.pk]),
        {"decision": "request_changes", "comment": "  "},
        follow=True,
    )

    assert "Write what needs to change" in messages_of(response)
    in_review.refresh_from_db()
    assert in_review.state == "in_review"


def test_an_editor_cannot_edit_a_revision_in_review(client, in_review, maria):
    client.force_login(maria)

    response = client.get(reverse("reviews:revision-edit", args=[in_review.pk]), follow=True)

    assert "its text is frozen" in messages_of(response)


def test_publishing_a_revision_not_yet_approved_is_refused_with_the_reason(
    client, in_review, maria
):
    client.force_login(maria)

    response = client.post(reverse("reviews:revision-publish", args=[in_review.pk]), follow=True)

    assert "You cannot publish this revision: it is in review." in messages_of(response)


def test_withdrawing_someone_elses_revision_is_refused(client, in_review, tom):
    client.force_login(tom)

    response = client.post(reverse("reviews:revision-withdraw", args=[in_review.pk]), follow=True)

    assert "Only the revision's author can withdraw it." in messages_of(response)
    in_review.refresh_from_db()
    assert in_review.state == "in_review"


def test_a_stale_draft_offers_a_rebase(client, article, maria, tom, brenda):
    slow = services.revision_start_draft(article=article, editor=maria)
    fast = draft_change(article, editor=tom, correction=True)
    services.revision_submit(revision=fast, editor=tom, kind="correction", change_summary="Typo")
    approval = fast.submissions.get().approvals.get()
    services.approval_approve(
        approval=approval, signer=brenda, proof=proof_of(brenda), attested=True
    )
    services.revision_publish(revision=fast, editor=tom)
    client.force_login(maria)

    page = client.get(reverse("reviews:revision", args=[slow.pk])).content.decode()
    assert "Rebase onto the live version" in page
    response = client.post(
        reverse("reviews:revision-submit", args=[slow.pk]),
        {"kind": "update", "change_summary": "x"},
        follow=True,
    )
    assert "Rebase the draft" in messages_of(response)

    response = client.post(reverse("reviews:revision-rebase", args=[slow.pk]), follow=True)
    slow.refresh_from_db()
    assert slow.based_on_id == fast.pk
    assert "Rebased onto the live version" in messages_of(response)


@pytest.mark.parametrize(
    ("name", "method"),
    [
        ("reviews:chains", "get"),
        ("reporting:dashboard", "get"),
    ],
)
def test_director_pages_refuse_editors(client, maria, name, method):
    client.force_login(maria)

    assert getattr(client, method)(reverse(name)).status_code == 403


def test_a_reader_without_a_role_cannot_open_a_revision(client, charlie, in_review):
    client.force_login(charlie)

    assert client.get(reverse("reviews:revision", args=[in_review.pk])).status_code == 403


def test_the_markdown_preview_never_returns_script(client, maria):
    client.force_login(maria)

    response = client.post(
        reverse("reviews:markdown-preview"), {"body": "**Hi** <script>alert(1)</script>"}
    )

    assert "<strong>Hi</strong>" in response.content.decode()
    assert "<script>" not in response.content.decode()


def test_a_director_edits_the_approval_chain_for_corrections(client, brenda):
    client.force_login(brenda)

    response = client.post(
        reverse("reviews:chains"),
        {"kind": "update", "steps": ["editorial_director"]},
        follow=True,
    )

    assert "must include the medical review" in messages_of(response)
    response = client.post(
        reverse("reviews:chains"),
        {"kind": "correction", "steps": ["medical_director", "editorial_director"]},
        follow=True,
    )
    assert "Approval chain for minor edit / correction saved." in messages_of(response)
    assert services.approval_chain_for("correction") == ["medical_director", "editorial_director"]
