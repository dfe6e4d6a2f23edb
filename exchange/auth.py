"""The login backend: Django's ModelBackend, with the two reads every
logged-in request makes done in plain SQL.

Each request loads its user (`get_user`), and each official's report request
asks `has_perm("placements.view_reports")`, which Django answers with two ORM
queries (the user's own permissions, then their groups'). For a page served
from the page cache these reads were most of the request: the ORM's query
building costs more than PostgreSQL's answer (docs/performance.md). Here the
user is one plain statement, and the permissions one statement over the same
tables. Everything else — inactive users, superusers, object permissions, the
`_perm_cache` on the user object, logging in — is Django's behaviour,
unchanged; tests/production/test_fast_reads.py compares the answers with
Django's backend.

With a shared cache (settings.SHARED_CACHE) the user of each session is kept
there with their permissions, read in the request's one round trip
(exchange/prefetch.py) and dropped by any change to accounts (below;
docs/decisions.md, "One shared cache"); tests/production/test_shared_cache.py.
"""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend as DjangoModelBackend
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import DEFAULT_DB_ALIAS, connections, router, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from exchange import prefetch
from exchange.cache import quietly

# Django's own auth tables (this project uses the default user model).
USER_SQL = "SELECT * FROM auth_user WHERE id = %s"
PERMISSIONS_SQL = """
    SELECT ct.app_label, p.codename
    FROM auth_permission p JOIN django_content_type ct ON ct.id = p.content_type_id
    WHERE p.id IN (
        SELECT permission_id FROM auth_user_user_permissions WHERE user_id = %s
        UNION
        SELECT gp.permission_id FROM auth_group_permissions gp
        JOIN auth_user_groups ug ON ug.group_id = gp.group_id WHERE ug.user_id = %s
    )
"""


# With a shared cache: the user of each session, with their permissions, kept
# under the session's key (exchange/prefetch.py reads it with the session) and
# the auth stamp of when they were read. Any change to users, groups or
# permissions replaces the stamp after it commits (`connect()`), so every kept
# user is read again on their next request. An entry is trusted for
# USER_TIMEOUT seconds at most: that bounds what a change the stamp could not
# hear of (a bulk update of users, the cache unreachable at that moment) leaves
# in place.
AUTH_STAMP_KEY = prefetch.AUTH_STAMP_KEY
USER_TIMEOUT = 60


class ModelBackend(DjangoModelBackend):
    def get_user(self, user_id):
        model = get_user_model()
        try:
            pk = model._meta.pk.to_python(user_id)
        except ValidationError:
            return None
        session_key = prefetch.session_key() if settings.SHARED_CACHE else None
        user = self._kept_user(pk, session_key) if session_key else self._read_user(pk)
        return user if user is not None and self.user_can_authenticate(user) else None

    @staticmethod
    def _read_user(pk):
        # raw(): the database's values converted as the ORM converts them
        # (SQLite's dates and booleans), without building a query each time.
        return next(iter(get_user_model()._default_manager.raw(USER_SQL, [pk])), None)

    def _kept_user(self, pk, session_key: str):
        model = get_user_model()
        attnames = [field.attname for field in model._meta.concrete_fields]
        key = prefetch.user_cache_key(session_key)
        stamp, kept = prefetch.get(AUTH_STAMP_KEY), prefetch.get(key)
        if stamp is prefetch.MISSING or kept is prefetch.MISSING:
            found = quietly(lambda: cache.get_many([AUTH_STAMP_KEY, key]), {})
            stamp, kept = found.get(AUTH_STAMP_KEY), found.get(key)
        if stamp is None:
            # Never written, or lost with the cache: start one (or take the
            # one another request has just started).
            quietly(lambda: cache.add(AUTH_STAMP_KEY, secrets.token_hex(8), None), False)
            stamp = quietly(lambda: cache.get(AUTH_STAMP_KEY), None)
        if stamp is not None and kept is not None and kept[0] == stamp and kept[1] == pk:
            _stamp, _pk, values, permissions = kept
            user = model.from_db(router.db_for_read(model), attnames, values)
            user._perm_cache = set(permissions)
            return user
        # Read after the stamp: what is kept under it is at least as new.
        user = self._read_user(pk)
        if user is not None and stamp is not None:
            permissions = frozenset(self.get_all_permissions(user))
            values = [getattr(user, name) for name in attnames]
            quietly(lambda: cache.set(key, (stamp, pk, values, permissions), USER_TIMEOUT), None)
        return user

    def get_all_permissions(self, user_obj, obj=None) -> set[str]:
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if user_obj.is_superuser:
            return super().get_all_permissions(user_obj, obj)
        if not hasattr(user_obj, "_perm_cache"):
            with connections[router.db_for_read(Permission)].cursor() as cursor:
                cursor.execute(PERMISSIONS_SQL, [user_obj.pk, user_obj.pk])
                user_obj._perm_cache = {f"{app_label}.{codename}" for app_label, codename in cursor.fetchall()}
        return user_obj._perm_cache


def _replace_auth_stamp() -> None:
    quietly(lambda: cache.set(AUTH_STAMP_KEY, secrets.token_hex(8), None), None)
    prefetch.forget(AUTH_STAMP_KEY)


def _on_auth_write(sender, using: str = DEFAULT_DB_ALIAS, **kwargs) -> None:
    if settings.SHARED_CACHE:
        transaction.on_commit(_replace_auth_stamp, using=using, robust=True)


def connect() -> None:
    """Every write to users, groups, permissions and the links between them
    replaces the auth stamp when the cache is shared (called from
    placements.apps.ready)."""
    model = get_user_model()
    for sender in (model, Group, Permission):
        post_save.connect(_on_auth_write, sender=sender, dispatch_uid=f"auth-stamp-save-{sender.__name__}")
        post_delete.connect(_on_auth_write, sender=sender, dispatch_uid=f"auth-stamp-delete-{sender.__name__}")
    for through in (model.groups.through, model.user_permissions.through, Group.permissions.through):
        m2m_changed.connect(_on_auth_write, sender=through, dispatch_uid=f"auth-stamp-m2m-{through.__name__}")
