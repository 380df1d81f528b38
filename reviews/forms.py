import itertools
from collections.abc import Iterable
from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.forms import formset_factory

from accounts.models import AccountPolicy, ReviewerProfile, Specialty, User
from accounts.roles import Role
from core.validators import visible_text
from encyclopedia.forms import ArticleNumberField
from encyclopedia.models import (
    PUBLIC_NOTE_MAX_CHARS,
    SECTION_BODY_MAX_CHARS,
    SUMMARY_MAX_CHARS,
    ReviewPolicy,
    Revision,
    Topic,
    doi_validator,
    http_url_validator,
    pubmed_id_validator,
)
from encyclopedia.reference_checks import published_year_validator
from encyclopedia.services import ReferenceInput, SectionInput
from reviews.cycles.opening import REASON_LIMIT
from reviews.eligibility import Choice
from reviews.models import Step
from reviews.services.comments import SectionComment
from reviews.warnings import CODES as WARNING_CODES
from reviews.warnings import SigningWarning


@dataclass(frozen=True)
class CharacterLimit:
    """A length limit that names itself: "A section body can be at most 60,000
    characters; this one has 61,204." Fields using it set no `maxlength` on the
    widget, because a browser silently cuts a paste at that length; the text comes back
    whole, with this message, for the editor to shorten."""

    limit: int
    what: str  # "A section body"

    def __call__(self, value: str) -> None:
        if len(value) > self.limit:
            raise ValidationError(
                f"{self.what} can be at most {self.limit:,} characters; "
                f"this one has {len(value):,}.",
                code="too_long",
            )

    def attrs(self) -> dict[str, str]:
        # Read by static/js/drafting.js to count characters as the editor types.
        return {"data-max-chars": str(self.limit)}


TITLE_LIMIT = CharacterLimit(300, "A title")
SUMMARY_LIMIT = CharacterLimit(SUMMARY_MAX_CHARS, "A summary")
HEADING_LIMIT = CharacterLimit(200, "A section heading")
BODY_LIMIT = CharacterLimit(SECTION_BODY_MAX_CHARS, "A section body")
CITATION_LIMIT = CharacterLimit(2000, "A citation")
PUBLIC_NOTE_LIMIT = CharacterLimit(PUBLIC_NOTE_MAX_CHARS, "The public note")


def _limited_text(limit: CharacterLimit, *, textarea_rows: int | None = None, **kwargs):
    widget = (
        forms.Textarea(attrs={"rows": textarea_rows, **limit.attrs()})
        if textarea_rows
        else forms.TextInput(attrs=limit.attrs())
    )
    validators = [limit, *kwargs.pop("validators", [])]
    return forms.CharField(widget=widget, validators=validators, **kwargs)


class SectionForm(forms.Form):
    heading = _limited_text(HEADING_LIMIT, validators=[visible_text])
    body = _limited_text(
        BODY_LIMIT,
        textarea_rows=8,
        help_text="Markdown: **bold**, *italic*, - lists, [links](https://…).",
    )


