"""Sessions end after 30 minutes without a request, and 12 hours after logging in."""

import time

import pytest
from django.conf import settings
from django.test import Client

from placements.middleware import SEEN, SEEN_EVERY, STARTED
from placements.models import AuditEvent, AuditKind

MINUTE = 60
HOUR = 60 * MINUTE


def set_clocks(client: Client, *, started_ago: int, seen_ago: int) -> None:
    session = client.session
    now = int(time.time())
    session[STARTED], session[SEEN] = now - started_ago, now - seen_ago
    session.save()


def test_the_limits_are_30_minutes_idle_and_12_hours_in_all():
    assert settings.SESSION_IDLE_TIMEOUT == 30 * MINUTE
    assert settings.SESSION_MAX_AGE == 12 * HOUR
    # The session row and cookie expire on their own at the idle limit too.
    assert settings.SESSION_COOKIE_AGE == 30 * MINUTE
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE is False


def test_logging_in_starts_both_clocks(client, officer):
    before = int(time.time())
    client.force_login(officer)
    assert before <= client.session[STARTED] == client.session[SEEN] <= int(time.time())


def test_a_session_idle_for_29_minutes_goes_on(officer_client):
    set_clocks(officer_client, started_ago=2 * HOUR, seen_ago=29 * MINUTE)
    assert officer_client.get("/my/").status_code == 200


def test_a_session_idle_for_31_minutes_has_ended(officer_client):
    set_clocks(officer_client, started_ago=2 * HOUR, seen_ago=31 * MINUTE)
    response = officer_client.get("/my/")
    assert (response.status_code, response["Location"]) == (302, "/accounts/login/?next=/my/")

    login = officer_client.get(response["Location"])
    assert "You were logged out after 30 minutes without activity." in login.content.decode()
    assert "_auth_user_id" not in officer_client.session


def test_a_session_in_use_ends_12_hours_after_logging_in(officer_client):
    set_clocks(officer_client, started_ago=12 * HOUR - MINUTE, seen_ago=MINUTE)
    assert officer_client.get("/my/").status_code == 200

    set_clocks(officer_client, started_ago=12 * HOUR + MINUTE, seen_ago=MINUTE)
    response = officer_client.get("/my/")
    assert response.status_code == 302
    login = officer_client.get(response["Location"])
    assert "You were logged out 12 hours after logging in." in login.content.decode()


def test_a_request_moves_the_idle_clock_on_at_most_once_a_minute(officer_client):
    set_clocks(officer_client, started_ago=HOUR, seen_ago=SEEN_EVERY - 5)
    seen = officer_client.session[SEEN]
    officer_client.get("/my/")
    assert officer_client.session[SEEN] == seen  # no session write for this one

    set_clocks(officer_client, started_ago=HOUR, seen_ago=20 * MINUTE)
    officer_client.get("/my/")
    assert officer_client.session[SEEN] >= int(time.time()) - 1


def test_an_ended_session_is_in_the_audit_log(officer_client, officer):
    set_clocks(officer_client, started_ago=HOUR, seen_ago=45 * MINUTE)
    officer_client.get("/my/")
    event = AuditEvent.objects.get(kind=AuditKind.LOGOUT)
    assert (event.user, event.detail) == (officer, "session ended: idle")


@pytest.mark.parametrize("url", ["/reports/", "/admin/"])
def test_an_ended_session_ends_everywhere(client, coordinator, url):
    client.force_login(coordinator)
    set_clocks(client, started_ago=HOUR, seen_ago=31 * MINUTE)
    response = client.get(url)
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_a_session_from_before_the_timeouts_is_given_clocks(officer_client):
    session = officer_client.session
    del session[STARTED], session[SEEN]
    session.save()
    assert officer_client.get("/my/").status_code == 200
    assert STARTED in officer_client.session


def test_the_message_is_in_the_readers_language(officer_client):
    set_clocks(officer_client, started_ago=2 * HOUR, seen_ago=31 * MINUTE)
    response = officer_client.get("/my/", headers={"accept-language": "zh-hant"}, follow=True)
    assert "由於 30 分鐘沒有活動，你已被登出。" in response.content.decode()
