"""Personas and database selection for the whole suite.

The suite runs twice in CI: on SQLite (the default) and on PostgreSQL
(DATABASE_URL=postgres://...). Tests marked `postgresql` need features only
PostgreSQL has and are deselected — not skipped — on SQLite, and `sqlite`
tests the other way round, so a green run never hides a skipped test.
"""

import pytest
from django.conf import settings
from django.db import connections

from tests import outside_tools
from tests.factories import OfficerFactory, UserFactory, placement_under_way

VENDOR = "postgresql" if "postgresql" in settings.DATABASES["default"]["ENGINE"] else "sqlite"


def pytest_report_header(config):
    return (
        f"database: {VENDOR} ({settings.DATABASES['default']['ENGINE']}, name {settings.DATABASES['default']['NAME']})"
    )


def redis_answers() -> bool:
    import socket

    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5):
            return True
    except OSError:
        return False


def pytest_collection_modifyitems(config, items):
    other = "sqlite" if VENDOR == "postgresql" else "postgresql"
    # The outside checkers missing: fail in CI, deselect (with a hint) elsewhere.
    tools_missing = None if outside_tools.IN_CI else outside_tools.missing()
    # No Redis: fail in CI (the tests error), deselect elsewhere.
    redis_missing = not outside_tools.IN_CI and not redis_answers()
    keep, drop = [], []
    for item in items:
        unusable = (
            item.get_closest_marker(other)
            or (tools_missing and item.get_closest_marker("outside_tools"))
            or (redis_missing and item.get_closest_marker("redis"))
        )
        (drop if unusable else keep).append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep
    if tools_missing and any(item.get_closest_marker("outside_tools") for item in drop):
        config.stash[outside_hint] = outside_tools.HINT.format(reason=tools_missing)


outside_hint = pytest.StashKey[str]()


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if outside_hint in config.stash:
        terminalreporter.write_sep("-", "outside checks")
        terminalreporter.write_line(config.stash[outside_hint], yellow=True)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup):
    """pytest-django's, plus the data migrations made (the groups) kept for every connection object.

    `serialized_rollback` puts that data back after a transactional test
    flushed it, from `_test_serialized_contents` on the connection object that
    created the test database. Playwright's sync API runs the browser tests in
    another context, where Django opens a new connection object without it:
    the groups then vanished after the first browser test. On the class, every
    object of this backend has it (the suite has one database).
    """
    for connection in connections.all():
        contents = getattr(connection, "_test_serialized_contents", None)
        if contents is not None:
            type(connection)._test_serialized_contents = contents
    return django_db_setup


@pytest.fixture
def coordinator(db):
    return UserFactory(username="coord", is_staff=True, groups=["Coordinators"])


@pytest.fixture
def official(db):
    return UserFactory(username="official", groups=["Officials"])


@pytest.fixture
def coordinator_client(client, coordinator):
    client.force_login(coordinator)
    return client


@pytest.fixture(autouse=True)
def _english_unless_a_test_asks(settings):
    # A request in Chinese leaves its language active in the thread; start
    # every test in English so messages compare as written.
    from django.utils import translation

    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with no cached page (placements/freshness.py), as a
    freshly started server does: a test rolled back to the stamp of an earlier
    one would otherwise be served that test's pages."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def shared_cache(settings):
    """The app as deployed with CACHE_URL (exchange/settings.py): a cache shared
    by every process, here an in-memory one (the tests run in one process),
    with cached sessions and the request's prefetch (exchange/prefetch.py).
    tests/production/test_shared_cache.py also runs against a real Redis."""
    from django.core.cache import caches

    settings.SHARED_CACHE = True
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "shared-for-tests"},
        "local": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "local-for-tests"},
    }
    settings.SESSION_ENGINE = "exchange.cached_sessions"
    caches["default"].clear()
    caches["local"].clear()
    return caches["default"]


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # PBKDF2's deliberate slowness buys nothing in tests and costs minutes.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    """Uploaded documents go to a throw-away folder, never the project's media/."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "media"), "base_url": None},
        },
    }


@pytest.fixture
def officer(db):
    """A seconded officer who logs in, one month into a confirmed placement."""
    participant = OfficerFactory(user__username="officer", name_en="Chow Tat-wing", name_zh="周達榮")
    placement_under_way(participant=participant)
    return participant.user


@pytest.fixture
def other_officer(db):
    participant = OfficerFactory(user__username="other.officer")
    placement_under_way(participant=participant)
    return participant.user


@pytest.fixture
def officer_client(client, officer):
    client.force_login(officer)
    return client
