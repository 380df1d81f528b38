from django import forms

from encyclopedia.forms import ArticleNumberField


class AuditReportForm(forms.Form):
    date = forms.DateField(
        label="As of", widget=forms.DateInput(attrs={"type": "date"}), help_text="End of that day."
    )
    article = ArticleNumberField(help_text="Blank: every article.")