class ReferenceForm(forms.Form):
    citation = _limited_text(CITATION_LIMIT, textarea_rows=2)
    url = forms.CharField(
        label="URL", max_length=1000, required=False, validators=[http_url_validator]
    )
    accessed_on = forms.DateField(
        label="Accessed", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    pubmed_id = forms.CharField(
        label="PubMed id", max_length=9, required=False, validators=[pubmed_id_validator]
    )
    doi = forms.CharField(label="DOI", max_length=200, required=False, validators=[doi_validator])
    published_year = forms.IntegerField(
        label="Year published",
        required=False,
        validators=[published_year_validator],
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        help_text="Its age is counted from this year; without it, from the accessed date.",
    )


SectionFormSet = formset_factory(
    SectionForm, extra=1, can_order=True, can_delete=True, max_num=60, validate_max=True
)
ReferenceFormSet = formset_factory(
    ReferenceForm, extra=1, can_order=True, can_delete=True, max_num=200, validate_max=True
)


def _kept_in_order(formset) -> list[dict]:
    """The filled-in, not-deleted rows of a formset, in the order the editor set."""
    return [data for _, data in _kept_rows(formset)]


def _kept_rows(formset) -> list[tuple[int, dict]]:
    """`_kept_in_order` with each row's place on the page the editor loaded."""
    rows = []
    for index, form in enumerate(formset.forms):
        data = form.cleaned_data
        if not data or data.get("DELETE") or not form.has_changed():
            continue
        order = data.get("ORDER")
        rows.append((order if order is not None else 10_000 + index, index, data))
    return [(index, data) for _, index, data in sorted(rows, key=lambda row: (row[0], row[1]))]


TOPICS_HELP = (
    "Reviewers with a declared conflict of interest on a topic do not sign this article. "
    "Topics belong to the article: a change applies as soon as it is saved."
)


def _topics_field() -> forms.ModelMultipleChoiceField:
    return forms.ModelMultipleChoiceField(
        queryset=Topic.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=TOPICS_HELP,
    )


def _shortened(text: str, length: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def _errors_of(form: forms.Form, *, where: str = "", fallback: str) -> list[tuple[str, str]]:
    """Each error of `form` as (what the summary says, the id of the element to go to),
    in the order the fields appear; `where` names the section or reference it is in,
    and errors with no visible field of their own go to `fallback`."""
    lead = f"{where} — " if where else ""
    summary = [(f"{lead}{error}", fallback) for error in form.non_field_errors()]
    for name in form.fields:
        bound = form[name]
        anchor = fallback if bound.is_hidden else bound.auto_id
        summary.extend((f"{lead}{bound.label}: {error}", anchor) for error in bound.errors)
    return summary


@dataclass(frozen=True)
class FormsetRow:
    """One section or reference of the draft form as the page lays it out."""

    form: forms.Form
    label: str  # "Section 3 (Treatment)"
    anchor: str  # the id of its fieldset
    is_open: bool  # shown unfolded


class DraftForm(forms.Form):
    title = _limited_text(TITLE_LIMIT, validators=[visible_text])
    summary = _limited_text(SUMMARY_LIMIT, textarea_rows=4, required=False)
    topics = _topics_field()
    public_note = _limited_text(
        PUBLIC_NOTE_LIMIT,
        textarea_rows=2,
        required=False,
        label="Public note of the correction",
        help_text="If this change is published as a correction, readers see this note "
        "with its date under Corrections on the page: say what was wrong, e.g. "
        "“The adult dose of ibuprofen was given in grams; it is 400 mg.” Leave it empty "
        "for a correction readers need not be told of, such as a moved link.",
    )
    edit_version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        data = kwargs.get("data") or (args[0] if args else None)
        initial = kwargs.get("initial") or {}
        self.sections = SectionFormSet(data, prefix="sections", initial=initial.get("sections"))
        self.references = ReferenceFormSet(
            data, prefix="references", initial=initial.get("references")
        )

    def is_valid(self) -> bool:
        # Evaluate all three so every error is shown at once.
        results = [super().is_valid(), self.sections.is_valid(), self.references.is_valid()]
        return all(results)

    def section_label(self, index: int, form: forms.Form) -> str:
        heading = _shortened(str(form["heading"].value() or ""), 60)
        return f"Section {index + 1}" + (f" ({heading})" if heading else "")

    def reference_label(self, index: int, form: forms.Form) -> str:
        citation = _shortened(str(form["citation"].value() or ""), 50)
        return f"Reference {index + 1}" + (f" ({citation})" if citation else "")

    def error_summary(self) -> list[tuple[str, str]]:
        """Every error of the form, its sections and its references, each with the id
        of the field to fix, for the summary at the top of a long page."""
        if not self.is_bound:
            return []
        summary = _errors_of(self, fallback="draft-form")
        for heading, formset, label, prefix in (
            ("Sections", self.sections, self.section_label, "section"),
            ("References", self.references, self.reference_label, "reference"),
        ):
            summary.extend(
                (f"{heading}: {error}", heading.lower()) for error in formset.non_form_errors()
            )
            for index, form in enumerate(formset.forms):
                summary.extend(
                    _errors_of(form, where=label(index, form), fallback=f"{prefix}-{index}")
                )
        return summary

    def section_rows(self) -> list[FormsetRow]:
        # A form sent back with errors folds the sections that have none, so the ones to
        # fix are what the editor sees; the others are a click away, their text kept.
        fold_valid = bool(self.error_summary())
        return [
            FormsetRow(
                form=form,
                label=self.section_label(index, form),
                anchor=f"section-{index}",
                is_open=bool(form.errors) or not fold_valid,
            )
            for index, form in enumerate(self.sections.forms)
        ]

    def reference_rows(self) -> list[FormsetRow]:
        # A reference is read by its citation, shown folded; the blank one to fill in
        # and any with errors are open.
        return [
            FormsetRow(
                form=form,
                label=self.reference_label(index, form),
                anchor=f"reference-{index}",
                is_open=bool(form.errors) or not form["citation"].value(),
            )
            for index, form in enumerate(self.references.forms)
        ]

    def section_inputs(self) -> list[SectionInput]:
        return [
            SectionInput(heading=row["heading"], body=row["body"])
            for row in _kept_in_order(self.sections)
        ]

    def reference_inputs(self) -> list[ReferenceInput]:
        return [
            ReferenceInput(
                citation=row["citation"],
                url=row.get("url") or "",
                accessed_on=row.get("accessed_on"),
                pubmed_id=row.get("pubmed_id") or "",
                doi=row.get("doi") or "",
                published_year=row.get("published_year"),
            )
            for row in _kept_in_order(self.references)
        ]

    def reference_positions(self) -> list[int]:
        """For each kept reference, its row on the page: the rows are the stored
        references in order, then blank ones, so a row's place is the reference's
        position when the page was loaded."""
        return [index for index, _ in _kept_rows(self.references)]

    @staticmethod
    def initial_for(revision: Revision) -> dict:
        sections = [{"heading": s.heading, "body": s.body} for s in revision.sections.all()]
        references = [
            {
                "citation": r.citation,
                "url": r.url,
                "accessed_on": r.accessed_on,
                "pubmed_id": r.pubmed_id,
                "doi": r.doi,
                "published_year": r.published_year,
            }
            for r in revision.references.all()
        ]
        return {
            "title": revision.title,
            "summary": revision.summary,
            "public_note": revision.public_note,
            "topics": list(revision.article.topics.all()),
            "edit_version": revision.edit_version,
            "sections": sections,
            "references": references,
        }


class ArticleCreateForm(forms.Form):
    title = _limited_text(TITLE_LIMIT, validators=[visible_text])
    specialty = forms.ModelChoiceField(queryset=Specialty.objects.all())
    topics = _topics_field()
    summary = _limited_text(SUMMARY_LIMIT, textarea_rows=4, required=False)
    number = forms.RegexField(
        regex=r"^\d{6}$",
        required=False,
        help_text="Six digits. Leave blank to assign the next free number.",
        error_messages={"invalid": "An article number is six digits."},
    )

    def error_summary(self) -> list[tuple[str, str]]:
        return _errors_of(self, fallback="article-form") if self.is_bound else []


class SubmitForm(forms.Form):
    kind = forms.ChoiceField(
        choices=Revision.Kind.choices,
        widget=forms.RadioSelect,
        help_text="Full review: the whole page medically reviewed (moves the Review Date). "
        "Update: part of the page. Minor edit / correction: typo, formatting, broken link.",
    )
    change_summary = forms.CharField(
        label="Summary of the change",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text="Shown to every signer and kept in the history.",
    )
    reviewer = forms.ModelChoiceField(
        queryset=ReviewerProfile.objects.none(),
        required=False,
        empty_label="Assign automatically (least-loaded qualified reviewer)",
        label="Medical reviewer",
    )

    def __init__(self, *args, reviewers=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reviewer"].queryset = (
            reviewers if reviewers is not None else ReviewerProfile.objects.none()
        )


class SignatureForm(forms.Form):
    """The electronic signature's proof: the password again (and the one-time code where
    the signer enrolled one), unless they entered it within the last few minutes."""

    password = forms.CharField(
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        label="Your password",
        required=False,
        help_text="A signature is re-authenticated: enter your password again.",
    )
    code = forms.CharField(
        label="One-time code",
        required=False,
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
        help_text="From your authenticator app (or a recovery code).",
    )


class DecisionForm(SignatureForm):
    APPROVE, REQUEST_CHANGES, REJECT = "approve", "request_changes", "reject"
    decision = forms.ChoiceField(
        choices=[
            (APPROVE, "Approve"),
            (REQUEST_CHANGES, "Request changes"),
            (REJECT, "Reject"),
        ],
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=5000,
        help_text="Required when requesting changes or rejecting.",
    )
    attested = forms.BooleanField(required=False)
    reviewed_whole_page = forms.BooleanField(
        required=False, label="I reviewed the whole page, not only the change"
    )
    # Any known code is accepted here: the signing service decides which warnings had to
    # be acknowledged, and says which one was not.
    acknowledged_warnings = forms.MultipleChoiceField(
        choices=[(code, code) for code in WARNING_CODES],
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Warnings acknowledged",
    )
    # Comments on sections come as rows of two parallel fields, so that a page can offer
    # as many rows as it likes (and a script add more) without a count to keep in step.
    SECTION_FIELD, BODY_FIELD = "section_comment_section", "section_comment_body"
    SECTION_COMMENTS_MAX = 20
    SECTION_COMMENT_MAX_CHARS = 5000
    BLANK_ROWS = 2

    def __init__(
        self, *args, sections=(), warnings: Iterable[SigningWarning] = (), **kwargs
    ) -> None:
        super().__init__(*args, **kwargs)
        self.sections = {section.pk: section for section in sections}
        # The warnings the signer must acknowledge, each shown with its box.
        self.warnings = list(warnings)

    def warning_rows(self) -> list[dict]:
        """Each warning with whether its box is ticked (kept when a decision is refused)."""
        getlist = getattr(self.data, "getlist", None)
        ticked = set(getlist("acknowledged_warnings")) if getlist else set()
        return [{"warning": w, "ticked": w.code in ticked} for w in self.warnings]

    @property
    def section_choices(self) -> list[tuple[int, str]]:
        return [(pk, section.heading) for pk, section in self.sections.items()]

    def _typed_rows(self) -> list[tuple[str, str]]:
        getlist = getattr(self.data, "getlist", None)
        if getlist is None:
            return []
        sections, bodies = getlist(self.SECTION_FIELD), getlist(self.BODY_FIELD)
        return list(itertools.zip_longest(sections, bodies, fillvalue=""))

    def typed_section_comments(self) -> list[dict]:
        """What was written on sections, kept to show again when the decision is refused."""
        rows = []
        for section_id, body in self._typed_rows():
            if body.strip():
                pk = int(section_id) if section_id.isdigit() else None
                section = self.sections.get(pk) if pk is not None else None
                heading = section.heading if section else ""
                rows.append({"section": pk, "heading": heading, "body": body})
        return rows

    def section_comment_rows(self) -> list[dict]:
        """The rows to show: what was typed, then blank ones."""
        rows = self.typed_section_comments()
        blanks = max(1, self.BLANK_ROWS - len(rows))
        return rows + [{"section": None, "heading": "", "body": ""} for _ in range(blanks)]

    def clean(self):
        cleaned = super().clean()
        comments = []
        for section_id, body in self._typed_rows():
            if not body.strip():
                continue
            section = self.sections.get(int(section_id)) if section_id.isdigit() else None
            if section is None:
                raise forms.ValidationError("Choose the section each comment is on.")
            if len(body) > self.SECTION_COMMENT_MAX_CHARS:
                raise forms.ValidationError(
                    f"A comment on a section can be at most {self.SECTION_COMMENT_MAX_CHARS:,}"
                    f" characters; this one has {len(body):,}."
                )
            comments.append(SectionComment(section=section, body=body))
        if len(comments) > self.SECTION_COMMENTS_MAX:
            raise forms.ValidationError(
                f"At most {self.SECTION_COMMENTS_MAX} comments on sections go with one "
                "decision; add the others from the comments below."
            )
        cleaned["section_comments"] = comments
        return cleaned


class OverrideForm(forms.Form):
    reason = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), max_length=2000)


