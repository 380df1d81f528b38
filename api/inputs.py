"""What the API accepts: request bodies and query filters, validated before any service
runs. The limits repeat the models' (and the pages' forms'), so bad input is refused
field by field with a 400; the services and models check again and have the last word.
"""

from django.utils import timezone
from rest_framework import serializers

from accounts.models import ReviewerProfile, Specialty
from encyclopedia.models import (
    PUBLIC_NOTE_MAX_CHARS,
    SECTION_BODY_MAX_CHARS,
    SUMMARY_MAX_CHARS,
    Article,
    Revision,
    Topic,
    doi_validator,
    http_url_validator,
    pubmed_id_validator,
)
from encyclopedia.reference_checks import published_year_validator
from encyclopedia.schedule import REVIEW_STATES
from encyclopedia.services import ReferenceInput, SectionInput
from reviews.models import ReviewCycle

MAX_ID = 2**63 - 1  # the largest primary key the database can hold
MAX_VERSION = 2**31 - 1
ARTICLE_NUMBER = r"^[0-9]{6}$"  # ASCII digits: \d would also take other scripts' digits


class Text(serializers.CharField):
    """A CharField that also refuses text no database can store: NUL is refused by DRF
    already; a lone UTF-16 surrogate (legal in JSON's \\u escapes) would otherwise reach
    the database driver and fail there."""

    default_error_messages = {"unencodable": "This text contains characters that are not valid."}

    def to_internal_value(self, data) -> str:
        value = super().to_internal_value(data)
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            self.fail("unencodable")
        return value


def record_id(**kwargs) -> serializers.IntegerField:
    return serializers.IntegerField(min_value=1, max_value=MAX_ID, **kwargs)


class RecordChoice(serializers.PrimaryKeyRelatedField):
    """A row chosen by id; ids outside the database's range read as "does not exist"."""

    def __init__(self, **kwargs):
        super().__init__(pk_field=serializers.IntegerField(), **kwargs)

    def to_internal_value(self, data):
        if isinstance(data, int) and not isinstance(data, bool) and not 1 <= data <= MAX_ID:
            self.fail("does_not_exist", pk_value=data)
        return super().to_internal_value(data)


# --- Content ----------------------------------------------------------------------------


class SectionInputSerializer(serializers.Serializer):
    heading = Text(max_length=200)
    body = Text(max_length=SECTION_BODY_MAX_CHARS, help_text="Markdown.")


class ReferenceInputSerializer(serializers.Serializer):
    citation = Text(max_length=2000)
    url = Text(
        max_length=1000,
        required=False,
        allow_blank=True,
        default="",
        validators=[http_url_validator],
        help_text="http or https only.",
    )
    accessed_on = serializers.DateField(required=False, allow_null=True, default=None)
    pubmed_id = Text(
        max_length=9, required=False, allow_blank=True, default="", validators=[pubmed_id_validator]
    )
    doi = Text(
        max_length=200, required=False, allow_blank=True, default="", validators=[doi_validator]
    )
    published_year = serializers.IntegerField(
        required=False,
        allow_null=True,
        default=None,
        validators=[published_year_validator],
        help_text="The year the cited work was published; its age is counted from it.",
    )

    def validate_accessed_on(self, value):
        if value and value > timezone.localdate():
            raise serializers.ValidationError("A reference cannot be accessed in the future.")
        return value


def section_inputs(rows: list[dict]) -> list[SectionInput]:
    return [SectionInput(heading=row["heading"], body=row["body"]) for row in rows]


def reference_inputs(rows: list[dict]) -> list[ReferenceInput]:
    return [
        ReferenceInput(
            citation=row["citation"],
            url=row.get("url", ""),
            accessed_on=row.get("accessed_on"),
            pubmed_id=row.get("pubmed_id", ""),
            doi=row.get("doi", ""),
            published_year=row.get("published_year"),
        )
        for row in rows
    ]


