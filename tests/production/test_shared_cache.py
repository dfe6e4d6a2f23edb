"""The app with a shared cache (CACHE_URL): a cached page served with one read
of the cache and no database query, accounts changes in force at once, and
the app working on when the cache cannot be reached. The last tests run
against a real Redis (127.0.0.1:6379, as in CI)."""

import os
import uuid

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.cache import caches
from django.test import Client

from exchange import prefetch
from tests.factories import CohortFactory, OfficerFactory, UserFactory, placement_under_way

# Transactional: writes commit as in use, and the stamps are replaced after the commit.
pytestmark = pytest.mark.django_db(transaction=True)

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/14")


class CacheReads:
    """Counts the reads asked of the shared cache (a backend's get_many may
    call its own get for each key: those are not counted again), and the
    prefetches among them."""

    def __init__(self, monkeypatch, cache) -> None:
        self.count = self.prefetches = 0
        self._depth = 0
        for name in ("get", "get_many"):
            monkeypatch.setattr(cache, name, self.counting(getattr(cache, name), name))

    def counting(self, original, name):
        def call(*args, **kwargs):
            if self._depth == 0:
                self.count += 1
                self.prefetches += name == "get_many" and prefetch.session_key() is None
            self._depth += 1
            try:
                return original(*args, **kwargs)
            finally:
                self._depth -= 1

        return call


def official_user():
    # A transactional test before this one may have flushed the groups the migrations made.
    officials, _ = Group.objects.get_or_create(name="Officials")
    officials.permissions.add(Permission.objects.get(content_type__app_label="placements", codename="view_reports"))
    return UserFactory(groups=["Officials"])


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def officer_user(shared_cache):
    return placement_under_way(participant=OfficerFactory(name_en="Chow Tat-wing")).participant.user


def test_a_cached_officers_page_costs_one_cache_read_and_no_query(officer_user, shared_cache, monkeypatch):
    client = logged_in(officer_user)
    first = client.get("/my/")
    assert first.status_code == 200
    client.get("/my/")  # the user is kept now

    reads = CacheReads(monkeypatch, shared_cache)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        again = client.get("/my/")
    assert again.status_code == 200
    assert "Chow Tat-wing" in again.content.decode()
    assert [q["sql"] for q in queries.captured_queries] == []
    assert reads.count == 1  # the prefetch: session, user, both stamps


def test_a_cached_report_costs_one_cache_read_and_no_query(shared_cache, monkeypatch, django_assert_num_queries):
    cohort = CohortFactory()
    client = logged_in(official_user())
    url = f"/reports/cohorts/{cohort.pk}/"
    assert client.get(url).status_code == 200
    client.get(url)

    reads = CacheReads(monkeypatch, shared_cache)
    with django_assert_num_queries(0):
        assert client.get(url).status_code == 200
    assert reads.count == 1


def test_a_deactivated_account_is_logged_out_at_once(officer_user):
    client = logged_in(officer_user)
    assert client.get("/my/").status_code == 200
    assert client.get("/my/").status_code == 200  # from the kept user

    officer_user.is_active = False
    officer_user.save()

    response = client.get("/my/")
    assert (response.status_code, response["Location"]) == (302, "/accounts/login/?next=/my/")


def test_an_official_taken_out_of_the_group_loses_the_reports_at_once(shared_cache):
    cohort = CohortFactory()
    official = official_user()
    client = logged_in(official)
    url = f"/reports/cohorts/{cohort.pk}/"
    assert client.get(url).status_code == 200
    assert client.get(url).status_code == 200

    Group.objects.get(name="Officials").user_set.remove(official)

    assert client.get(url).status_code == 403


def test_a_group_losing_the_permission_loses_the_reports_at_once(shared_cache):
    cohort = CohortFactory()
    client = logged_in(official_user())
    url = f"/reports/cohorts/{cohort.pk}/"
    assert client.get(url).status_code == 200

    Group.objects.get(name="Officials").permissions.clear()

    assert client.get(url).status_code == 403


def test_a_changed_password_ends_the_other_sessions(officer_user):
    client = logged_in(officer_user)
    assert client.get("/my/").status_code == 200
    officer_user.set_password("a-new-and-long-passphrase")
    officer_user.save()
    assert client.get("/my/").status_code == 302


def test_logging_out_ends_the_session_in_the_cache_too(officer_user):
    client = logged_in(officer_user)
    assert client.get("/my/").status_code == 200
    cookie = client.cookies["sessionid"].value
    client.post("/accounts/logout/")

    thief = Client()
    thief.cookies["sessionid"] = cookie
    assert thief.get("/my/").status_code == 302


