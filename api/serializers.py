"""What the API answers: read-only representations of articles, revisions, sign-offs,
review cycles and reviewers. Request bodies and query filters are in api.inputs.

Serializers only shape data the views already loaded (with the selectors' joins and
prefetches): none of them runs a query of its own per row.
"""

from django.conf import settings
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from encyclopedia.models import Article, Revision
from encyclopedia.rendering import render_markdown
from reviews.models import Approval, ReviewCycle, Step, Submission


class PersonSerializer(serializers.Serializer):
    """A member of the editorial team, as the pages name them."""

    id = serializers.IntegerField(read_only=True)
    name = serializers.CharField(source="__str__", read_only=True)


class SpecialtySerializer(serializers.Serializer):
    slug = serializers.SlugField(read_only=True)
    name = serializers.CharField(read_only=True)


class TopicSerializer(serializers.Serializer):
    slug = serializers.SlugField(read_only=True)
    name = serializers.CharField(read_only=True)


class AlsoReviewedBySerializer(serializers.Serializer):
    name = serializers.CharField(read_only=True)
    role = serializers.CharField(read_only=True, help_text='e.g. "Medical Director".')


class CreditsSerializer(serializers.Serializer):
    """The credit lines printed under the article, as they were when the review was signed."""

    updated_by = serializers.CharField(
        source="reviewed_by_credit",
        read_only=True,
        help_text='The "Updated by" line: the medical reviewer\'s credit when they signed.',
    )
    reviewer = serializers.IntegerField(
        source="reviewed_by_id",
        read_only=True,
        allow_null=True,
        help_text="The credited reviewer's id (see /api/v1/reviewers/), when known.",
    )
    also_reviewed_by = AlsoReviewedBySerializer(many=True, read_only=True)


class ScheduleSerializer(serializers.Serializer):
    """The review schedule: for the editorial team only (readers see the Review Date)."""

    next_review_due = serializers.DateField(read_only=True, allow_null=True)
    review_interval_months = serializers.IntegerField(
        read_only=True,
        allow_null=True,
        help_text="The article's own interval; null: its specialty's or the policy's.",
    )
    review_state = serializers.ChoiceField(
        choices=["current", "due_soon", "overdue", "never_reviewed"],
        read_only=True,
        allow_null=True,
        help_text="Null for an article that is not published.",
    )


class RevisionRefSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    number = serializers.IntegerField(read_only=True, help_text="v1, v2… within the article.")


def public_url(article: Article) -> str:
    return f"{settings.STET['SITE_URL']}{article.get_absolute_url()}"


class ArticleSerializer(serializers.Serializer):
    """An article: its identity, where it stands, and the dates and credits on its page.

    Context: `window` (encyclopedia.schedule.ReviewWindow) and `team` (whether the reader is on
    the editorial team; the schedule is null for everyone else).
    """

    number = serializers.CharField(read_only=True, help_text="Six digits; stable forever.")
    title = serializers.CharField(read_only=True)
    slug = serializers.SlugField(read_only=True)
    url = serializers.SerializerMethodField(help_text="The public page.")
    specialty = SpecialtySerializer(read_only=True)
    topics = TopicSerializer(many=True, read_only=True)
    status = serializers.ChoiceField(choices=Article.Status.choices, read_only=True)
    live_revision = serializers.SerializerMethodField()
    last_reviewed_on = serializers.DateField(
        read_only=True, allow_null=True, help_text="The printed Review Date."
    )
    last_updated_on = serializers.DateField(
        read_only=True, allow_null=True, help_text="When a revision was last published."
    )
    credits = CreditsSerializer(source="*", read_only=True)
    schedule = serializers.SerializerMethodField()
    created_at = serializers.DateTimeField(read_only=True)
    retired_at = serializers.DateTimeField(read_only=True, allow_null=True)

    def get_url(self, article: Article) -> str:
        return public_url(article)

    @extend_schema_field(RevisionRefSerializer(allow_null=True))
    def get_live_revision(self, article: Article) -> dict | None:
        if article.live_revision_id is None:
            return None
        number = getattr(article, "live_revision_number", None)
        if number is None:
            number = article.live_revision.number
        return {"id": article.live_revision_id, "number": number}

    @extend_schema_field(ScheduleSerializer(allow_null=True))
    def get_schedule(self, article: Article) -> dict | None:
        if not self.context.get("team"):
            return None
        return {
            "next_review_due": article.next_review_due,
            "review_interval_months": article.review_interval_months,
            "review_state": self.context["window"].state_of(article),
        }


class SectionSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    position = serializers.IntegerField(read_only=True)
    heading = serializers.CharField(read_only=True)
    body = serializers.CharField(read_only=True, help_text="Markdown, as the editors wrote it.")
    body_html = serializers.SerializerMethodField(
        help_text="The body as the page prints it: rendered and sanitised HTML."
    )

    def get_body_html(self, section) -> str:
        return str(render_markdown(section.body))


class ReferenceSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    position = serializers.IntegerField(read_only=True)
    citation = serializers.CharField(read_only=True)
    url = serializers.CharField(read_only=True, help_text="Blank when the work has no link.")
    accessed_on = serializers.DateField(read_only=True, allow_null=True)
    pubmed_id = serializers.CharField(read_only=True)
    doi = serializers.CharField(read_only=True)
    published_year = serializers.IntegerField(
        read_only=True, allow_null=True, help_text="The year the cited work was published."
    )


class ArticleRefSerializer(serializers.Serializer):
    number = serializers.CharField(read_only=True)
    title = serializers.CharField(read_only=True)
    url = serializers.SerializerMethodField()

    def get_url(self, article: Article) -> str:
        return public_url(article)


class LivePageSerializer(serializers.Serializer):
    """What the public page prints: the live revision's content, the Review Date, the
    updated date and the credits."""

    article = ArticleRefSerializer(read_only=True)
    revision = RevisionRefSerializer(read_only=True)
    title = serializers.CharField(read_only=True)
    summary = serializers.CharField(read_only=True)
    published_at = serializers.DateTimeField(read_only=True, allow_null=True)
    last_reviewed_on = serializers.DateField(
        read_only=True, allow_null=True, help_text="The printed Review Date."
    )
    last_updated_on = serializers.DateField(read_only=True, allow_null=True)
    credits = CreditsSerializer(read_only=True)
    sections = SectionSerializer(many=True, read_only=True)
    references = ReferenceSerializer(many=True, read_only=True)

    @staticmethod
    def data_for(article: Article) -> dict:
        revision = article.live_revision
        return {
            "article": article,
            "revision": revision,
            "title": revision.title,
            "summary": revision.summary,
            "published_at": revision.published_at,
            "last_reviewed_on": article.last_reviewed_on,
            "last_updated_on": article.last_updated_on,
            "credits": article,
            "sections": revision.sections.all(),
            "references": revision.references.all(),
        }


class RevisionSummarySerializer(serializers.Serializer):
    """One revision in an article's list."""

    id = serializers.IntegerField(read_only=True)
    number = serializers.IntegerField(read_only=True)
    title = serializers.CharField(read_only=True)
    state = serializers.ChoiceField(choices=Revision.State.choices, read_only=True)
    kind = serializers.ChoiceField(choices=Revision.Kind.choices, read_only=True)
    change_summary = serializers.CharField(read_only=True)
    public_note = serializers.CharField(
        read_only=True,
        help_text="Printed with its date under Corrections on the article's page once this "
        "revision is published as a correction.",
    )
    author = PersonSerializer(read_only=True)
    based_on = serializers.IntegerField(
        source="based_on_id",
        read_only=True,
        allow_null=True,
        help_text="The live revision when this draft was started (or last rebased).",
    )
    copied_from = serializers.IntegerField(
        source="copied_from_id",
        read_only=True,
        allow_null=True,
        help_text="The published revision whose content this draft started from.",
    )
    edit_version = serializers.IntegerField(
        read_only=True, help_text="Send it back when saving the draft: a stale one is refused."
    )
    created_at = serializers.DateTimeField(read_only=True)
    updated_at = serializers.DateTimeField(read_only=True)
    published_at = serializers.DateTimeField(read_only=True, allow_null=True)


class AcknowledgedWarningSerializer(serializers.Serializer):
    code = serializers.CharField(read_only=True)
    message = serializers.CharField(
        read_only=True, help_text='As the signer read it: "reading grade 11.2 above target 8".'
    )


class ApprovalSerializer(serializers.Serializer):
    """One sign-off step of a submission."""

    id = serializers.IntegerField(read_only=True)
    position = serializers.IntegerField(read_only=True)
    step = serializers.ChoiceField(choices=Step.choices, read_only=True)
    decision = serializers.ChoiceField(choices=Approval.Decision.choices, read_only=True)
    assignee = PersonSerializer(read_only=True, allow_null=True)
    pending_since = serializers.DateTimeField(read_only=True, allow_null=True)
    decided_by = PersonSerializer(read_only=True, allow_null=True)
    decided_at = serializers.DateTimeField(read_only=True, allow_null=True)
    comment = serializers.CharField(read_only=True)
    attestation = serializers.CharField(read_only=True)
    reviewed_whole_page = serializers.BooleanField(read_only=True)
    signer_credit = serializers.CharField(read_only=True)
    acknowledged_warnings = AcknowledgedWarningSerializer(
        many=True, read_only=True, help_text="The warnings the signer acknowledged when signing."
    )
    specialty_override_reason = serializers.CharField(read_only=True)


