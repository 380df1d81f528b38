import unicodedata

from django import forms
from django.conf import settings
from django.contrib.auth.forms import PasswordResetForm
from django.db import transaction
from django.forms.models import model_to_dict
from django.template import loader

from accounts import selectors
from accounts.models import ReviewerProfile, Specialty, User
from accounts.services import PROFILE_FIELDS, PROFILE_RELATIONS
from core.outbox import Letter, outbox_queue

DATE_INPUT = forms.DateInput(attrs={"type": "date"})


class ReviewerProfileForm(forms.ModelForm):
    """The profile as a director edits it. Read into `cleaned_data` and handed to
    accounts.services.reviewer_profile_update, never saved by the form itself."""

    conflict_topics = forms.ModelMultipleChoiceField(
        queryset=selectors.topics(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Topics the declared conflict covers: the reviewer may not sign them.",
    )
    reason = forms.CharField(
        label="Why are you changing this profile?",
        required=False,  # the service refuses an edit without one, with its own message
        max_length=500,
        help_text='Kept in the profile\'s history, e.g. "Licence renewed to 2028".',
    )

    class Meta:
        model = ReviewerProfile
        # What the service edits; conflict topics are declared above (they live on the
        # topic, in encyclopedia).
        fields = [
            *PROFILE_FIELDS,
            *(name for name in PROFILE_RELATIONS if name != "conflict_topics"),
        ]
        labels = {
            "credit_name": "Credit name as printed",
            "licence_expires_on": "Licence expires on",
            "is_active": "Active (may be assigned reviews)",
            "conflict_declared_on": "Conflict declared on",
        }
        widgets = {
            "licence_expires_on": DATE_INPUT,
            "conflict_declared_on": DATE_INPUT,
            "specialties": forms.CheckboxSelectMultiple,
            "conflict_specialties": forms.CheckboxSelectMultiple,
            "conflict_of_interest": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, profile: ReviewerProfile, **kwargs):
        kwargs.setdefault(
            "initial",
            {
                **model_to_dict(profile, fields=self._meta.fields),
                "conflict_topics": list(profile.conflict_topics.all()),
            },
        )
        super().__init__(*args, **kwargs)
        # A placeholder from an import may lack credentials; the service decides when a
        # profile must have them.
        self.fields["credentials"].required = False

    SECTIONS = [
        ("Credit as printed", ["credit_name", "credentials", "title", "department", "institution"]),
        ("Licence", ["licence_number", "licence_expires_on"]),
        ("Scope", ["specialties", "capacity", "is_active"]),
        (
            "Conflict of interest",
            [
                "conflict_of_interest",
                "conflict_declared_on",
                "conflict_specialties",
                "conflict_topics",
            ],
        ),
        ("Why", ["reason"]),
    ]

    def sections(self) -> list[tuple[str, list]]:
        """The fields under their headings, for the page."""
        return [(title, [self[name] for name in names]) for title, names in self.SECTIONS]

    def changes(self) -> dict:
        """The cleaned values the service takes, without the reason."""
        return {name: value for name, value in self.cleaned_data.items() if name != "reason"}


class ReviewerLinkForm(forms.Form):
    user = forms.ModelChoiceField(
        label="Account",
        queryset=User.objects.none(),
        empty_label="Choose an account…",
        help_text="Active accounts that have no reviewer profile yet.",
    )
    grant_reviewer_role = forms.BooleanField(
        label="Give them the medical reviewer role", required=False, initial=True
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = selectors.accounts_without_reviewer_profile()
        self.fields["user"].label_from_instance = lambda user: (
            f"{user.get_full_name() or user.username} ({user.username})"
        )


class ReviewerInviteForm(forms.Form):
    first_name = forms.CharField(max_length=150)
    last_name = forms.CharField(max_length=150)
    email = forms.EmailField(label="E-mail", help_text="The invitation goes to this address.")
    username = forms.CharField(
        max_length=150, help_text="What they sign in with: letters, digits and @/./+/-/_ only."
    )
    credit_name = forms.CharField(
        label="Credit name as printed",
        max_length=200,
        help_text='As printed on the page, e.g. "Linda J. Vorvick, MD".',
    )
    credentials = forms.CharField(max_length=100, help_text="e.g. MD, MPH")
    specialties = forms.ModelMultipleChoiceField(
        queryset=Specialty.objects.all(), required=False, widget=forms.CheckboxSelectMultiple
    )
    licence_number = forms.CharField(max_length=50, required=False)
    licence_expires_on = forms.DateField(
        label="Licence expires on", required=False, widget=DATE_INPUT
    )

    @classmethod
    def for_profile(cls, profile: ReviewerProfile | None, data=None) -> "ReviewerInviteForm":
        """The form, filled in from a placeholder's credit when inviting its reviewer."""
        initial = {}
        if profile is not None:
            initial = model_to_dict(
                profile,
                fields=[
                    "credit_name",
                    "credentials",
                    "specialties",
                    "licence_number",
                    "licence_expires_on",
                ],
            )
        return cls(data, initial=initial)


class OutboxPasswordResetForm(PasswordResetForm):
    """Django's reset form, with its e-mail written to the outbox (sent after commit) and
    its link built on the site's own address rather than the request's host."""

    def get_users(self, email):
        # Django skips accounts without a usable password. An invited reviewer has none
        # until they choose one, and must be able to ask again when the invitation's link
        # has expired; accounts nobody may sign in to are inactive, and still skipped.
        email_field = User.get_email_field_name()
        active = User._default_manager.filter(
            **{f"{email_field}__iexact": email, "is_active": True}
        )
        return (user for user in active if _same_address(email, getattr(user, email_field)))

    @transaction.atomic
    def save(self, *args, extra_email_context=None, **kwargs):
        extra_email_context = {
            "site_url": settings.STET["SITE_URL"],
            "encyclopedia_name": settings.STET["ENCYCLOPEDIA_NAME"],
            **(extra_email_context or {}),
        }
        return super().save(*args, extra_email_context=extra_email_context, **kwargs)

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        subject = loader.render_to_string(subject_template_name, context)
        subject = "".join(subject.splitlines())  # a header has no newlines
        body = loader.render_to_string(email_template_name, context)
        outbox_queue([Letter(to=to_email, subject=subject, body=body)])


def _same_address(one: str, other: str) -> bool:
    # As Django compares them: iexact in SQL lets through addresses that differ once
    # Unicode case folding is applied (a reset must not go to a look-alike address).
    return (
        unicodedata.normalize("NFKC", one).casefold()
        == unicodedata.normalize("NFKC", other).casefold()
    )
