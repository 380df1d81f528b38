"""Load the demo encyclopedia: people for every role, reviewer credentials, and about
forty synthetic articles whose review dates put them in every state the dashboards
know (current, due soon, overdue by days, months and years, never reviewed), with
drafts beside published revisions.

Idempotent: running it again changes nothing that is already there. Dates are
relative to today, so the demo looks the same whenever it is loaded.
"""

import datetime
import zlib
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from accounts.models import ReviewerProfile, Specialty, User
from accounts.roles import Role
from accounts.services import user_create
from core.clock import today
from encyclopedia import services as content
from encyclopedia.models import Article, Topic
from encyclopedia.services import Credit, ReferenceInput, SectionInput
from reviews.demo.content import ARTICLES, SPECIALTIES, TOPICS

DEMO_PASSWORD = "stet-demo-2026"


@dataclass(frozen=True)
class DemoPerson:
    username: str
    first_name: str
    last_name: str
    roles: tuple[Role, ...]
    credentials: str = ""
    title: str = ""
    department: str = ""
    specialties: tuple[str, ...] = ()
    licence_months_left: int = 18  # negative: expired that many months ago

    @property
    def credit_name(self) -> str:
        return f"{self.first_name} {self.last_name}, {self.credentials}"


INSTITUTION = "Riverside University School of Medicine, Riverside, MA"
PEOPLE = [
    DemoPerson("maria", "Maria", "Santos", (Role.EDITOR,)),
    DemoPerson("tom", "Tom", "Becker", (Role.EDITOR,)),
    DemoPerson(
        "okafor", "Ngozi", "Okafor", (Role.MEDICAL_REVIEWER,), "MD",
        "Associate Professor of Medicine", "Division of Cardiology",
        ("Cardiology", "Family Medicine"), 8,
    ),
    DemoPerson(
        "lee", "Daniel", "Lee", (Role.MEDICAL_REVIEWER,), "MD",
        "Clinical Assistant Professor", "Division of Cardiology", ("Cardiology",), -1,
    ),
    DemoPerson(
        "patel", "Anjali", "Patel", (Role.MEDICAL_REVIEWER,), "MD",
        "Professor of Dermatology", "Department of Dermatology",
        ("Dermatology", "Endocrinology"), 30,
    ),
    DemoPerson(
        "garcia", "Luis", "Garcia", (Role.MEDICAL_REVIEWER,), "MD, MPH",
        "Associate Professor", "Division of Infectious Diseases",
        ("Infectious Disease", "Pulmonology", "Pediatrics"), 20,
    ),
    DemoPerson(
        "nguyen", "Thu", "Nguyen", (Role.MEDICAL_REVIEWER,), "PharmD",
        "Clinical Pharmacist", "Department of Pharmacy",
        ("Gastroenterology", "Neurology", "Family Medicine"), 14,
    ),
    DemoPerson(
        "dugdale", "David", "Dugdale", (Role.MEDICAL_DIRECTOR, Role.MEDICAL_REVIEWER), "MD",
        "Medical Director", "Department of Medicine", (), 40,
    ),
    DemoPerson("brenda", "Brenda", "Conaway", (Role.EDITORIAL_DIRECTOR,)),
]  # fmt: skip

# How long ago each article was last reviewed, cycling through the states the
# dashboards distinguish (with the default 24-month interval).
REVIEW_AGES = [
    relativedelta(months=3),  # current
    relativedelta(months=14),  # current
    relativedelta(months=23, days=5),  # due soon
    relativedelta(months=24, days=4),  # overdue by a few days
    relativedelta(months=27),  # overdue by months
    relativedelta(months=9),  # current
    relativedelta(months=36, days=10),  # overdue by about a year
    relativedelta(months=52),  # overdue by years
    None,  # published without a recorded review (imported)
    relativedelta(months=18),  # current
]
NEVER_PUBLISHED = {"Gestational diabetes", "Restless legs syndrome", "Shingles"}
RETIRED = {"Croup"}
ARTICLE_NUMBERS = {"Atrial fibrillation": "002321"}