def test_a_kept_user_is_never_given_to_another_session(shared_cache):
    first = placement_under_way(participant=OfficerFactory(name_en="Chow Tat-wing")).participant.user
    second = placement_under_way(participant=OfficerFactory(name_en="Lee Ka-yan")).participant.user
    one, two = logged_in(first), logged_in(second)
    for _ in range(2):
        assert "Chow Tat-wing" in one.get("/my/").content.decode()
        page = two.get("/my/").content.decode()
        assert "Lee Ka-yan" in page and "Chow Tat-wing" not in page


def test_a_renamed_host_shows_on_the_officers_page_at_once(officer_user):
    client = logged_in(officer_user)
    host = officer_user.participant.placements.get().host_department
    assert host.name_en in client.get("/my/").content.decode()

    host.name_en = "Futian District People's Government"
    host.save()

    assert "Futian District People&#x27;s Government" in client.get("/my/").content.decode()


@pytest.mark.parametrize("cookie", ["x", "../../etc", "a" * 300, "ABCDEFGH12345678", ""])
def test_a_made_up_session_cookie_is_not_prefetched(shared_cache, monkeypatch, cookie):
    reads = CacheReads(monkeypatch, shared_cache)
    client = Client()
    client.cookies["sessionid"] = cookie
    response = client.get("/my/")
    assert (response.status_code, response["Location"]) == (302, "/accounts/login/?next=/my/")
    assert reads.prefetches == 0  # (Django's session store may still look the key up)


@pytest.fixture
def unreachable_cache(settings):
    """CACHE_URL names a Redis that does not answer (nothing listens on port 1)."""
    settings.SHARED_CACHE = True
    settings.SESSION_ENGINE = "exchange.cached_sessions"
    settings.CACHES = {
        "default": {
            "BACKEND": "exchange.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_timeout": 0.2, "socket_connect_timeout": 0.2},
        },
        "local": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "local-unreachable"},
    }
    caches["local"].clear()


def test_the_app_works_on_from_the_database_when_the_cache_cannot_be_reached(unreachable_cache, caplog):
    officer = placement_under_way(participant=OfficerFactory(name_en="Chow Tat-wing")).participant.user
    official = official_user()
    client = logged_in(officer)  # the session is saved to the database; the cache's copy fails (logged)
    for _ in range(2):
        response = client.get("/my/")
        assert response.status_code == 200
        assert "Chow Tat-wing" in response.content.decode()
    reports = logged_in(official)
    assert reports.get(f"/reports/cohorts/{officer.participant.placements.get().cohort_id}/").status_code == 200
    assert "cache unreachable" in caplog.text

    # Logging out cannot be done halfway: the session would live on in the cache.
    client.raise_request_exception = False  # as in use: the error becomes the page
    response = client.post("/accounts/logout/")
    assert response.status_code == 503
    assert "Service temporarily unavailable" in response.content.decode()


@pytest.fixture
def redis(settings):
    """The real Redis of the machine (CI has one at 127.0.0.1:6379), in a
    namespace of this test's own."""
    settings.SHARED_CACHE = True
    settings.SESSION_ENGINE = "exchange.cached_sessions"
    settings.CACHES = {
        "default": {
            "BACKEND": "exchange.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": f"test-{uuid.uuid4().hex}",
            "OPTIONS": {"socket_timeout": 2, "socket_connect_timeout": 2},
        },
        "local": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "local-redis"},
    }
    caches["local"].clear()
    yield caches["default"]
    caches["default"].clear()  # its own prefix: a FLUSHDB of database 14


@pytest.mark.redis
def test_with_redis_a_cached_page_costs_no_query_and_changes_show_at_once(redis, django_assert_num_queries):
    officer = placement_under_way(participant=OfficerFactory(name_en="Chow Tat-wing")).participant.user
    client = logged_in(officer)
    assert "Chow Tat-wing" in client.get("/my/").content.decode()
    client.get("/my/")
    with django_assert_num_queries(0):
        assert "Chow Tat-wing" in client.get("/my/").content.decode()

    officer.participant.name_en = "Chow Tat-wing, Kenneth"
    officer.participant.save()
    assert "Chow Tat-wing, Kenneth" in client.get("/my/").content.decode()

    officer.is_active = False
    officer.save()
    assert client.get("/my/").status_code == 302
