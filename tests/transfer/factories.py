"""A realistic catalogue, built the way the application builds one, and helpers for the
import tests: synthetic pages (good and bad), and a snapshot of everything an import
could change, to show that a refused file changed nothing."""

import datetime
from zoneinfo import ZoneInfo

from django.contrib.auth.models import Group

from accounts.models import ReviewerProfile, Specialty, User
from accounts.roles import Role
from encyclopedia.models import (
    Article,
    Reference,
    Revision,
    Section,
    SpecialtyReviewInterval,
    Topic,
)
from encyclopedia.services import Credit, ReferenceInput, SectionInput
from reviews import cycles
from reviews import services as workflow
from reviews.models import Approval, AuditEvent, ReviewCycle, Submission
from tests.accounts.factories import ReviewerProfileFactory, SpecialtyFactory, UserFactory
from tests.encyclopedia.factories import draft_article, published_article
from tests.reviews.factories import (
    proof_of,
    published_revision,
)

NEW_YORK = ZoneInfo("America/New_York")
TODAY = datetime.date(2026, 11, 27)
NOW = datetime.datetime(2026, 11, 27, 10, tzinfo=NEW_YORK)


def at(day: str, hour: int = 10) -> datetime.datetime:
    return datetime.datetime.combine(
        datetime.date.fromisoformat(day), datetime.time(hour), tzinfo=NEW_YORK
    )


def person(username: str, first: str, last: str, *roles: Role) -> User:
    user = UserFactory(username=username, first_name=first, last_name=last, roles=list(roles))
    user.groups.add(*Group.objects.filter(name__in=[role.value for role in roles]))
    return user


def clinician(username: str, credit_name: str, *roles: Role, **fields) -> ReviewerProfile:
    first, _, last = credit_name.split(",")[0].rpartition(" ")
    return ReviewerProfileFactory(
        user=person(username, first, last, *roles),
        credit_name=credit_name,
        licence_expires_on=datetime.date(2027, 12, 31),
        **fields,
    )


def build_catalogue() -> dict:
    """Eight articles covering what a catalogue holds: several published versions with
    sign-offs, a correction, periodic reviews re-certified, in progress and open,
    a specialty and an article with their own review intervals, a retired article, a
    never-published one, topics, credits (two reviewers share a credit name), and text
    outside ASCII. Everything is created here (no fixtures), so a test can roll it all
    back and be left with an empty database."""
    cardiology = SpecialtyFactory(name="Cardiology", slug="cardiology")
    nephrology = SpecialtyFactory(name="Nephrology", slug="nephrology")
    oncology = SpecialtyFactory(name="Oncology", slug="oncology")
    SpecialtyFactory(name="Dermatology", slug="dermatology")  # no article: still exported
    SpecialtyReviewInterval.objects.create(specialty=oncology, interval_months=12)
    anticoagulants = Topic.objects.create(name="Anticoagulants", slug="anticoagulants")
    Topic.objects.create(name="Pregnancy", slug="pregnancy")

    maria = person("maria", "Maria", "Santos", Role.EDITOR)
    tom = person("tom", "Tom", "Becker", Role.EDITOR)
    okafor = clinician(
        "okafor",
        "Ngozi Okafor, MD",
        Role.MEDICAL_REVIEWER,
        title="Associate Professor of Medicine",
        department="Division of Cardiology",
        specialties=[cardiology, nephrology, oncology],
    )
    dugdale = clinician(
        "dugdale", "David C. Dugdale, MD", Role.MEDICAL_DIRECTOR, title="Medical Director"
    )
    brenda = person("brenda", "Brenda", "Conaway", Role.EDITORIAL_DIRECTOR)
    # Two clinicians printed under the same credit name.
    lee_senior = clinician("lee1", "Sam Lee, MD", title="Professor of Oncology")
    lee_junior = clinician("lee2", "Sam Lee, MD", title="Clinical Instructor")
    signers = [okafor.user, dugdale.user, brenda]

    # 1. Atrial fibrillation: v1 reviewed in 2024, v2 a full review signed by three.
    af = published_article(
        number="002321",
        title="Atrial fibrillation",
        specialty=cardiology,
        author=maria,
        topics=[anticoagulants],
        reviewer=okafor,
        reviewed_on=datetime.date(2024, 7, 23),
    )
    published_revision(
        af,
        editor=maria,
        signers=signers,
        kind=Revision.Kind.FULL_REVIEW,
        sign_at=at("2026-11-20", 9),
        sections=[
            SectionInput("Causes", "A fast, irregular heartbeat starts in the atria."),
            SectionInput("Treatment", "Anticoagulants when the CHA2DS2-VASc score is 2 or more."),
        ],
    )
    # 2. Angina: v1, then a correction (editorial director only; Review Date stays).
    angina = published_article(
        number="000150",
        title="Angina",
        specialty=cardiology,
        author=tom,
        reviewer=lee_senior,
        reviewed_on=datetime.date(2025, 6, 2),
    )
    published_revision(
        angina,
        editor=tom,
        signers=[brenda],
        kind=Revision.Kind.CORRECTION,
        change_summary="Typo in Causes",
    )
    # 3. Kidney stones: overdue, re-certified by its reviewer.
    stones = published_article(
        number="000184",
        title="Kidney stones",
        specialty=nephrology,
        author=maria,
        reviewed_on=datetime.date(2024, 1, 10),
        published_at=at("2024-01-10"),
    )
    # 4. Chemotherapy (oncology: 12 months): due, its reviewer asked for changes (a draft).
    chemo = published_article(
        number="000200",
        title="Chemotherapy",
        specialty=oncology,
        author=tom,
        reviewer=lee_junior,
        reviewed_on=datetime.date(2025, 9, 1),
    )
    # 5. Ménière's disease: its own 36-month interval, never-reviewed credits, unicode.
    published_article(
        number="000300",
        title="Ménière’s disease",
        specialty=cardiology,
        author=maria,
        summary="Vertigo, tinnitus — and hearing loss; “episodes” last hours.",
        review_interval_months=36,
        reviewed_on=datetime.date(2025, 3, 14),
        also_reviewed_by=(Credit("Brenda Conaway", "Editorial Director"),),
        references=[
            ReferenceInput(
                citation="Øberg K. Vestibular disorders. Demo Otol. 2019;2:1-9.",
                url="https://example.org/øberg",
                accessed_on=datetime.date(2025, 2, 28),
                pubmed_id="29999999",
                doi="10.5555/stet.demo.2019.0002",
            )
        ],
    )
    # 6. Retired, with its open review cancelled.
    retired = published_article(
        number="000400",
        title="Old treatment guide",
        specialty=cardiology,
        author=maria,
        reviewed_on=datetime.date(2023, 1, 5),
    )
    # 7. Never published.
    draft_article(number="000500", title="Gout", specialty=nephrology, author=maria)
    # 8. Published but never reviewed.
    published_article(
        number="000600",
        title="Hiccups",
        specialty=nephrology,
        author=tom,
        reviewed_on=None,
        published_at=at("2026-10-01"),
    )

    # The scheduler opens cycles for everything due; reviewers and directors act on them.
    cycles.review_cycles_flag_overdue(today=TODAY, now=at("2026-11-21", 5))
    stones_cycle = ReviewCycle.objects.open().get(article=stones)
    cycles.review_cycles_assign(
        cycles=[stones_cycle],
        reviewer=okafor.user,
        director=brenda,
        today=TODAY,
        now=at("2026-11-21", 8),
    )
    cycles.review_cycle_recertify(
        cycle=stones_cycle,
        reviewer=okafor.user,
        proof=proof_of(okafor.user, now=at("2026-11-22", 11)),
        attested=True,
        now=at("2026-11-22", 11),
    )
    chemo_cycle = ReviewCycle.objects.open().get(article=chemo)
    cycles.review_cycles_assign(
        cycles=[chemo_cycle],
        reviewer=okafor.user,
        director=brenda,
        today=TODAY,
        now=at("2026-11-21", 8),
    )
    cycles.review_cycle_request_changes(
        cycle=chemo_cycle,
        reviewer=okafor.user,
        note="Update the dosing table.",
        now=at("2026-11-23"),
    )
    workflow.article_retire(
        article=retired, director=brenda, reason="Merged into Angina", now=at("2026-11-24")
    )
    return {"articles": Article.objects.count(), "af": af, "maria": maria, "brenda": brenda}