class PeopleSelect(forms.Select):
    """A drop-down of people in which those the eligibility rule refuses stay listed,
    disabled, with the rule's reason: a director sees why someone cannot be chosen
    instead of guessing why they are missing."""

    def __init__(self, attrs=None, choices=()):
        super().__init__(attrs, choices)
        self.refused: frozenset[int] = frozenset()

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        if value in self.refused:
            option["attrs"]["disabled"] = True
        return option


def _refusal_label(choice: Choice) -> str:
    """The person and why not, in one line: the rule's reason names them nearly always
    (by their credit name), so it is shown alone unless it does not."""
    reason = choice.verdict.reason
    if reason.startswith((choice.person.printed_name, choice.person.name)):
        return reason
    return f"{choice.person.name}: {reason}"


def offer_people(form: forms.Form, name: str, choices: Iterable[Choice], *, empty: str) -> None:
    """Fill the drop-down `name` with `choices`: those the rule allows, then the others
    disabled with why, each group in the alphabetical order of what it shows. The field
    accepts any active account: the service decides again on submit, and says why if
    it refuses."""
    choices = list(choices)
    allowed = sorted(
        ((c.person.user_id, c.person.name) for c in choices if c.verdict), key=_by_label
    )
    refused = sorted(
        ((c.person.user_id, _refusal_label(c)) for c in choices if not c.verdict), key=_by_label
    )
    groups: list = [("", empty)]
    if allowed:
        groups.append(("Eligible", allowed))
    if refused:
        groups.append(("Not eligible", refused))
    widget = form.fields[name].widget
    widget.choices = groups
    widget.refused = frozenset(pk for pk, _ in refused)
    if form.initial.get(name) in widget.refused:
        # A disabled option is never submitted: preselecting it would post the empty
        # choice under a name the director did not pick.
        del form.initial[name]
    form.nobody_eligible = bool(choices) and not allowed


