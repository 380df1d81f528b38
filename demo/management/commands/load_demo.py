"""Load the demo encyclopedia: people for every role, reviewer credentials, and about
forty synthetic articles whose review dates put them in every state the dashboards
know (current, due soon, overdue by days, months and years, never reviewed), with
drafts beside published revisions.

The content is data (demo/team.toml and the Markdown files in demo/articles/); this
command walks each article through the workflow with the same services the pages use:
created, submitted, signed at every step, published, and the week's revisions left in
every workflow state.

Idempotent: running it again changes nothing that is already there. Dates are
relative to today, so the demo looks the same whenever it is loaded.
"""

import dataclasses
import datetime
import zlib

import time_machine
from dateutil.relativedelta import relativedelta
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import security
from accounts.models import Reauthentication, ReviewerProfile, Specialty, User
from accounts.services import user_create
from core.clock import today
from core.models import OutgoingEmail
from demo.content import DemoArticle, read_articles, read_team
from encyclopedia import services as content
from encyclopedia.link_checker import LinkResult, link_check_record
from encyclopedia.models import Article, LinkCheck, Revision, Topic
from encyclopedia.services import SectionInput
from reviews import eligibility, services
from reviews.cycles.opening import review_cycles_open_out_of_cycle
from reviews.feedback import feedback_open_review, feedback_reply, feedback_submit, feedback_triage
from reviews.models import ReaderFeedback, Step, Submission
from reviews.warnings import signing_warnings

DEMO_PASSWORD = "stet-demo-2026"
# Demo keys for the directors' authenticators (hex, as django-otp stores them). A real
# person's key is made at random when they enrol.
TWO_FACTOR_KEYS = {
    "brenda": "3132333435363738393031323334353637383930",
    "dugdale": "3938373635343332313039383736353433323130",
}


