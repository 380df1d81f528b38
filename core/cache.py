"""The shared cache on Redis, as a convenience that never takes a page down.

Redis is also the Celery broker, so it can be away while the database is fine. The
cache only speeds things up (today: the API's throttle counters), so while Redis is
unreachable a read is a miss and a write is dropped, with a warning in the log,
instead of every request answering 500.
"""

import logging
from collections.abc import Callable
from functools import wraps

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)
UNREACHABLE = (RedisConnectionError, RedisTimeoutError)


def _key_missing(*args, **kwargs):
    raise ValueError("Key not found: the cache is unreachable")


# What each operation answers while Redis is away: what it answers for a missing key.
_WHEN_UNREACHABLE: dict[str, Callable] = {
    "get": lambda key, default=None, *args, **kwargs: default,
    "get_many": lambda *args, **kwargs: {},
    "incr": _key_missing,
    **dict.fromkeys(("add", "touch", "delete", "has_key", "clear"), lambda *a, **k: False),
    **dict.fromkeys(("set", "set_many", "delete_many"), lambda *a, **k: None),
}


def _degrading(name: str, method: Callable, fallback: Callable) -> Callable:
    @wraps(method)
    def call(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except UNREACHABLE as error:
            logger.warning("Cache unreachable, %s skipped: %s", name, error)
            return fallback(*args, **kwargs)

    return call


class DegradingRedisCacheClient(RedisCacheClient):
    pass


for _name, _fallback in _WHEN_UNREACHABLE.items():
    setattr(
        DegradingRedisCacheClient,
        _name,
        _degrading(_name, getattr(RedisCacheClient, _name), _fallback),
    )


class DegradingRedisCache(RedisCache):
    """Django's Redis cache, answering "not cached" while Redis is unreachable."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = DegradingRedisCacheClient
