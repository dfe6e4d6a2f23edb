import re

import pytest

from tests.factories import UserFactory


def test_pages_serve_bootstrap_from_the_app_itself(client, db):
    response = client.get("/accounts/login/")
    assert response.status_code == 200
    html = response.content.decode()
    assets = re.findall(r'(?:href|src)="([^"]+\.(?:css|js))"', html)
    assert "/static/bootstrap/css/bootstrap.min.css" in assets
    assert all(asset.startswith("/static/") for asset in assets), assets
    for asset in assets:
        assert client.get(asset).status_code == 200, asset


def test_pages_have_no_inline_script(client, officer_client):
    # A strict Content-Security-Policy (script-src 'self') must hold.
    for html in (client.get("/accounts/login/").content.decode(), officer_client.get("/my/").content.decode()):
        assert re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", html) == []
        assert " onclick=" not in html and " onchange=" not in html


def test_anonymous_visitors_are_sent_to_log_in(client, db):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/"


@pytest.mark.parametrize(
    ("persona", "landing"),
    [("coordinator", "/admin/"), ("official", "/reports/"), ("officer", "/my/")],
)
def test_each_role_is_sent_to_its_work(client, db, request, persona, landing):
    client.force_login(request.getfixturevalue(persona))
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == landing


def test_an_account_without_a_role_is_told_so(client, db):
    client.force_login(UserFactory())
    response = client.get("/")
    assert response.status_code == 200
    assert "no role in the programme yet" in response.content.decode()


def test_chosen_language_is_remembered_in_a_cookie(client, db):
    response = client.post("/i18n/setlang/", {"language": "zh-hant", "next": "/accounts/login/"})
    assert response.status_code == 302
    assert response.cookies["django_language"].value == "zh-hant"
    page = client.get("/accounts/login/")
    assert '<html lang="zh-hant">' in page.content.decode()
