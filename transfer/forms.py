from django import forms

from accounts.models import Specialty
from transfer.services import import_upload_problem


class ImportForm(forms.Form):
    upload = forms.FileField(
        label="File",
        help_text="A .zip of HTML article pages, one HTML page, or a Stet JSON export.",
        widget=forms.ClearableFileInput(attrs={"accept": ".zip,.html,.htm,.json"}),
    )
    specialty = forms.ModelChoiceField(
        queryset=Specialty.objects.order_by("name"),
        required=False,
        empty_label="Unclassified (sort them out later)",
        help_text="Pages do not name a specialty: new articles from pages go here.",
    )
    dry_run = forms.BooleanField(
        label="Dry run: check every file and report, change nothing",
        required=False,
    )

    def clean_upload(self):
        upload = self.cleaned_data["upload"]
        problem = import_upload_problem(name=upload.name, size=upload.size or 0)
        if problem:
            raise forms.ValidationError(problem)
        return upload


class ExportForm(forms.Form):
    format = forms.ChoiceField(
        choices=[("json", "JSON (lossless)"), ("csv", "CSV (current state)")], initial="csv"
    )
    since = forms.DateField(
        required=False,
        help_text="Only articles created, updated, reviewed or retired on or after this day.",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
