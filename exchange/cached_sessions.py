"""The session store with a shared cache: Django's cached_db sessions (written
to the database and the cache, read from the cache), taking the session from
the request's prefetch when it was found there (exchange/prefetch.py).

Django's store reads the database when the cache fails on a read and logs a
failed save, but fails the request when the cache cannot take a session just
read from the database, answer whether a new key is taken, or drop the key a
login replaces (logging in failed while the cache was away). Here those go on
without the cache: the replaced key's copy holds nothing of the login. Only
logging out still fails when the cache cannot be reached — the answer is a
503 — because the session it ends must not stay usable there.
"""

import logging

from django.contrib.sessions.backends.cached_db import SessionStore as CachedDBSessionStore
from django.contrib.sessions.backends.db import SessionStore as DBSessionStore
from redis.exceptions import RedisError

from exchange import prefetch
from exchange.cache import quietly

logger = logging.getLogger(__name__)


class SessionStore(CachedDBSessionStore):
    def load(self):
        data = prefetch.get(prefetch.session_cache_key(self.session_key)) if self.session_key else prefetch.MISSING
        if data is prefetch.MISSING:
            try:
                data = self._cache.get(self.cache_key)
            except Exception:  # as Django's: an unreachable cache, or a key it refuses, is a miss
                data = None
        if data is not None:
            return data
        stored = self._get_session_from_db()
        if not stored:
            return {}
        data = self.decode(stored.session_data)
        # Django's store lets a failure here fail the request.
        quietly(lambda: self._cache.set(self.cache_key, data, self.get_expiry_age(expiry=stored.expire_date)), None)
        return data

    def cycle_key(self):
        try:
            super().cycle_key()  # the new key is made and saved before the old one is deleted
        except RedisError as error:
            logger.warning("cache unreachable, the replaced session key stays there until it expires: %s", error)

    def exists(self, session_key):
        if session_key and quietly(lambda: (self.cache_key_prefix + session_key) in self._cache, False):
            return True
        return DBSessionStore.exists(self, session_key)
