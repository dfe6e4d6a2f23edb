"""The busiest pages, kept rendered until the data under them changes.

An officer's `/my/` and an official's cohort report are read far more often
than the data under them is written (a few coordinators' saves an hour), and
rendering them is most of their cost. `page()` keeps such a page, rendered,
in Django's cache under a key that holds the data stamp: a token
in one database row (models.DataStamp) that every write a page could show
replaces. A page cached before a write is never served after it, on any app
server: the stamp lives in the database.

With a shared cache (settings.SHARED_CACHE, Redis) the stamp also has a copy
there, read with the request's session in one round trip (exchange/prefetch.py)
and replaced there right after the database's; should that fail, the copy
lapses after STAMP_TIMEOUT seconds. Pages are kept in the shared cache for
every process, and in each process's own memory (`local_cache()`) so that a
400 KB report is not copied out of Redis on every request.

How writes reach the stamp:

* Saves and deletes of the app's models, and changes of their many-to-many
  fields, through Django's signals (`connect()`, from `apps.ready`), for every
  model of this app but the few no cached page shows (`NOT_SHOWN`).
* Writes that send no signals (`bulk_create`, `QuerySet.update`, raw SQL) call
  `changed()` themselves: `generate_data`, the nomination import. A test lists
  the app's models so that a new one has to be placed in one group or the
  other.

The stamp is replaced *after* the transaction commits (`transaction.on_commit`),
once per transaction, in a statement of its own. That order is what makes it
safe: a reader takes the stamp before it reads the data, so a page stored
under a stamp was built from data at least as new as the stamp; after a
commit, the next stamp is new and no page is stored under it yet. A write
never waits for the stamp's row lock while holding locks of its own (the
placement rules' `select_for_update`), so the stamp adds no deadlock.
"""

import hashlib
import secrets
from collections.abc import Callable, Iterable
from functools import partial

from django.apps import apps
from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import cache, caches
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone, translation

from exchange import prefetch
from exchange.cache import quietly

APP_LABEL = "placements"
# Models of this app that no cached page shows, and why. Every other model of
# the app replaces the stamp when it is written (tests/production/test_page_cache.py
# fails for a model in neither group).
NOT_SHOWN = {
    "placements.AuditEvent": "the audit log is read in the admin only, never cached",
    "placements.DataStamp": "the stamp itself",
    "placements.NominationImport": "an import's record; the rows it writes call changed()",
    "placements.NotificationSetting": "which e-mails go out; no page shows it",
    "placements.UserPreference": "the reader's language, already part of every key",
}
# The stamp's copy in a shared cache, and how long it is trusted: the most a
# cached page can lag behind a write when the cache could not be told of it.
STAMP_KEY = prefetch.DATA_STAMP_KEY
STAMP_TIMEOUT = 10
# Long enough to serve a busy morning from one rendering, short enough that a
# stamp that was somehow not replaced (a process killed between its commit and
# the stamp) costs minutes, not days.
TIMEOUT = 60 * 60


def current(using: str = DEFAULT_DB_ALIAS) -> str:
    """The stamp now ("" before the first write).

    With a shared cache, its copy there, kept for STAMP_TIMEOUT seconds at
    most: read from the database again by whichever request finds it gone,
    and put back only if no write has put a newer one there meanwhile (`add`).
    """
    if not settings.SHARED_CACHE:
        return _read(using)
    token = prefetch.get(STAMP_KEY)
    if token is prefetch.MISSING:
        token = quietly(lambda: cache.get(STAMP_KEY), None)
    if token is None:
        token = _read(using)
        quietly(lambda: cache.add(STAMP_KEY, token, STAMP_TIMEOUT), False)
    return token


def _read(using: str) -> str:
    # Plain SQL: it runs on every cached page, and the ORM's query building
    # would cost twice the round trip itself (docs/performance.md).
    with connections[using].cursor() as cursor:
        cursor.execute("SELECT token FROM placements_datastamp WHERE id = 1")
        row = cursor.fetchone()
    return row[0] if row else ""


def _replace(using: str = DEFAULT_DB_ALIAS) -> None:
    from .models import DataStamp

    token, now = secrets.token_hex(8), timezone.now()
    if not DataStamp.objects.using(using).filter(pk=1).update(token=token, changed_at=now):
        # A database whose row went missing (flushed by a test, say): make it.
        DataStamp.objects.using(using).bulk_create(
            [DataStamp(pk=1, token=token, changed_at=now)], ignore_conflicts=True
        )
    if settings.SHARED_CACHE:
        # If this fails, the cache's copy is at most STAMP_TIMEOUT seconds old.
        quietly(lambda: cache.set(STAMP_KEY, token, STAMP_TIMEOUT), None)
        prefetch.forget(STAMP_KEY)


