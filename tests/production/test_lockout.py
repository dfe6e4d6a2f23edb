"""Five failed logins lock one username out from one address for 15 minutes (django-axes)."""

import datetime as dt

import pytest
from axes.models import AccessAttempt
from django.test import Client

from placements.models import AuditEvent, AuditKind
from tests.factories import UserFactory

PASSWORD = "correct-horse-battery"
LOGIN = "/accounts/login/"


@pytest.fixture
def user(db):
    return UserFactory(username="chan.taiman", password=PASSWORD)


def attempt(client: Client, password: str, *, username: str = "chan.taiman", address: str = "203.0.113.7", **extra):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address, **extra)


def fail(times: int, **kwargs) -> None:
    for _ in range(times):
        response = attempt(Client(), "wrong-password-123", **kwargs)
        assert response.status_code in (200, 429)


def move_attempts_back(minutes: int) -> None:
    """As if the failures happened `minutes` earlier."""
    for row in AccessAttempt.objects.all():
        row.attempt_time -= dt.timedelta(minutes=minutes)
        row.save(update_fields=["attempt_time"])


def test_four_failures_do_not_lock_and_a_success_clears_them(user):
    fail(4)
    assert attempt(Client(), PASSWORD).status_code == 302
    fail(4)  # counted afresh: the success reset the count
    assert attempt(Client(), PASSWORD).status_code == 302


def test_the_fifth_failure_locks_the_username_out_with_a_clear_message(user):
    fail(4)
    response = attempt(Client(), "wrong-password-123")
    assert response.status_code == 429
    html = response.content.decode()
    assert "Too many failed logins" in html
    assert "failed to log in 5 times from this address" in html
    assert "paused for 15 minutes" in html

    # Even the right password is refused now, and nothing says whether it was right.
    response = attempt(Client(), PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in Client().session


def test_the_lockout_page_is_in_the_readers_language(user):
    fail(5)
    response = attempt(Client(), PASSWORD, headers={"accept-language": "zh-hant"})
    assert response.status_code == 429
    assert '<html lang="zh-hant">' in response.content.decode()
    assert "登入失敗次數過多" in response.content.decode()


def test_the_lock_is_for_that_username_from_that_address_only(user):
    UserFactory(username="lee.siuming", password=PASSWORD)
    fail(5)
    # The same person from another address, and another person from the same address, still log in.
    assert attempt(Client(), PASSWORD, address="198.51.100.20").status_code == 302
    assert attempt(Client(), PASSWORD, username="lee.siuming").status_code == 302
    assert attempt(Client(), PASSWORD).status_code == 429


def test_the_admin_login_form_is_locked_too(user):
    user.is_staff = True
    user.save()
    fail(5)
    response = Client().post(
        "/admin/login/", {"username": "chan.taiman", "password": PASSWORD}, REMOTE_ADDR="203.0.113.7"
    )
    assert response.status_code == 429


def test_the_lock_lifts_after_15_minutes(user):
    fail(5)
    move_attempts_back(14)
    assert attempt(Client(), PASSWORD).status_code == 429
    move_attempts_back(2)  # 16 minutes after the fifth failure
    assert attempt(Client(), PASSWORD).status_code == 302


def test_trying_again_while_locked_out_does_not_extend_the_lock(user):
    # Never locked for good: an attacker who keeps trying cannot keep the officer out.
    fail(5)
    move_attempts_back(10)
    fail(3)  # refused, and not counted
    move_attempts_back(6)
    assert attempt(Client(), PASSWORD).status_code == 302


def test_failures_and_the_lockout_are_in_the_audit_log(user):
    fail(5)
    kinds = list(AuditEvent.objects.order_by("pk").values_list("kind", "username", "ip_address"))
    assert kinds == [
        *[(AuditKind.LOGIN_FAILED, "chan.taiman", "203.0.113.7")] * 5,
        ("lockout", "chan.taiman", "203.0.113.7"),
    ]
    lockout = AuditEvent.objects.get(kind=AuditKind.LOCKOUT)
    assert lockout.detail == "failures=5 cooloff=15min"
    assert lockout.user is None