class ArticleCreateInput(serializers.Serializer):
    """A new article and its first draft (v1). It goes live only through review."""

    title = Text(max_length=300)
    specialty = serializers.SlugRelatedField(
        slug_field="slug", queryset=Specialty.objects.all(), help_text="A specialty's slug."
    )
    topics = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Topic.objects.all(),
        many=True,
        required=False,
        help_text="Topic slugs.",
    )
    summary = Text(max_length=SUMMARY_MAX_CHARS, required=False, allow_blank=True, default="")
    number = serializers.RegexField(
        ARTICLE_NUMBER,
        required=False,
        allow_blank=True,
        default="",
        help_text="Six digits; blank: the next free number.",
        error_messages={"invalid": "An article number is six digits."},
    )
    review_interval_months = serializers.IntegerField(
        min_value=1,
        max_value=120,
        required=False,
        allow_null=True,
        default=None,
        help_text="Blank: the specialty's or the review policy's interval.",
    )
    sections = SectionInputSerializer(many=True, required=False, max_length=60)
    references = ReferenceInputSerializer(many=True, required=False, max_length=200)


class DraftInput(serializers.Serializer):
    """The whole content of a draft, replacing what is stored.

    `edit_version` is the one the client read: if someone saved the draft since, the save
    is refused with 409 (nothing is lost: the client still holds its text)."""

    edit_version = serializers.IntegerField(min_value=1, max_value=MAX_VERSION)
    title = Text(max_length=300)
    summary = Text(max_length=SUMMARY_MAX_CHARS, allow_blank=True)
    sections = SectionInputSerializer(many=True, max_length=60)
    references = ReferenceInputSerializer(many=True, max_length=200)
    public_note = Text(
        max_length=PUBLIC_NOTE_MAX_CHARS,
        allow_blank=True,
        required=False,
        default=None,
        help_text="What a correction put right, printed on the article's page once it is "
        "published as one; leave it out to keep the stored note.",
    )


class StartDraftInput(serializers.Serializer):
    source = RecordChoice(
        queryset=Revision.objects.all(),
        required=False,
        allow_null=True,
        default=None,
        help_text="An earlier published revision to start from (a revert); "
        "default: the live revision.",
    )

    def validate_source(self, source: Revision | None) -> Revision | None:
        if source is not None and source.article_id != self.context["article"].pk:
            raise serializers.ValidationError("That revision belongs to another article.")
        return source


# --- Workflow ------------------------------------------------------------------------------


class SubmitInput(serializers.Serializer):
    kind = serializers.ChoiceField(
        choices=Revision.Kind.choices,
        help_text="full_review moves the Review Date; update: part of the page; "
        "correction: typo or broken link (editorial sign-off only).",
    )
    change_summary = Text(max_length=2000, help_text="Shown to every signer.")
    reviewer = RecordChoice(
        queryset=ReviewerProfile.objects.select_related("user"),
        required=False,
        allow_null=True,
        default=None,
        help_text="A reviewer profile id for the medical review; "
        "default: the least-loaded qualified reviewer.",
    )


class NoteInput(serializers.Serializer):
    note = Text(max_length=2000, required=False, allow_blank=True, default="")


class SignatureInput(serializers.Serializer):
    """An electronic signature's proof: the signer's password again (and their one-time
    code, where they enrolled one). Without it, a signature is accepted only within a
    few minutes of an earlier re-authentication with the same key or session."""

    password = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        trim_whitespace=False,
        style={"input_type": "password"},
        help_text="The signer's password, entered again for this signature.",
    )
    otp_code = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        max_length=20,
        help_text="The six-digit code from the signer's authenticator app, or a recovery "
        "code; needed when they enrolled two-factor sign-in.",
    )


class ApproveInput(SignatureInput):
    attested = serializers.BooleanField(
        help_text="Must be true: the signer attests the statement recorded with the sign-off "
        '("I have reviewed this content for medical accuracy." on a medical step).'
    )
    comment = Text(max_length=5000, required=False, allow_blank=True, default="")
    reviewed_whole_page = serializers.BooleanField(
        required=False,
        default=False,
        help_text="On an update's medical review: the whole page was reviewed, so the "
        "Review Date moves when it is published.",
    )
    acknowledged_warnings = serializers.ListField(
        child=serializers.CharField(max_length=60),
        required=False,
        default=list,
        max_length=20,
        help_text="The codes of the warnings the signer acknowledges: today "
        '"reading_grade_above_target" (the Flesch–Kincaid grade is above the policy\'s '
        "target). A warning that applies and is not listed refuses the sign-off "
        "(400 warnings_not_acknowledged, naming it).",
    )


