"""The review page: the change as the reader will see it, untouched sections folded
away, every change reachable by its id, and comments on sections written on the
decision form, saved with the decision or not at all."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from encyclopedia.services import SectionInput
from reviews import services
from reviews.models import Approval, Comment
from tests.accounts.factories import PASSWORD
from tests.reviews.factories import draft_change, live_article, pending_step

pytestmark = pytest.mark.django_db

SECTIONS = [
    SectionInput("Causes", "A fast, irregular heartbeat starts in the upper chambers."),
    SectionInput("Symptoms", "Palpitations, tiredness and shortness of breath."),
    SectionInput("Diagnosis", "An ECG shows the rhythm."),
    SectionInput("Treatment", "- Medicines slow the heart rate.\n- Some people need a procedure."),
    SectionInput("Outlook", "Most people live well with it."),
]
NEW_TREATMENT = (
    "- Medicines slow the heart rate.\n"
    "- Anticoagulants prevent clots in people at risk.\n"
    "- Some people need a [procedure](https://example.org/ablation)."
)


def messages_of(response) -> str:
    return " ".join(str(message) for message in response.context["messages"])


def page_of(response) -> BeautifulSoup:
    return BeautifulSoup(response.content.decode(), "html.parser")


@pytest.fixture
def in_review(cardiology, maria, okafor):
    article = live_article(specialty=cardiology, author=maria, sections=SECTIONS)
    draft = draft_change(
        article,
        editor=maria,
        sections=[
            SectionInput(s.heading, NEW_TREATMENT) if s.heading == "Treatment" else s
            for s in SECTIONS
        ],
    )
    services.revision_submit(
        revision=draft, editor=maria, kind="update", change_summary="Clots", reviewer=okafor
    )
    return draft


@pytest.fixture
def review_url(in_review):
    return reverse("reviews:revision-review", args=[in_review.pk])


def section_pk(revision, heading: str) -> int:
    return revision.sections.get(heading=heading).pk


def decide(client, revision, **data):
    return client.post(reverse("reviews:approval-decide", args=[pending_step(revision).pk]), data)


def test_untouched_sections_are_folded_away_closed_with_their_count(client, okafor, review_url):
    client.force_login(okafor.user)

    page = page_of(client.get(review_url))

    folds = page.select("details.unchanged-sections")
    assert [" ".join(fold.summary.get_text().split()) for fold in folds] == [
        "3 sections unchanged (Causes, Symptoms, Diagnosis)",
        "1 section unchanged (Outlook)",
    ]
    assert not any(fold.has_attr("open") for fold in folds)
    assert [h3.get_text() for h3 in folds[0].select("h3")] == ["Causes", "Symptoms", "Diagnosis"]
    treatment = page.select_one("#change-4")
    assert treatment.find_parent("details") is None
    assert "change-changed" in treatment["class"]


def test_a_changed_section_reads_as_the_reader_will_see_it_with_its_source_a_click_away(
    client, okafor, review_url
):
    client.force_login(okafor.user)

    page = page_of(client.get(review_url))

    treatment = page.select_one("#change-4")
    rendered = treatment.select_one(".rendered-diff")
    items = rendered.select("ul > li")
    assert len(items) == 3
    assert items[1].ins.get_text() == "Anticoagulants prevent clots in people at risk."
    assert items[2].a["href"] == "https://example.org/ablation"
    assert "(link to https://example.org/ablation)" in items[2].get_text()
    source = treatment.select_one("details.source-diff")
    assert not source.has_attr("open")
    assert source.summary.get_text() == "Markdown source"
    assert "Anticoagulants prevent clots" in source.select_one(".diff ins").get_text()


def test_every_change_has_an_id_the_next_change_links_lead_to(client, okafor, review_url):
    client.force_login(okafor.user)

    page = page_of(client.get(review_url))

    ids = {element["id"] for element in page.select("[id]")}
    stops = [element["id"] for element in page.select(".comparison .stop")]
    assert stops[:2] == ["change-4-1", "change-4-2"]
    assert "reference-change-3" in stops  # the 2025 guideline the draft adds
    next_change = page.select_one('.change-nav a[data-step="1"]')
    assert next_change.get_text() == "Next change"
    assert next_change["href"] == "#change-4"
    assert next_change["href"][1:] in ids
    assert "Press j / k to move between changes." in " ".join(
        page.select_one("[data-key-hint]").get_text().split()
    )
    assert page.select_one('script[src$="js/review.js"]') is not None


def test_the_history_comparison_folds_and_renders_the_same_way(client, maria, in_review):
    client.force_login(maria)
    article = in_review.article
    url = reverse("reviews:article-compare", args=[article.number])

    page = page_of(client.get(url, {"from": article.live_revision_id, "to": in_review.pk}))

    assert len(page.select("details.unchanged-sections")) == 2
    assert page.select_one("#change-4 .rendered-diff ins") is not None


def test_comments_on_sections_are_saved_with_the_decision(client, okafor, in_review, review_url):
    client.force_login(okafor.user)

    response = decide(
        client,
        in_review,
        decision="request_changes",
        comment="Two points below.",
        section_comment_section=[
            section_pk(in_review, "Treatment"),
            section_pk(in_review, "Causes"),
            "",
        ],
        section_comment_body=["Name the anticoagulant.", "Which chambers?", ""],
    )

    assert response.status_code == 302
    in_review.refresh_from_db()
    assert in_review.state == "changes_requested"
    assert [
        (c.section.heading, c.section_heading, c.body, c.author)
        for c in Comment.objects.filter(revision=in_review).order_by("pk")
    ] == [
        ("Treatment", "Treatment", "Name the anticoagulant.", okafor.user),
        ("Causes", "Causes", "Which chambers?", okafor.user),
    ]
    page = client.get(review_url)
    comments = page_of(page).select_one("#comments").get_text()
    assert "on “Treatment”" in comments and "Name the anticoagulant." in comments


def test_a_refused_signature_keeps_the_comments_on_the_form_and_saves_none(
    client, okafor, in_review
):
    client.force_login(okafor.user)
    treatment = section_pk(in_review, "Treatment")
    data = {
        "decision": "approve",
        "attested": "on",
        "comment": "Fine otherwise.",
        "section_comment_section": [str(treatment)],
        "section_comment_body": ["Cite the 2025 guideline here."],
    }

    response = decide(client, in_review, **data, password="not my password")

    assert response.status_code == 200
    assert Comment.objects.filter(revision=in_review).count() == 0
    assert pending_step(in_review).decision == Approval.Decision.PENDING
    form = page_of(response).select_one("#decide form")
    rows = form.select("[data-section-comment]")
    assert rows[0].textarea.get_text() == "Cite the 2025 guideline here."
    assert rows[0].select_one("option[selected]")["value"] == str(treatment)
    assert rows[1].textarea.get_text() == ""  # and a blank row for one more
    assert form.select_one('input[value="approve"]').has_attr("checked")
    assert form.select_one('input[name="attested"]').has_attr("checked")
    assert form.select_one("#decision-comment").get_text() == "Fine otherwise."
    assert "not my password" not in response.content.decode()

    # Sent again with the right password: signed, and the comment saved once.
    response = decide(client, in_review, **data, password=PASSWORD)

    assert response.status_code == 302
    assert "Your comment on a section is saved." in messages_of(client.get(response.url))
    assert list(Comment.objects.filter(revision=in_review).values_list("body", flat=True)) == [
        "Cite the 2025 guideline here."
    ]


def test_a_decision_the_service_refuses_saves_no_comment(client, okafor, in_review):
    client.force_login(okafor.user)

    response = decide(
        client,
        in_review,
        decision="request_changes",
        comment=" ",
        section_comment_section=[section_pk(in_review, "Outlook")],
        section_comment_body=["Say how many live well."],
    )

    assert response.status_code == 200
    assert "Write what needs to change" in messages_of(response)
    assert not Comment.objects.filter(revision=in_review).exists()
    assert (
        "Say how many live well."
        in page_of(response).select_one("#decide textarea[name=section_comment_body]").get_text()
    )
    in_review.refresh_from_db()
    assert in_review.state == "in_review"


def test_a_rejection_is_recorded_with_its_comments_on_sections(client, okafor, in_review):
    client.force_login(okafor.user)

    response = decide(
        client,
        in_review,
        decision="reject",
        comment="Not supported by the evidence.",
        section_comment_section=[section_pk(in_review, "Treatment")],
        section_comment_body=["No source for this."],
    )

    assert response.status_code == 302
    in_review.refresh_from_db()
    assert in_review.state == "rejected"
    assert Comment.objects.get(revision=in_review).section.heading == "Treatment"


@pytest.mark.parametrize("section", ["", "live", "999999", "Treatment"])
def test_a_comment_needs_a_section_of_this_revision(client, okafor, in_review, section):
    client.force_login(okafor.user)
    live = in_review.article.live_revision
    value = {"": "", "live": str(section_pk(live, "Treatment"))}.get(section, section)

    response = decide(
        client,
        in_review,
        decision="request_changes",
        comment="See below.",
        section_comment_section=[value],
        section_comment_body=["Which section was this?"],
    )

    assert response.status_code == 200
    assert "Choose the section each comment is on." in messages_of(response)
    assert not Comment.objects.exists()
    assert "Which section was this?" in response.content.decode()
    in_review.refresh_from_db()
    assert in_review.state == "in_review"


def test_the_review_page_does_not_grow_in_queries_with_its_sections(
    client, django_assert_max_num_queries, cardiology, maria, okafor
):
    def review_of(count: int) -> str:
        sections = [SectionInput(f"Part {n}", f"- Point {n}.\n- More.") for n in range(count)]
        article = live_article(
            specialty=cardiology, author=maria, title=f"Topic {count}", sections=sections
        )
        draft = draft_change(
            article,
            editor=maria,
            sections=[SectionInput(s.heading, s.body + " Changed.") for s in sections],
        )
        services.revision_submit(
            revision=draft, editor=maria, kind="update", change_summary="x", reviewer=okafor
        )
        return reverse("reviews:revision-review", args=[draft.pk])

    small, large = review_of(2), review_of(12)
    client.force_login(okafor.user)
    with django_assert_max_num_queries(40) as few:
        assert client.get(small).status_code == 200
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(large)
    assert response.content.decode().count("<summary>Markdown source</summary>") == 12 + 1
