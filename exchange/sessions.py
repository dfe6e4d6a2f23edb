"""The session store: Django's database sessions, read with one plain SQL
statement.

Every logged-in request reads its session first. Django's store reads it
through the ORM, whose query building costs more than the round trip to
PostgreSQL itself (docs/performance.md); this store asks the same question —
the row with this key that has not expired — in one plain statement. Writes,
expiry, `clearsessions` and the table are Django's, unchanged.
"""

from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.db import connections, router
from django.utils import timezone

SELECT = "SELECT session_data FROM django_session WHERE session_key = %s AND expire_date > %s"


class SessionStore(DatabaseSessionStore):
    def _get_session_from_db(self):
        key = self.session_key  # None when the cookie's key is malformed
        row = None
        if key is not None:
            with connections[router.db_for_read(self.model)].cursor() as cursor:
                cursor.execute(SELECT, [key, timezone.now()])
                row = cursor.fetchone()
        if row is None:
            self._session_key = None
            return None
        return self.model(session_key=key, session_data=row[0])