class DecisionAgainstInput(serializers.Serializer):
    comment = Text(max_length=5000, help_text="What needs to change, or why it is rejected.")


class RecertifyInput(SignatureInput):
    attested = serializers.BooleanField(
        help_text="Must be true: the reviewer attests the live content is still medically accurate."
    )


class CycleAssignInput(serializers.Serializer):
    reviewer = RecordChoice(
        queryset=ReviewerProfile.objects.select_related("user"),
        help_text="A reviewer profile id (see /api/v1/reviewers/).",
    )

    def validate_reviewer(self, reviewer: ReviewerProfile) -> ReviewerProfile:
        if reviewer.user is None:
            raise serializers.ValidationError("This reviewer has no Stet account yet.")
        return reviewer


class CycleBulkAssignInput(CycleAssignInput):
    cycles = serializers.ListField(
        child=record_id(), min_length=1, max_length=500, help_text="Review cycle ids."
    )

    def validate_cycles(self, ids: list[int]) -> list[ReviewCycle]:
        cycles = list(ReviewCycle.objects.filter(pk__in=set(ids)))
        missing = sorted(set(ids) - {cycle.pk for cycle in cycles})
        if missing:
            raise serializers.ValidationError(
                "No review cycle with id " + ", ".join(map(str, missing)) + "."
            )
        return cycles


# --- Query filters -------------------------------------------------------------------------
# allow_null everywhere: an empty parameter (?status=) means "no filter", as in a form.


class ArticleFilter(serializers.Serializer):
    q = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=200,
        help_text="Words in the page, its title or its number, as the site's search finds "
        "them (the list stays in number order).",
    )
    specialty = serializers.SlugField(required=False, allow_null=True, help_text="Slug.")
    status = serializers.ChoiceField(
        choices=Article.Status.choices, required=False, allow_null=True
    )
    review_state = serializers.ChoiceField(
        choices=REVIEW_STATES,
        required=False,
        allow_null=True,
        help_text="Published articles against their review date (editorial team only).",
    )
    due_before = serializers.DateField(
        required=False,
        allow_null=True,
        help_text="Next review due strictly before this date (editorial team only).",
    )
    due_after = serializers.DateField(
        required=False,
        allow_null=True,
        help_text="Next review due strictly after this date (editorial team only).",
    )
    updated_since = serializers.DateField(
        required=False, allow_null=True, help_text="Published on or after this date."
    )

    SCHEDULE_FILTERS = ("review_state", "due_before", "due_after")


class CycleFilter(serializers.Serializer):
    state = serializers.ChoiceField(
        choices=ReviewCycle.State.choices, required=False, allow_null=True
    )
    is_open = serializers.BooleanField(
        required=False, allow_null=True, help_text="Open or in progress (true), or closed."
    )
    assignee = record_id(required=False, allow_null=True, help_text="A person's id.")
    unassigned = serializers.BooleanField(required=False, allow_null=True)
    specialty = serializers.SlugField(required=False, allow_null=True)
    article = serializers.RegexField(
        ARTICLE_NUMBER, required=False, allow_null=True, help_text="An article number."
    )
    origin = serializers.ChoiceField(
        choices=ReviewCycle.Origin.choices, required=False, allow_null=True
    )
    due_before = serializers.DateField(required=False, allow_null=True)
    due_after = serializers.DateField(required=False, allow_null=True)


class ReviewerFilter(serializers.Serializer):
    specialty = serializers.SlugField(required=False, allow_null=True)
    active = serializers.BooleanField(required=False, allow_null=True)


class CompareQuery(serializers.Serializer):
    against = record_id(
        required=False,
        allow_null=True,
        help_text="The older revision's id; default: the article's live revision.",
    )


def cleaned(serializer: serializers.Serializer) -> dict:
    """The validated values that were given (None means "not given")."""
    serializer.is_valid(raise_exception=True)
    return {name: value for name, value in serializer.validated_data.items() if value is not None}