def _by_label(option: tuple[int, str]) -> str:
    return option[1].casefold()


class AssignForm(forms.Form):
    """Give a step to a person (or back to the pool). The page lists every holder of the
    step's role with the eligibility rule's verdict; the service decides again."""

    assignee = forms.ModelChoiceField(
        queryset=User.objects.filter(is_active=True),
        required=False,
        empty_label="Anyone who may sign (pool)",
        widget=PeopleSelect,
    )

    def __init__(self, *args, assignees: Iterable[Choice] = (), **kwargs):
        super().__init__(*args, **kwargs)
        offer_people(self, "assignee", assignees, empty="Anyone who may sign (pool)")


class CommentForm(forms.Form):
    body = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), max_length=5000, label="")
    section = forms.IntegerField(required=False, widget=forms.HiddenInput)


class ChainForm(forms.Form):
    steps = forms.MultipleChoiceField(
        choices=Step.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text="Steps run in this order: medical review, medical director, editorial director.",
    )


class RecertifyForm(SignatureForm):
    attested = forms.BooleanField(
        required=False, label="I have reviewed this content and it is still medically accurate."
    )


class CycleChangesForm(forms.Form):
    note = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}), max_length=5000, label="What needs to change"
    )


class OutOfCycleForm(forms.Form):
    reason = forms.CharField(
        max_length=REASON_LIMIT, help_text='Recorded on every cycle, e.g. "Retraction notice".'
    )
    specialty = forms.ModelChoiceField(queryset=Specialty.objects.all(), required=False)
    topic = forms.ModelChoiceField(queryset=Topic.objects.all(), required=False)
    reference = forms.CharField(
        max_length=1000,
        required=False,
        label="Cited work",
        help_text="A DOI (10.xxxx/…), a PubMed id, or a URL: every article citing it.",
    )
    article = ArticleNumberField(
        help_text="Six digits: this one article, e.g. one citing out-of-date evidence."
    )


