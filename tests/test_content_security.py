"""Pages run no inline script, so the Content-Security-Policy can allow this site's
script files only: every template is checked, and a page's header says so."""

import re
from pathlib import Path

import pytest
from django.conf import settings

TEMPLATES = sorted(Path(settings.BASE_DIR, "templates").rglob("*.html"))
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/(ld\+)?json\")", re.I)
EVENT_HANDLER = re.compile(r"\son[a-z]+\s*=", re.I)


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda path: str(path.name))
def test_no_template_has_inline_script_or_event_handlers(template):
    text = template.read_text()
    text = re.sub(r"\{\{.*?\}\}|\{%.*?%\}", "", text)  # template tags are not markup

    assert not INLINE_SCRIPT.search(text), "move the script into static/js/"
    assert not EVENT_HANDLER.search(text), "use a data attribute handled in static/js/stet.js"


@pytest.mark.django_db
def test_every_page_carries_a_policy_allowing_only_this_sites_scripts(client):
    policy = client.get("/")["Content-Security-Policy"]
    directives = {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}

    assert directives["script-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]
