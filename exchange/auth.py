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
unchanged; tests/production/test_auth_backend.py compares the answers with
Django's backend.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend as DjangoModelBackend
from django.contrib.auth.models import Permission
from django.core.exceptions import ValidationError
from django.db import connections, router

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


class ModelBackend(DjangoModelBackend):
    def get_user(self, user_id):
        model = get_user_model()
        try:
            pk = model._meta.pk.to_python(user_id)
        except ValidationError:
            return None
        # raw(): the database's values converted as the ORM converts them
        # (SQLite's dates and booleans), without building a query each time.
        user = next(iter(model._default_manager.raw(USER_SQL, [pk])), None)
        return user if user is not None and self.user_can_authenticate(user) else None

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
