from django import forms


class AuditReportForm(forms.Form):
    date = forms.DateField(
        label="As of", widget=forms.DateInput(attrs={"type": "date"}), help_text="End of that day."
    )
    article = forms.RegexField(
        regex=r"^\d{6}$",
        required=False,
        label="Article number",
        help_text="Blank: every article.",
        error_messages={"invalid": "An article number is six digits."},
    )