class SubmissionSerializer(serializers.Serializer):
    number = serializers.IntegerField(read_only=True)
    kind = serializers.ChoiceField(choices=Revision.Kind.choices, read_only=True)
    state = serializers.ChoiceField(choices=Submission.State.choices, read_only=True)
    change_summary = serializers.CharField(read_only=True)
    edit_version = serializers.IntegerField(
        read_only=True, help_text="The content version the signers reviewed."
    )
    submitted_by = PersonSerializer(read_only=True)
    submitted_at = serializers.DateTimeField(read_only=True)
    closed_at = serializers.DateTimeField(read_only=True, allow_null=True)
    approvals = ApprovalSerializer(many=True, read_only=True)


class RevisionArticleSerializer(ArticleRefSerializer):
    live_revision = serializers.IntegerField(
        source="live_revision_id", read_only=True, allow_null=True
    )


class RevisionSerializer(RevisionSummarySerializer):
    """A revision with its content and its approval chain. Context: `submissions` (the
    revision's submissions, newest first, from reviews.selectors.submission_list_for)."""

    article = RevisionArticleSerializer(read_only=True)
    summary = serializers.CharField(read_only=True)
    contributors = PersonSerializer(many=True, read_only=True)
    is_stale = serializers.SerializerMethodField(
        help_text="The live page changed since this draft was started: rebase before submitting."
    )
    pending_step = serializers.SerializerMethodField(
        help_text="The id of the step waiting for a decision, if any."
    )
    sections = SectionSerializer(many=True, read_only=True)
    references = ReferenceSerializer(many=True, read_only=True)
    submissions = serializers.SerializerMethodField()

    def get_is_stale(self, revision: Revision) -> bool:
        unfinished = revision.state not in (
            Revision.State.PUBLISHED,
            Revision.State.WITHDRAWN,
            Revision.State.REJECTED,
        )
        return unfinished and revision.is_behind_live

    def get_pending_step(self, revision: Revision) -> int | None:
        for submission in self.context["submissions"][:1]:
            for approval in submission.approvals.all():
                if approval.decision == Approval.Decision.PENDING:
                    return approval.pk
        return None

    @extend_schema_field(SubmissionSerializer(many=True))
    def get_submissions(self, revision: Revision) -> list:
        return SubmissionSerializer(self.context["submissions"], many=True).data


class SectionChangeSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=["added", "removed", "changed", "unchanged"])
    heading = serializers.CharField()
    old_heading = serializers.CharField(help_text="Blank for an added section.")
    heading_changed = serializers.BooleanField()
    section = serializers.IntegerField(
        source="section.pk",
        allow_null=True,
        help_text="The section's id (in the newer revision; in the older for a removed one).",
    )
    diff_html = serializers.CharField(
        source="diff", help_text="The body's word-level diff: <ins> and <del> in escaped text."
    )


class ReferenceChangeSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=["added", "removed", "changed", "unchanged"])
    changed_fields = serializers.ListField(child=serializers.CharField())
    reference = ReferenceSerializer()


class ComparisonSerializer(serializers.Serializer):
    """`to` against `from`, as a reviewer reads it: structured changes per section and
    reference, and the word-level diffs as HTML fragments ready to show."""

    from_revision = RevisionRefSerializer(
        source="old", allow_null=True, help_text="Null: compared with nothing (all new)."
    )
    to_revision = RevisionRefSerializer(source="new")
    has_changes = serializers.BooleanField()
    title_diff_html = serializers.CharField(source="title_diff")
    summary_diff_html = serializers.CharField(source="summary_diff")
    sections = SectionChangeSerializer(many=True)
    references = ReferenceChangeSerializer(many=True)


class RebaseResultSerializer(serializers.Serializer):
    conflicts = serializers.ListField(
        child=serializers.CharField(),
        help_text="Parts changed on both sides: the draft's text was kept; check them.",
    )
    revision = RevisionSerializer()


class CycleArticleSerializer(ArticleRefSerializer):
    specialty = SpecialtySerializer(read_only=True)