class Command(BaseCommand):
    help = "Load the demo encyclopedia (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--print-password", action="store_true", help="Print the password.")
        parser.add_argument("--list-users", action="store_true", help="List demo sign-ins.")

    def handle(self, *args, print_password=False, list_users=False, **options):
        if print_password:
            self.stdout.write(DEMO_PASSWORD)
            return
        if list_users:
            for person in PEOPLE:
                roles = ", ".join(role.label.lower() for role in person.roles)
                self.stdout.write(f"{person.username:<10} {roles}")
            return
        with transaction.atomic():
            created = self.load()
        self.stdout.write(self.style.SUCCESS(f"Demo data ready ({created} articles added)."))

    def load(self) -> int:
        specialties = {
            name: Specialty.objects.get_or_create(name=name, defaults={"slug": slugify(name)})[0]
            for name in SPECIALTIES
        }
        topics = {
            name: Topic.objects.get_or_create(name=name, defaults={"slug": slugify(name)})[0]
            for name in TOPICS
        }
        profiles = self.load_people(specialties)
        self.load_admin()
        self.load_conflicts(profiles, topics)
        created = 0
        for index, data in enumerate(ARTICLES):
            if Article.objects.filter(title=data["title"]).exists():
                continue
            self.load_article(index, data, specialties, topics, profiles)
            created += 1
        return created

    def load_people(self, specialties) -> dict[str, ReviewerProfile]:
        profiles = {}
        for person in PEOPLE:
            user = User.objects.filter(username=person.username).first() or user_create(
                username=person.username,
                password=DEMO_PASSWORD,
                first_name=person.first_name,
                last_name=person.last_name,
                email=f"{person.username}@stet.example",
                roles=person.roles,
            )
            if not person.credentials:
                continue
            profile = ReviewerProfile.objects.filter(user=user).first()
            if profile is None:
                profile = ReviewerProfile(
                    user=user,
                    credit_name=person.credit_name,
                    credentials=person.credentials,
                    title=person.title,
                    department=person.department,
                    institution=INSTITUTION,
                    licence_number=f"MA-{zlib.crc32(person.username.encode()) % 10**6:06d}",
                    licence_expires_on=today() + relativedelta(months=person.licence_months_left),
                    conflict_of_interest="None declared.",
                    conflict_declared_on=today() - relativedelta(months=6),
                )
                profile._change_reason = "Demo data"
                profile.save()
                profile.specialties.set([specialties[name] for name in person.specialties])
            profiles[person.username] = profile
        return profiles

    def load_admin(self) -> None:
        if not User.objects.filter(username="admin").exists():
            User.objects.create_superuser(
                "admin", "admin@stet.example", DEMO_PASSWORD, first_name="Site", last_name="Admin"
            )

    def load_conflicts(self, profiles, topics) -> None:
        # Dr. Okafor consults on anticoagulants: she may not sign articles in that topic.
        okafor = profiles.get("okafor")
        if okafor and not okafor.conflict_topics.exists():
            okafor.conflict_of_interest = (
                "Paid consultant to a manufacturer of oral anticoagulants (2025–2026)."
            )
            okafor.conflict_declared_on = today() - relativedelta(months=2)
            okafor._change_reason = "Demo data: conflict of interest declared"
            okafor.save()
            topics["Anticoagulants"].conflicted_reviewers.add(okafor)

    def load_article(self, index, data, specialties, topics, profiles) -> None:
        editor = User.objects.get(username="maria" if index % 2 == 0 else "tom")
        age = REVIEW_AGES[index % len(REVIEW_AGES)]
        reviewed_on = today() - age if age else None
        published_on = reviewed_on or today() - relativedelta(months=30)
        article = content.article_create(
            title=data["title"],
            specialty=specialties[data["specialty"]],
            author=editor,
            summary=data["summary"],
            topics=[topics[name] for name in data["topics"]],
            number=ARTICLE_NUMBERS.get(data["title"], f"{100 + index:06d}"),
            sections=[SectionInput(heading, body) for heading, body in data["sections"]],
            references=[
                ReferenceInput(
                    citation=ref["citation"],
                    url=ref["url"],
                    accessed_on=published_on - datetime.timedelta(days=3),
                    doi=ref.get("doi", ""),
                    pubmed_id=ref.get("pubmed_id", ""),
                )
                for ref in data["references"]
            ],
        )
        if data["title"] in NEVER_PUBLISHED:
            return
        reviewer = self.reviewer_for(data["specialty"], profiles)
        revision = article.revisions.get()
        content.article_publish_revision(
            revision=revision,
            user=editor,
            published_at=timezone.make_aware(
                datetime.datetime.combine(published_on, datetime.time(10))
            ),
            reviewed_on=reviewed_on,
            reviewer=reviewer if reviewed_on else None,
            also_reviewed_by=[
                Credit(profiles["dugdale"].credit_name, "Medical Director"),
                Credit("Brenda Conaway", "Editorial Director"),
            ]
            if reviewed_on
            else (),
            reason="Demo data: published",
        )
        if data["title"] in RETIRED:
            content.article_retire(
                article=article, user=editor, reason="Merged into a broader article"
            )
        elif index % 7 == 1:
            # A draft beside the live page: the public page must not show it.
            draft = content.revision_start_draft(article=article, author=editor)
            sections, references = content.revision_content(draft)
            sections[0] = SectionInput(
                sections[0].heading, sections[0].body + "\n\nThis paragraph is a draft addition."
            )
            content.revision_save_draft(
                revision=draft,
                editor=editor,
                expected_version=draft.edit_version,
                title=draft.title,
                summary=draft.summary,
                sections=sections,
                references=references,
            )

    @staticmethod
    def reviewer_for(specialty: str, profiles) -> ReviewerProfile:
        for username in ("okafor", "patel", "garcia", "nguyen"):
            profile = profiles[username]
            if profile.specialties.filter(name=specialty).exists():
                return profile
        return profiles["dugdale"]
