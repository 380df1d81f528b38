"""Who and why, for django-simple-history: every service sets them on a row before saving
it, so each history row names the person (or the scheduler's account) and the reason."""

from typing import Any


def track(obj: Any, *, user: Any, reason: str) -> None:
    """Record `user` and `reason` on the history row `obj`'s next save or delete writes.
    (simple-history reads these two attributes off the instance.)"""
    obj._history_user = user
    obj._change_reason = reason
