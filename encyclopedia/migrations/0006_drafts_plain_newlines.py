"""Drafts saved from a browser before line endings were normalised hold CR LF: their
untouched sections showed as changed on the review page. Editable drafts only: a
revision in review, approved or published keeps the exact text its signers saw."""

from django.db import migrations
from django.db.models import Value
from django.db.models.functions import Replace

EDITABLE = ("draft", "changes_requested")


def plain(field: str):
    return Replace(Replace(field, Value("\r\n"), Value("\n")), Value("\r"), Value("\n"))


def normalise(apps, schema_editor):
    Revision = apps.get_model("encyclopedia", "Revision")
    Section = apps.get_model("encyclopedia", "Section")
    Reference = apps.get_model("encyclopedia", "Reference")
    editable = Revision.objects.filter(state__in=EDITABLE)
    editable.filter(summary__contains="\r").update(summary=plain("summary"))
    sections = Section.objects.filter(revision__state__in=EDITABLE)
    sections.filter(body__contains="\r").update(body=plain("body"))
    sections.filter(heading__contains="\r").update(heading=plain("heading"))
    references = Reference.objects.filter(revision__state__in=EDITABLE)
    references.filter(citation__contains="\r").update(citation=plain("citation"))


class Migration(migrations.Migration):
    dependencies = [("encyclopedia", "0005_visible_titles")]

    operations = [migrations.RunPython(normalise, migrations.RunPython.noop)]