# --- Pages ---------------------------------------------------------------------------------


def page(
    *,
    title: str = "Gallstones",
    number: str | None = "000500",
    summary: str = "Gallstones are hard deposits that form inside the gallbladder.",
    sections: str = (
        "<h2>Causes</h2><p>Gallstones form when bile holds too much cholesterol.</p>"
        "<h2>Treatment</h2><p>Surgery to remove the gallbladder is common.</p>"
    ),
    references: str = (
        "<li>Demo Digestive Society. Gallstone guideline. 2022. "
        '<a href="https://example.org/gallstones">https://example.org/gallstones</a>. '
        "Accessed May 4, 2024.</li>"
    ),
    review_date: str = "3/18/2025",
    credits: str = (
        "Updated by: Jonas Weber, MD, Assistant Professor of Surgery, Demo University. "
        "Also reviewed by David C. Dugdale, MD, Medical Director, Brenda Conaway, "
        "Editorial Director, and the Demo Health Editorial team."
    ),
    h1: bool = True,
) -> bytes:
    """A synthetic encyclopedia page, each part replaceable to make it wrong."""
    canonical = (
        f'<link rel="canonical" href="https://health.example/article/{number}/">' if number else ""
    )
    heading = f"<h1>{title}</h1>" if h1 else f'<p class="title">{title}</p>'
    return (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title}</title>\n{canonical}\n</head>\n<body>\n<article>\n{heading}\n"
        f'<div id="ency_summary"><p>{summary}</p></div>\n'
        f"{sections}\n"
        f"<h2>References</h2>\n<ol>\n{references}\n</ol>\n"
        f'<div class="review-info">\n<p>Review Date {review_date}</p>\n<p>{credits}</p>\n</div>\n'
        "</article>\n</body>\n</html>\n"
    ).encode()


def snapshot() -> dict:
    """Counts of every kind of row an import writes, history included."""
    models = [
        Article,
        Revision,
        Section,
        Reference,
        Submission,
        Approval,
        ReviewCycle,
        AuditEvent,
        ReviewerProfile,
        Specialty,
        Topic,
        User,
    ]
    counts = {model.__name__: model.objects.count() for model in models}
    for model in (Article, Revision, Section, Reference, ReviewerProfile, ReviewCycle, Specialty):
        counts[f"history of {model.__name__}"] = model.history.count()
    return counts