class PolicyForm(forms.ModelForm):
    class Meta:
        model = ReviewPolicy
        fields = [
            "default_interval_months",
            "due_soon_days",
            "open_cycles_when_due_soon",
            "reminder_every_days",
            "escalate_after_days",
            "correction_word_budget",
            "reference_age_limit_years",
        ]
        labels = {
            "default_interval_months": "Review every (months)",
            "due_soon_days": "Due soon: within (days)",
            "open_cycles_when_due_soon": "Open a review when an article is due soon",
            "reminder_every_days": "Remind reviewers every (days)",
            "escalate_after_days": "Tell editorial directors after (days overdue)",
            "correction_word_budget": "Words a correction may change",
            "reference_age_limit_years": "Flag references older than (years)",
        }


class AccountPolicyForm(forms.ModelForm):
    two_factor_roles = forms.MultipleChoiceField(
        choices=Role.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Roles that must sign in with a one-time code",
    )

    class Meta:
        model = AccountPolicy
        fields = [
            "signature_window_minutes",
            "idle_timeout_minutes",
            "two_factor_roles",
            "two_factor_for_admins",
        ]


class SpecialtyIntervalForm(forms.Form):
    specialty = forms.ModelChoiceField(queryset=Specialty.objects.all())
    interval_months = forms.IntegerField(
        min_value=1,
        max_value=120,
        required=False,
        help_text="Blank: back to the policy's default interval.",
    )


class CycleAssignForm(forms.Form):
    """Give periodic reviews to a reviewer: the page lists every medical reviewer with the
    eligibility rule's verdict (on the one review, or what holds whatever reviews are
    ticked); the service decides again for each review on submit."""

    reviewer = forms.ModelChoiceField(
        queryset=User.objects.filter(is_active=True), label="Reviewer", widget=PeopleSelect
    )

    def __init__(self, *args, reviewers: Iterable[Choice] = (), **kwargs):
        super().__init__(*args, **kwargs)
        offer_people(self, "reviewer", reviewers, empty="Choose a reviewer")
