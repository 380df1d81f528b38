"""The shared cache on Redis, as a convenience that never takes a page down.

Redis is also the Celery broker, so it can be away while the database is fine. The
cache only speeds things up (today: the API's throttle counters), so while Redis is
unreachable a read is a miss and a write is dropped, with a warning in the log,
instead of every request answering 500.
"""

import logging
from functools import wraps

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)
UNREACHABLE = (RedisConnectionError, RedisTimeoutError)

# What each operation answers while Redis is away: what it answers for a missing key.
_WHEN_UNREACHABLE: dict[str, object] = {
    "add": False,
    "get": None,  # replaced by the caller's default
    "set": None,
    "touch": False,
    "delete": False,
    "get_many": {},
    "has_key": False,
    "set_many": None,
    "delete_many": None,
    "clear": False,
}


def _degrading(name, method):
    @wraps(method)
    def call(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except UNREACHABLE as error:
            logger.warning("Cache unreachable, %s skipped: %s", name, error)
            if name == "get":
                return args[1] if len(args) > 1 else kwargs.get("default")
            if name == "incr":
                raise ValueError("Key not found: the cache is unreachable") from error
            return _WHEN_UNREACHABLE[name]

    return call


class DegradingRedisCacheClient(RedisCacheClient):
    pass


for _name in [*_WHEN_UNREACHABLE, "incr"]:
    setattr(
        DegradingRedisCacheClient,
        _name,
        _degrading(_name, getattr(RedisCacheClient, _name)),
    )


class DegradingRedisCache(RedisCache):
    """Django's Redis cache, answering "not cached" while Redis is unreachable."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = DegradingRedisCacheClient
