"""Forms readers fill in on the public site, and the field every form names an article by."""

from django import forms
from django.core.exceptions import ValidationError

from encyclopedia.models import Article


class ArticleNumberField(forms.RegexField):
    """An article's six-digit number, cleaned to the article it names (None when left
    blank); a number no article has is refused on the form."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", "Article number")
        kwargs.setdefault("required", False)
        kwargs.setdefault("error_messages", {"invalid": "An article number is six digits."})
        super().__init__(regex=r"^\d{6}$", **kwargs)

    def clean(self, value) -> Article | None:
        number = super().clean((value or "").strip())
        if not number:
            return None
        article = Article.objects.filter(number=number).first()
        if article is None:
            raise ValidationError("No article has this number.", code="no_such_article")
        return article


class ReportProblemForm(forms.Form):
    """A reader's "report a problem with this page". The limits and the consent rule are
    the feedback service's; the form only carries what was typed, so a refusal gives the
    reader their text back whole."""

    message = forms.CharField(
        label="What is wrong on this page?",
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="A mistake, something out of date, a broken link: up to 2,000 characters.",
    )
    email = forms.CharField(
        label="Your e-mail address (optional)",
        required=False,
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text="Only if you would like a reply.",
    )
    email_consent = forms.BooleanField(
        label="You may use my e-mail address only to reply to this report.",
        required=False,
    )
    # The honeypot: people never see it (the page hides it from eyes, screen readers and
    # the tab order), so anything in it was typed by a program.
    website = forms.CharField(
        label="Leave this field empty",
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