class ReviewCycleSerializer(serializers.Serializer):
    """A periodic re-review of a published article. Context: `today`."""

    id = serializers.IntegerField(read_only=True)
    article = CycleArticleSerializer(read_only=True)
    due_on = serializers.DateField(read_only=True)
    days_overdue = serializers.SerializerMethodField(
        help_text="Days past due_on while the review is open; 0 when not yet due or closed."
    )
    origin = serializers.ChoiceField(choices=ReviewCycle.Origin.choices, read_only=True)
    reason = serializers.CharField(read_only=True)
    state = serializers.ChoiceField(choices=ReviewCycle.State.choices, read_only=True)
    outcome = serializers.CharField(
        read_only=True, help_text="recertified, revised, or blank while open."
    )
    opened_at = serializers.DateTimeField(read_only=True)
    assignee = PersonSerializer(read_only=True, allow_null=True)
    assigned_at = serializers.DateTimeField(read_only=True, allow_null=True)
    unassigned_reason = serializers.CharField(read_only=True)
    revision = serializers.IntegerField(
        source="revision_id",
        read_only=True,
        allow_null=True,
        help_text="The revision drafted to answer this review, if any.",
    )
    attestation = serializers.CharField(read_only=True)
    signer_credit = serializers.CharField(read_only=True)
    closed_at = serializers.DateTimeField(read_only=True, allow_null=True)
    closed_by = PersonSerializer(read_only=True, allow_null=True)

    def get_days_overdue(self, cycle: ReviewCycle) -> int:
        if not cycle.is_open:
            return 0
        return max((self.context["today"] - cycle.due_on).days, 0)


class ReviewerSerializer(serializers.Serializer):
    """A credentialed reviewer: the fields printed in credits, and the specialties they
    review. Licence numbers, expiry, conflicts and capacity are not shown."""

    id = serializers.IntegerField(read_only=True)
    user = serializers.IntegerField(
        source="user_id",
        read_only=True,
        allow_null=True,
        help_text="Their Stet account (matches `assignee.id` on steps and cycles).",
    )
    credit_name = serializers.CharField(read_only=True)
    credentials = serializers.CharField(read_only=True)
    title = serializers.CharField(read_only=True)
    department = serializers.CharField(read_only=True)
    institution = serializers.CharField(read_only=True)
    credit_line = serializers.CharField(read_only=True)
    specialties = SpecialtySerializer(many=True, read_only=True)
    is_active = serializers.BooleanField(read_only=True)


class MeSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    username = serializers.CharField(read_only=True)
    name = serializers.CharField(source="__str__", read_only=True)
    roles = serializers.SerializerMethodField()
    reviewer = serializers.SerializerMethodField(help_text="Their reviewer profile's id, if any.")
    authenticated_by = serializers.SerializerMethodField()

    @extend_schema_field(
        serializers.ListField(
            child=serializers.ChoiceField(
                choices=["editor", "medical_reviewer", "medical_director", "editorial_director"]
            )
        )
    )
    def get_roles(self, user) -> list[str]:
        return [role.name.lower() for role in user.roles]

    @extend_schema_field(serializers.IntegerField(allow_null=True))
    def get_reviewer(self, user) -> int | None:
        profile = getattr(user, "reviewer_profile", None)
        return profile.pk if profile else None

    @extend_schema_field(serializers.ChoiceField(choices=["token", "session"]))
    def get_authenticated_by(self, user) -> str:
        return self.context["authenticated_by"]


class DashboardSpecialtySerializer(serializers.Serializer):
    specialty = serializers.CharField(source="specialty__name")
    published = serializers.IntegerField()
    overdue = serializers.IntegerField()
    due_soon = serializers.IntegerField()
    never_reviewed = serializers.IntegerField()


class DashboardReviewerSerializer(serializers.Serializer):
    reviewer = serializers.CharField(source="profile.credit_name")
    open_reviews = serializers.IntegerField()
    overdue = serializers.IntegerField()
    workload = serializers.IntegerField(help_text="Open reviews and undecided review steps.")
    capacity = serializers.IntegerField(source="profile.capacity")
    median_days_to_complete = serializers.FloatField(source="median_days", allow_null=True)
    licence_expiring = serializers.BooleanField()


class DashboardSerializer(serializers.Serializer):
    """The director's dashboard figures (the same numbers as the page)."""

    day = serializers.DateField()
    published = serializers.IntegerField()
    current = serializers.IntegerField()
    due_soon = serializers.IntegerField()
    overdue = serializers.IntegerField()
    never_reviewed = serializers.IntegerField()
    unassigned_cycles = serializers.IntegerField()
    revisions_waiting = serializers.IntegerField()
    oldest_wait_since = serializers.DateTimeField(allow_null=True)
    overdue_by_age = serializers.DictField(child=serializers.IntegerField())
    by_specialty = DashboardSpecialtySerializer(many=True)
    by_reviewer = DashboardReviewerSerializer(many=True)
