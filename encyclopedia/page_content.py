"""A published revision's content rendered once (see models.Rendering): at publish, and
on the first read of a revision published before renderings were stored or by other
rendering code. Drafts and previews still render live."""

import hashlib
from importlib.metadata import version
from pathlib import Path

from django.db.models import Prefetch, prefetch_related_objects
from django.template.loader import get_template, render_to_string
from django.utils.safestring import SafeString, mark_safe

from encyclopedia import inline_citations, rendering
from encyclopedia.models import Reference, Rendering, Revision, Section

TEMPLATE = "encyclopedia/_live_content.html"


def _renderer() -> str:
    """Names the code a rendering came from: the fragment's template, the Markdown
    rules and the libraries behind them. Any change to one makes a new name, so stored
    renderings made by old code are made again instead of served."""
    sources = [
        Path(get_template(TEMPLATE).template.origin.name).read_bytes(),  # type: ignore[attr-defined]
        Path(rendering.__file__).read_bytes(),
        Path(inline_citations.__file__).read_bytes(),
        version("markdown-it-py").encode(),
        version("nh3").encode(),
    ]
    return hashlib.sha256(b"\0".join(sources)).hexdigest()[:16]


RENDERER = _renderer()


def with_content(revision: Revision) -> Revision:
    """`revision` with its sections and references loaded, in order (two queries)."""
    prefetch_related_objects(
        [revision],
        Prefetch("sections", queryset=Section.objects.order_by("position")),
        Prefetch("references", queryset=Reference.objects.order_by("position")),
    )
    return revision


def rendering_store(*, revision: Revision) -> Rendering:
    """Render a published revision and keep it: publishing calls this in its
    transaction (with the content loaded, see with_content), a read when the stored one
    is missing or was made by other code."""
    if "sections" not in getattr(revision, "_prefetched_objects_cache", {}):
        revision = with_content(revision)
    html = mark_safe(render_to_string(TEMPLATE, {"revision": revision}))
    # One statement whether or not a rendering exists: two first reads at once agree.
    Rendering.objects.bulk_create(
        [Rendering(revision_id=revision.pk, html=html, renderer=RENDERER)],
        update_conflicts=True,
        unique_fields=["revision"],
        update_fields=["html", "renderer", "rendered_at"],
    )
    return Rendering(revision_id=revision.pk, html=html, renderer=RENDERER)


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