def _moment(day: datetime.date, hour: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _at(moment: datetime.datetime):
    """The demo's past happens at its own time: rows, timestamps and history written in
    this block carry `moment`, so the audit report and history pages read true."""
    return time_machine.travel(moment, tick=False)


def _dated(service):
    """Call a service at the moment given as its `now`."""

    def call(**kwargs):
        if "now" not in kwargs:
            return service(**kwargs)
        with _at(kwargs["now"]):
            return service(**kwargs)

    return call


class Command(BaseCommand):
    help = "Load the demo encyclopedia (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--print-password", action="store_true", help="Print the password.")
        parser.add_argument("--list-users", action="store_true", help="List demo sign-ins.")
        parser.add_argument(
            "--code",
            metavar="USERNAME",
            help="Print the current one-time code of a demo person with two-factor sign-in.",
        )

    def handle(self, *args, print_password=False, list_users=False, code=None, **options):
        if print_password:
            self.stdout.write(DEMO_PASSWORD)
            return
        if code:
            device = TOTPDevice.objects.filter(user__username=code, confirmed=True).first()
            if device is None:
                raise CommandError(f"{code} has no authenticator in the demo.")
            totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
            self.stdout.write(f"{totp.token():0{device.digits}d}")
            return
        if list_users:
            for person in read_team().people:
                roles = ", ".join(role.label.lower() for role in person.roles)
                two_factor = (
                    f"  (one-time code: `manage.py load_demo --code {person.username}`)"
                    if person.username in TWO_FACTOR_KEYS
                    else ""
                )
                self.stdout.write(f"{person.username:<10} {roles}{two_factor}")
            return
        with transaction.atomic():
            created = self.load()
        if created:
            self.stdout.write(self.style.SUCCESS(f"Demo data loaded: {created} articles."))
        else:
            self.stdout.write("Demo data already loaded; nothing changed.")

    def load(self) -> int:
        # Read once: blocks below travel back in time, and every date is relative to now.
        self.today = today()
        self.team = read_team()
        specialties = {
            name: Specialty.objects.get_or_create(name=name, defaults={"slug": slugify(name)})[0]
            for name in self.team.specialties
        }
        topics = {
            name: Topic.objects.get_or_create(name=name, defaults={"slug": slugify(name)})[0]
            for name in self.team.topics
        }
        # The team joined five years ago (their profiles' history starts then); the
        # conflict of interest was declared two months ago.
        with _at(_moment(self.today - relativedelta(years=5), 9)):
            profiles = self.load_people(specialties)
            self.load_admin()
        with _at(_moment(self.today - relativedelta(months=2), 9)):
            self.load_conflicts(profiles, topics)
        if Article.objects.exists():
            return 0
        articles = {
            data.title: self.load_article(data, specialties, topics, profiles)
            for data in read_articles()
        }
        self.load_workflow_scenes(articles, profiles)
        self.load_evidence_scenes()
        self.load_reader_scenes(articles)
        with _at(_moment(self.today - relativedelta(months=1), 9)):
            # Dr. Reyes reviewed the nephrology pages, then left: nobody covers Nephrology.
            reyes = profiles["reyes"]
            reyes.is_active = False
            reyes._change_reason = "Demo data: left the review programme"
            reyes.save()
            # Dr. Okafor was promoted: pages she signed before still credit her old title,
            # and the audit report for an earlier date shows it (scenario 13).
            okafor = profiles["okafor"]
            okafor.title = "Professor of Medicine and Chief of Cardiology"
            okafor._change_reason = "Demo data: promoted"
            okafor.save()
        # Enrolled after the demo's past, whose signatures were given with passwords.
        self.load_two_factor()
        # The demo's e-mail belongs to its past: don't send it out now.
        OutgoingEmail.objects.filter(status=OutgoingEmail.Status.QUEUED).update(
            status=OutgoingEmail.Status.CANCELLED, last_error="Demo data: not sent."
        )
        return len(articles)

    def load_people(self, specialties) -> dict[str, ReviewerProfile]:
        profiles = {}
        for person in self.team.people:
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
                    institution=self.team.institution,
                    licence_number=f"MA-{zlib.crc32(person.username.encode()) % 10**6:06d}",
                    licence_expires_on=self.today
                    + relativedelta(months=person.licence_months_left),
                    conflict_of_interest="None declared.",
                    conflict_declared_on=self.today - relativedelta(months=6),
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
            okafor.conflict_declared_on = self.today - relativedelta(months=2)
            okafor._change_reason = "Demo data: conflict of interest declared"
            okafor.save()
            topics["Anticoagulants"].conflicted_reviewers.add(okafor)

    def load_article(self, data: DemoArticle, specialties, topics, profiles) -> Article:
        editor = User.objects.get(username=data.editor)
        reviewed_on = self.today - data.reviewed_ago if data.reviewed_ago else None
        published_on = reviewed_on or self.today - relativedelta(months=30)
        article = _dated(services.article_create)(
            editor=editor,
            now=_moment(published_on - datetime.timedelta(days=12), 9),
            title=data.title,
            specialty=specialties[data.specialty],
            summary=data.summary,
            topics=[topics[name] for name in data.topics],
            number=data.number,
            sections=list(data.sections),
            references=data.reference_inputs(published_on - datetime.timedelta(days=14)),
        )
        if data.state == "draft":
            return article
        revision = article.revisions.get()
        if reviewed_on is None:
            # Pages that came from the previous publishing system with no recorded review.
            with _at(_moment(published_on, 10)):
                services.revision_make_live(
                    revision=revision,
                    user=editor,
                    publication=services.Publication(
                        published_at=_moment(published_on, 10),
                        reason="Imported from the previous publishing system (no recorded review)",
                        note="Imported from the previous publishing system",
                        tell_editors=False,
                    ),
                )
        else:
            self.review_and_publish(revision, editor, profiles, reviewed_on, "First version")
        if data.state == "retired":
            with _at(_moment(self.today - datetime.timedelta(days=20), 11)):
                services.article_retire(
                    article=article,
                    director=User.objects.get(username="brenda"),
                    reason="Merged into a broader article",
                )
        elif data.draft_beside_live:
            # A draft beside the live page: the public page must not show it.
            draft = _dated(services.revision_start_draft)(article=article, editor=editor)
            self.edit(draft, editor, "This paragraph is a draft addition.")
        return article

    def review_and_publish(
        self, revision, editor, profiles, day, summary, kind=Revision.Kind.FULL_REVIEW, upto=None
    ) -> Submission:
        """Walk `revision` through its chain on `day`: submit, every sign-off, publish.
        `upto` stops after that many sign-offs (and does not publish)."""
        at = _moment(day, 9)
        candidates = [
            choice
            for choice in eligibility.submission_reviewers(revision=revision, on=day)
            if choice.verdict
        ]
        reviewer = (
            ReviewerProfile.objects.get(user_id=candidates[0].person.user_id)
            if candidates and kind != Revision.Kind.CORRECTION
            else None
        )
        submission = _dated(services.revision_submit)(
            revision=revision,
            editor=editor,
            kind=kind,
            change_summary=summary,
            reviewer=reviewer,
            now=at,
        )
        signers = {
            Step.MEDICAL_REVIEW: reviewer.user if reviewer else None,
            Step.MEDICAL_DIRECTOR: profiles["dugdale"].user,
            Step.EDITORIAL_DIRECTOR: User.objects.get(username="brenda"),
        }
        approvals = list(submission.approvals.order_by("position"))
        for hours, approval in enumerate(approvals[:upto], start=1):
            moment = at + datetime.timedelta(hours=hours)
            _dated(services.approval_approve)(
                approval=approval,
                signer=signers[approval.step],
                attested=True,
                proof=self.signed_in_again(signers[approval.step], moment),
                reviewed_whole_page=kind == Revision.Kind.UPDATE,
                # As a signer on the review page does: the demo's pages read above the
                # target grade too, and their sign-offs show it was acknowledged.
                acknowledged_warnings=[
                    warning.code for warning in signing_warnings(submission=submission)
                ],
                now=moment,
            )
        if upto is None:
            _dated(services.revision_publish)(
                revision=revision, editor=editor, now=at + datetime.timedelta(hours=6)
            )
        return submission

    @staticmethod
    def signed_in_again(user: User, moment: datetime.datetime) -> Reauthentication:
        """The signer re-enters their password before signing, as every signer does."""
        with _at(moment):
            return security.reauthenticate(
                user=user,
                credentials=security.Credentials(password=DEMO_PASSWORD),
                channel="demo",
                now=moment,
            )

    def load_two_factor(self) -> None:
        """The directors sign in with a one-time code (the account policy's default):
        their authenticators are set up with known demo keys."""
        for username, key in TWO_FACTOR_KEYS.items():
            user = User.objects.filter(username=username).first()
            if user and not TOTPDevice.objects.filter(user=user, confirmed=True).exists():
                TOTPDevice.objects.create(
                    user=user, name="Demo authenticator", key=key, confirmed=True
                )

    @staticmethod
    def edit(
        draft, editor, addition: str = "", *, moved_to: str = "", public_note: str | None = None
    ) -> None:
        """Add a sentence to the first section, or move the first reference link to the
        page `moved_to` of the same site (a correction's kind of change), with the
        correction's `public_note` for readers."""
        sections, references = content.revision_content(draft)
        if addition:
            sections[0] = SectionInput(sections[0].heading, f"{sections[0].body}\n\n{addition}")
        if moved_to:
            linked = next(i for i, reference in enumerate(references) if reference.url)
            moved = references[linked].url.rstrip("/") + moved_to
            references[linked] = dataclasses.replace(references[linked], url=moved)
        content.revision_save_draft(
            revision=draft,
            editor=editor,
            expected_version=draft.edit_version,
            title=draft.title,
            summary=draft.summary,
            sections=sections,
            references=references,
            public_note=public_note,
        )

    def load_evidence_scenes(self) -> None:
        """What a signer sees beside the text: the weekly link check's findings, and a
        paper under re-analysis whose citing sentences the review pages highlight."""
        checked = _moment(self.today - datetime.timedelta(days=2), 3)
        link_check_record(
            url="https://doi.org/10.5555/stet.demo.2019.0087",
            result=LinkResult(
                LinkCheck.Outcome.BROKEN, status_code=404, method="GET", detail="Not Found"
            ),
            now=checked,
        )
        link_check_record(
            url="https://www.heart.org/",
            result=LinkResult(
                LinkCheck.Outcome.REDIRECTED,
                status_code=200,
                method="HEAD",
                final_url="https://www.heart.org/en/",
                redirects=[{"status": 301, "url": "https://www.heart.org/en/"}],
            ),
            now=checked,
        )
        with _at(_moment(self.today - datetime.timedelta(days=1), 14)):
            review_cycles_open_out_of_cycle(
                director=User.objects.get(username="brenda"),
                reason="Expression of concern: the cohort's dosing data are being re-analysed",
                reference="10.5555/stet.demo.2021.0142",
                today=self.today,
            )

    def load_reader_scenes(self, articles: dict[str, Article]) -> None:
        """Readers' reports as the directors' feedback page shows them: one that opened an
        out-of-cycle review, one answered and resolved, one still waiting."""
        brenda = User.objects.get(username="brenda")
        now = timezone.now()
        hours_ago = lambda n: now - datetime.timedelta(hours=n)  # noqa: E731

        def report(title: str, message: str, when: datetime.datetime, **reader):
            return _dated(feedback_submit)(
                article=Article.objects.get(pk=articles[title].pk),
                message=message,
                now=when,
                ip="",
                **reader,
            )

        triptans = report(
            "Migraine",
            "The page says triptans can be taken in pregnancy, but the leaflet with my "
            "tablets says to ask a doctor first. Which is right?",
            hours_ago(5 * 24),
            email="lee.reader@example.org",
            email_consent=True,
        )
        _dated(feedback_open_review)(
            feedback=triptans,
            by=brenda,
            reason="Reader questions the advice on triptans in pregnancy",
            today=self.today - datetime.timedelta(days=4),
            now=hours_ago(4 * 24 + 2),
        )
        _dated(feedback_reply)(
            feedback=triptans,
            body="Thank you for writing. A clinician is reviewing this advice now; the "
            "page will be updated if it needs to change.",
            by=brenda,
            now=hours_ago(4 * 24 + 1),
        )
        link = report(
            "Asthma",
            "The link to the asthma action plan goes to a page that no longer exists.",
            hours_ago(3 * 24 + 6),
        )
        _dated(feedback_triage)(
            feedback=link, state=ReaderFeedback.State.ACCEPTED, by=brenda, now=hours_ago(3 * 24 + 4)
        )
        _dated(feedback_triage)(
            feedback=link, state=ReaderFeedback.State.RESOLVED, by=brenda, now=hours_ago(3 * 24)
        )
        report(
            "Eczema",
            "Is the advice about moisturising after a bath also right for babies?",
            hours_ago(6),
        )

    def load_workflow_scenes(self, articles: dict[str, Article], profiles) -> None:
        """Revisions in every workflow state, as a working week leaves them."""
        maria = User.objects.get(username="maria")
        tom = User.objects.get(username="tom")
        brenda = User.objects.get(username="brenda")
        days_ago = lambda n: self.today - datetime.timedelta(days=n)  # noqa: E731

        def draft_of(title: str, editor: User, addition: str) -> Revision:
            with _at(_moment(days_ago(4), 9)):
                draft = services.revision_start_draft(article=articles[title], editor=editor)
                self.edit(draft, editor, addition)
            return draft

        # Waiting on the medical review for three days (scenario 6).
        revision = draft_of(
            "Atrial fibrillation", maria, "Guidelines updated in 2025 lowered the threshold."
        )
        _dated(services.revision_submit)(
            revision=revision,
            editor=maria,
            kind=Revision.Kind.UPDATE,
            change_summary="2025 ACC/AHA guideline: anticoagulation thresholds",
            reviewer=profiles["okafor"],
            now=_moment(days_ago(3), 11),
        )
        # Sent back by the reviewer.
        revision = draft_of("Heart failure", tom, "Daily weighing helps catch fluid build-up.")
        submission = _dated(services.revision_submit)(
            revision=revision,
            editor=tom,
            kind=Revision.Kind.UPDATE,
            change_summary="Self-monitoring advice",
            reviewer=profiles["okafor"],
            now=_moment(days_ago(2), 10),
        )
        _dated(services.approval_request_changes)(
            approval=submission.approvals.get(position=0),
            signer=profiles["okafor"].user,
            comment="Say what weight gain should prompt a call (e.g. 1 kg in a day).",
            now=_moment(days_ago(1), 15),
        )
        # Signed by everyone, ready to publish.
        revision = draft_of("Eczema", maria, "Moisturise within three minutes of bathing.")
        self.review_and_publish(
            revision, maria, profiles, days_ago(2), "Skin care routine", Revision.Kind.UPDATE, 3
        )
        # A correction waiting on the editorial director (scenario 4): a link that moved.
        with _at(_moment(days_ago(4), 9)):
            revision = services.revision_start_draft(article=articles["Psoriasis"], editor=tom)
            self.edit(revision, tom, moved_to="/about-psoriasis/")
        self.review_and_publish(
            revision, tom, profiles, days_ago(1), "Fix broken link", Revision.Kind.CORRECTION, 0
        )
        # Rejected.
        revision = draft_of("Migraine", maria, "Some people find cold packs help.")
        submission = self.review_and_publish(
            revision, maria, profiles, days_ago(6), "Home care tips", Revision.Kind.UPDATE, 0
        )
        _dated(services.approval_reject)(
            approval=submission.approvals.get(position=0),
            signer=submission.approvals.get(position=0).assignee,
            comment="Duplicates the Treatment section; not needed.",
            now=_moment(days_ago(5), 10),
        )
        # Withdrawn by its author.
        revision = draft_of("Insomnia", tom, "Draft note on sleep trackers.")
        _dated(services.revision_withdraw)(
            revision=revision, editor=tom, note="Not needed after all", now=_moment(days_ago(3), 9)
        )
        # Superseded: two changes raced; the other one was published first.
        slow = draft_of("Asthma", maria, "Inhaler technique matters as much as the medicine.")
        _dated(services.revision_submit)(
            revision=slow,
            editor=maria,
            kind=Revision.Kind.UPDATE,
            change_summary="Inhaler technique",
            now=_moment(days_ago(4), 12),
        )
        with _at(_moment(days_ago(4), 9)):
            fast = services.revision_start_draft(article=articles["Asthma"], editor=tom)
            self.edit(
                fast,
                tom,
                moved_to="/health-topics/asthma",
                public_note="The link to the asthma action plan pointed to a page that "
                "had moved; it now goes to the plan.",
            )
        self.review_and_publish(
            fast, tom, profiles, days_ago(3), "Link moved", Revision.Kind.CORRECTION
        )
        # A new article in its first full review, waiting in the pool.
        first = articles["Restless legs syndrome"].revisions.get()
        _dated(services.revision_submit)(
            revision=first,
            editor=first.author,
            kind=Revision.Kind.FULL_REVIEW,
            change_summary="New article",
            now=_moment(days_ago(1), 16),
        )
        _dated(services.comment_add)(
            revision=first,
            author=brenda,
            body="Please add a section on iron levels.",
            section=first.sections.first(),
            now=_moment(days_ago(1), 17),
        )