def changed(using: str = DEFAULT_DB_ALIAS) -> None:
    """Data a cached page may show was written: replace the stamp once this
    transaction commits (at once outside a transaction; never if it rolls back)."""
    connection = transaction.get_connection(using)
    if connection.in_atomic_block:
        # Once per transaction: a 20 000-row import replaces the stamp once,
        # not 20 000 times. (A callback registered in a savepoint that was
        # rolled back is gone from this list, so a later write registers again.)
        for _savepoints, callback, _robust in connection.run_on_commit:
            if getattr(callback, "func", None) is _replace:  # a partial of it
                return
    transaction.on_commit(partial(_replace, using), using=using, robust=True)


def _on_write(sender, using: str = DEFAULT_DB_ALIAS, **kwargs) -> None:
    changed(using)


def watched_models() -> list[type]:
    """The app's models whose writes replace the stamp (history tables aside:
    they are written with the rows they record)."""
    from simple_history.models import HistoricalChanges

    return [
        model
        for model in apps.get_app_config(APP_LABEL).get_models(include_auto_created=True)
        if model._meta.label not in NOT_SHOWN and not issubclass(model, HistoricalChanges)
    ]


def connect() -> None:
    for model in watched_models():
        uid = f"freshness-{model._meta.label_lower}"
        post_save.connect(_on_write, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(_on_write, sender=model, dispatch_uid=f"{uid}-delete")
        if model._meta.auto_created:
            m2m_changed.connect(_on_write, sender=model, dispatch_uid=f"{uid}-m2m")


def local_cache():
    """This process's own cache: the default one unless that is shared."""
    return caches["local"] if settings.SHARED_CACHE else cache


def _digest(parts: Iterable) -> str:
    return hashlib.sha256(repr(tuple(parts)).encode()).hexdigest()[:32]


# What {% csrf_token %} writes into a page that is kept; every reader gets
# their own token in its place (a new one per process, so it cannot be guessed
# into a page's data).
CSRF_PLACEHOLDER = f"csrf-placeholder-{secrets.token_hex(16)}"
CSRF_PLACEHOLDER_BYTES = CSRF_PLACEHOLDER.encode()


def page(
    request: HttpRequest, template_name: str, context: Callable[[], dict | None], *, parts: Iterable
) -> HttpResponse | None:
    """The page `template_name` for `parts` (whose page) at this address, in the
    reader's language on today's date: from the cache while the data has not
    changed since it was rendered, else rendered with `context()` and kept.
    None when `context()` says there is no such page for this reader.

    The stamp is read before anything else, so what `context()` reads is at
    least as new as the key the page is kept under. `parts` must name all the
    page shows of the reader (their user, their role where the navigation
    differs): what the session holds comes in afterwards — the CSRF token is
    put in on every request, and a page with a message waiting for the reader
    is rendered for them alone.
    """
    if len(get_messages(request)):
        data = context()
        return None if data is None else render(request, template_name, data)
    key = ":".join(
        (
            "page",
            template_name,
            translation.get_language() or "",
            timezone.localdate().isoformat(),
            current(),
            _digest((*parts, request.get_full_path())),
        )
    )
    # Kept as the UTF-8 bytes the response sends: a 400 KB report is then
    # copied, not decoded and encoded again, on every request it is served.
    # First this process's copy, then the shared cache's (any process may have
    # rendered it), then rendered here and kept in both.
    body = local_cache().get(key)
    if body is None and settings.SHARED_CACHE:
        body = quietly(lambda: cache.get(key), None)
        if body is not None:
            local_cache().set(key, body, TIMEOUT)
    if body is None:
        data = context()
        if data is None:
            return None
        html = render_to_string(template_name, {**data, "csrf_token": CSRF_PLACEHOLDER}, request)
        body = html.encode()
        local_cache().set(key, body, TIMEOUT)
        if settings.SHARED_CACHE:
            quietly(lambda: cache.set(key, body, TIMEOUT), None)
    return HttpResponse(body.replace(CSRF_PLACEHOLDER_BYTES, get_token(request).encode()))
