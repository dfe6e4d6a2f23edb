"""400, 403, 404, 500 and 503: our page, in the reader's language, never a stack trace."""

import pytest
from django.db import OperationalError
from django.test import Client

from placements.models import AuditEvent, AuditKind

LANGUAGES = ["en", "zh-hant", "zh-hans"]
LEAKS = ["Traceback", "secret detail", "SECRET_KEY", "RuntimeError", "OperationalError", "5432", "tampered"]


@pytest.fixture
def client(db, settings):
    settings.ROOT_URLCONF = "tests.error_urls"
    settings.DEBUG = False
    return Client(raise_request_exception=False)


def get(client, url, language="en", **extra):
    return client.get(url, headers={"accept-language": language}, **extra)


def refuse(*args, **kwargs):
    """Stands in for a database call while PostgreSQL is away."""
    raise OperationalError("server closed the connection unexpectedly")


# Each page's heading in the three languages.
HEADINGS = {
    "Page not found": {"zh-hant": "找不到頁面", "zh-hans": "找不到页面"},
    "Something went wrong": {"zh-hant": "發生錯誤", "zh-hans": "发生错误"},
    "Bad request": {"zh-hant": "錯誤的請求", "zh-hans": "错误的请求"},
    "Access denied": {"zh-hant": "拒絕存取", "zh-hans": "拒绝访问"},
    "Service temporarily unavailable": {"zh-hant": "服務暫時無法使用", "zh-hans": "服务暂时无法使用"},
}


def assert_error_page(response, status: int, language: str, heading: str) -> str:
    assert response.status_code == status
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert f'<h1 class="h3">{HEADINGS[heading].get(language, heading)}</h1>' in html
    assert str(status) in html
    for leak in LEAKS:
        assert leak not in html
    assert "no-store" in response["Cache-Control"]
    return html


@pytest.mark.parametrize("language", LANGUAGES)
def test_404(client, language):
    assert_error_page(get(client, "/no/such/page/", language), 404, language, "Page not found")


@pytest.mark.parametrize("language", LANGUAGES)
def test_500_shows_no_stack_trace(client, language):
    assert_error_page(get(client, "/test/boom/", language), 500, language, "Something went wrong")


@pytest.mark.parametrize("language", LANGUAGES)
def test_400(client, language):
    assert_error_page(get(client, "/test/suspicious/", language), 400, language, "Bad request")


def test_400_for_a_host_not_allowed(client):
    # DisallowedHost is a SuspiciousOperation: our 400 page, not Django's.
    response = client.get("/accounts/login/", HTTP_HOST="evil.example")
    assert_error_page(response, 400, "en", "Bad request")


@pytest.mark.parametrize("language", LANGUAGES)
def test_403_is_our_page_and_is_audited(client, language):
    html = assert_error_page(get(client, "/test/denied/", language), 403, language, "Access denied")
    assert AuditEvent.objects.filter(kind=AuditKind.PERMISSION_DENIED, path="/test/denied/").exists()
    assert "/accounts/logout/" not in html  # error pages need no session, so show no account menu


@pytest.mark.parametrize("language", LANGUAGES)
def test_database_unavailable_is_503_with_retry_after(client, language):
    response = get(client, "/test/database-down/", language)
    assert_error_page(response, 503, language, "Service temporarily unavailable")
    assert response["Retry-After"] == "10"


def test_the_error_pages_render_without_the_database(client, officer, monkeypatch):
    # The session lookup itself fails (the database is down): still our 503 page.
    client.force_login(officer)

    with monkeypatch.context() as patch:
        patch.setattr("django.contrib.sessions.backends.db.SessionStore.load", refuse)
        response = client.get("/my/")
    assert_error_page(response, 503, "en", "Service temporarily unavailable")


def test_a_session_that_cannot_be_saved_while_the_database_is_away_is_503_not_400(client, officer, monkeypatch):
    """With a shared cache the session is read without the database, and the
    once-a-minute save of its clock is what fails: Django calls that "the
    session was deleted" (400); it is an outage."""
    import time

    from placements.middleware import SEEN

    client.force_login(officer)
    session = client.session
    session[SEEN] = int(time.time()) - 120  # due to be written again
    session.save()

    with monkeypatch.context() as patch:
        patch.setattr("django.contrib.sessions.models.Session.save", refuse)
        response = client.get("/my/")
    assert_error_page(response, 503, "en", "Service temporarily unavailable")
    assert response["Retry-After"] == "10"


def test_healthz_answers_503_when_the_database_does_not(client, monkeypatch):
    with monkeypatch.context() as patch:
        patch.setattr("django.db.backends.base.base.BaseDatabaseWrapper.cursor", refuse)
        response = client.get("/healthz")
    assert (response.status_code, response.content) == (503, b"database unavailable\n")
    assert "no-cache" in response["Cache-Control"]
