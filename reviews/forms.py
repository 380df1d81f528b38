import itertools

from django import forms
from django.forms import formset_factory

from accounts.models import AccountPolicy, ReviewerProfile, Specialty, User
from accounts.roles import Role
from core.validators import visible_text
from encyclopedia.models import (
    SECTION_BODY_MAX_CHARS,
    SUMMARY_MAX_CHARS,
    ReviewPolicy,
    Revision,
    Topic,
    doi_validator,
    http_url_validator,
    pubmed_id_validator,
)
from encyclopedia.services import ReferenceInput, SectionInput
from reviews.models import Step
from reviews.services.comments import SectionComment


class SectionForm(forms.Form):
    heading = forms.CharField(max_length=200, validators=[visible_text])
    body = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=SECTION_BODY_MAX_CHARS,
        help_text="Markdown: **bold**, *italic*, - lists, [links](https://…).",
    )


class ReferenceForm(forms.Form):
    citation = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), max_length=2000)
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


SectionFormSet = formset_factory(
    SectionForm, extra=1, can_order=True, can_delete=True, max_num=60, validate_max=True
)
ReferenceFormSet = formset_factory(
    ReferenceForm, extra=1, can_order=True, can_delete=True, max_num=200, validate_max=True
)


def _kept_in_order(formset) -> list[dict]:
    """The filled-in, not-deleted rows of a formset, in the order the editor set."""
    rows = []
    for index, form in enumerate(formset.forms):
        data = form.cleaned_data
        if not data or data.get("DELETE") or not form.has_changed():
            continue
        order = data.get("ORDER")
        rows.append((order if order is not None else 10_000 + index, index, data))
    return [data for _, _, data in sorted(rows, key=lambda row: (row[0], row[1]))]


class DraftForm(forms.Form):
    title = forms.CharField(max_length=300, validators=[visible_text])
    summary = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}), max_length=SUMMARY_MAX_CHARS, required=False
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
            )
            for row in _kept_in_order(self.references)
        ]

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
            }
            for r in revision.references.all()
        ]
        return {
            "title": revision.title,
            "summary": revision.summary,
            "edit_version": revision.edit_version,
            "sections": sections,
            "references": references,
        }


class ArticleCreateForm(forms.Form):
    title = forms.CharField(max_length=300, validators=[visible_text])
    specialty = forms.ModelChoiceField(queryset=Specialty.objects.all())
    topics = forms.ModelMultipleChoiceField(queryset=Topic.objects.all(), required=False)
    summary = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}), max_length=SUMMARY_MAX_CHARS, required=False
    )
    number = forms.RegexField(
        regex=r"^\d{6}$",
        required=False,
        help_text="Six digits. Leave blank to assign the next free number.",
        error_messages={"invalid": "An article number is six digits."},
    )


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
    # Comments on sections come as rows of two parallel fields, so that a page can offer
    # as many rows as it likes (and a script add more) without a count to keep in step.
    SECTION_FIELD, BODY_FIELD = "section_comment_section", "section_comment_body"
    SECTION_COMMENTS_MAX = 20
    SECTION_COMMENT_MAX_CHARS = 5000
    BLANK_ROWS = 2

    def __init__(self, *args, sections=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.sections = {section.pk: section for section in sections}

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


class AssignForm(forms.Form):
    """Give a step to a person. The page offers those the eligibility rule allows; the
    service decides again on submit, and says why if it refuses."""

    assignee = forms.ModelChoiceField(
        queryset=User.objects.none(), required=False, empty_label="Anyone who may sign (pool)"
    )

    def __init__(self, *args, assignees, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = assignees


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
        max_length=500, help_text='Recorded on every cycle, e.g. "Retraction notice".'
    )
    specialty = forms.ModelChoiceField(queryset=Specialty.objects.all(), required=False)
    topic = forms.ModelChoiceField(queryset=Topic.objects.all(), required=False)
    reference = forms.CharField(
        max_length=1000,
        required=False,
        label="Cited work",
        help_text="A DOI (10.xxxx/…), a PubMed id, or a URL: every article citing it.",
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
        ]
        labels = {
            "default_interval_months": "Review every (months)",
            "due_soon_days": "Due soon: within (days)",
            "open_cycles_when_due_soon": "Open a review when an article is due soon",
            "reminder_every_days": "Remind reviewers every (days)",
            "escalate_after_days": "Tell editorial directors after (days overdue)",
            "correction_word_budget": "Words a correction may change",
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
    """Give periodic reviews to a reviewer: the page offers those the eligibility rule
    allows (for one review, or any licensed reviewer for many); the service decides
    again for each review on submit."""

    reviewer = forms.ModelChoiceField(queryset=User.objects.none(), label="Reviewer")

    def __init__(self, *args, reviewers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reviewer"].queryset = reviewers
