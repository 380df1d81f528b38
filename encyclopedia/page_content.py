"""A revision's content rendered once (see models.Rendering): at its last sign-off, or at
publish when it was not (an import), and on the first read of a page published before
renderings were stored or by other rendering code. Drafts and previews still render
live."""

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
    """Render `revision` and keep it, whatever was kept before: at its last sign-off,
    at publish when nothing was kept for its text, and on a read of a page whose
    rendering is missing or was made by other code. Loads the content unless the caller
    has (with_content)."""
    if "sections" not in getattr(revision, "_prefetched_objects_cache", {}):
        revision = with_content(revision)
    made = Rendering(
        revision_id=revision.pk,
        html=mark_safe(render_to_string(TEMPLATE, {"revision": revision})),
        text=rendering.sections_text(revision.sections.all()),
        renderer=RENDERER,
        edit_version=revision.edit_version,
    )
    # One statement whether or not a rendering exists: two first reads at once agree.
    Rendering.objects.bulk_create(
        [made],
        update_conflicts=True,
        unique_fields=["revision"],
        update_fields=["html", "text", "renderer", "edit_version", "rendered_at"],
    )
    return made


def rendering_of(revision: Revision) -> Rendering:
    """The revision's rendering: the one kept, when the caller selected it with the
    revision (select_related("rendering")) and it was made from this text by this code;
    otherwise made and kept now."""
    if Revision.rendering.is_cached(revision):
        stored = getattr(revision, "rendering", None)
        if (
            stored is not None
            and stored.renderer == RENDERER
            and stored.edit_version == revision.edit_version
        ):
            return stored
    return rendering_store(revision=revision)


def live_content(revision: Revision) -> SafeString:
    """What the reader's page prints for its live revision (selected with its rendering)."""
    return mark_safe(rendering_of(revision).html)
