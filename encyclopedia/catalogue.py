"""The catalogue's generation: a token that moves on whenever any article changes.

What is computed from every article at once (the reader's A–Z index and home page, the
director's schedule figures) is cached under the generation it was computed at. A change
moves the generation on instead of hunting down each entry, and the entries made before
it are never read again.

The article's save and delete move it (encyclopedia.signals), and so do the bulk writes
of Article's queryset (update, bulk_update, bulk_create), which bypass save. It moves
at once and again once the change commits: whatever was computed while the change was
in flight was stored under a generation nobody reads after the commit.
"""

import uuid

from django.core.cache import cache
from django.db import transaction

GENERATION = "catalogue:generation"


def generation() -> str:
    # "0" while the cache is empty or away: entries are then keyed by it, and expire.
    return cache.get(GENERATION, "0")


def _move_on() -> None:
    cache.set(GENERATION, uuid.uuid4().hex, timeout=None)


def catalogue_changed() -> None:
    """Call on any change to an article: now, and again after the commit."""
    _move_on()
    transaction.on_commit(_move_on)
