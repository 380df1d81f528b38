"""A published revision's content rendered once (see models.Rendering): at publish, and
on the first read of a revision published before renderings were stored or by other
rendering code. Drafts and previews still render live."""

import hashlib
from importlib.metadata import version
from pathlib import Path

from django.db import IntegrityError, transaction
from django.db.models import Prefetch
from django.template.loader import get_template, render_to_string
from django.utils.safestring import SafeString, mark_safe

from encyclopedia import rendering
from encyclopedia.models import Reference, Rendering, Revision, Section

TEMPLATE = "encyclopedia/_live_content.html"


def _renderer() -> str:
    """Names the code a rendering came from: the fragment's template, the Markdown
    rules and the libraries behind them. Any change to one makes a new name, so stored
    renderings made by old code are made again instead of served."""
    sources = [
        Path(get_template(TEMPLATE).origin.name).read_bytes(),
        Path(rendering.__file__).read_bytes(),
        version("markdown-it-py").encode(),
        version("nh3").encode(),
    ]
    return hashlib.sha256(b"\0".join(sources)).hexdigest()[:16]


RENDERER = _renderer()


def render(revision: Revision) -> SafeString:
    """The content of `revision` as readers see it, rendered now."""
    revision = (
        Revision.objects.prefetch_related(
            Prefetch("sections", queryset=Section.objects.order_by("position")),
            Prefetch("references", queryset=Reference.objects.order_by("position")),
        )
    ).get(pk=revision.pk)
    return mark_safe(render_to_string(TEMPLATE, {"revision": revision}))


def rendering_store(*, revision: Revision) -> Rendering:
    """Render a published revision and keep it (publishing calls this in its
    transaction; a read calls it when the stored one is missing or out of date)."""
    html = render(revision)
    try:
        with transaction.atomic():
            stored, _ = Rendering.objects.update_or_create(
                revision_id=revision.pk, defaults={"html": html, "renderer": RENDERER}
            )
    except IntegrityError:  # a concurrent first read stored the same rendering
        stored = Rendering.objects.get(revision_id=revision.pk)
    return stored


def live_content(revision: Revision) -> SafeString:
    """What the reader's page prints for its live revision: the stored rendering (the
    caller selected it with the revision), made now if missing or made by other code."""
    try:
        stored = revision.rendering
    except Rendering.DoesNotExist:
        stored = None
    if stored is None or stored.renderer != RENDERER:
        stored = rendering_store(revision=revision)
    return mark_safe(stored.html)
