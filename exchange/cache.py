"""The shared cache: Django's Redis backend made cheaper to call, and read
or written without ever failing a request on it.

Django's `RedisCache` builds a new `redis.Redis` client for every operation;
with redis-py 8 that costs more than the round trip to Redis (a profile of a
cached page: 10 % of the request in `Redis.__init__`). `RedisCache` here
keeps one client per connection pool — redis-py's clients are safe to share
between threads — and is otherwise Django's.

The cache only ever holds copies (sessions are in the database too, users and
stamps are read again from it), so a cache that cannot be reached is treated
as empty: the request reads the database instead, and a warning is logged.
Deleting is left out on purpose: a session that could not be deleted from the
cache at logout must fail loudly, not stay usable there.
"""

import logging
from collections.abc import Callable
from typing import TypeVar

from django.core.cache.backends import redis as django_redis
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)
T = TypeVar("T")


def quietly(call: Callable[[], T], default: T) -> T:
    """`call()`, or `default` when the cache cannot be reached."""
    try:
        return call()
    except RedisError as error:
        logger.warning("cache unreachable, reading the database instead: %s", error)
        return default


class RedisCacheClient(django_redis.RedisCacheClient):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(django_redis.RedisCache):
    def __init__(self, server, params) -> None:
        super().__init__(server, params)
        self._class = RedisCacheClient
