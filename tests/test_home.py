import re

from tests.factories import UserFactory


def test_home_page_serves_bootstrap_from_the_app_itself(client, db):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assets = re.findall(r'(?:href|src)="([^"]+\.(?:css|js))"', html)
    assert "/static/bootstrap/css/bootstrap.min.css" in assets
    assert all(asset.startswith("/static/") for asset in assets), assets
    for asset in assets:
        assert client.get(asset).status_code == 200, asset


def test_coordinator_is_sent_to_the_admin(client, db):
    client.force_login(UserFactory(is_staff=True, groups=["Coordinators"]))
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


def test_chosen_language_is_remembered_in_a_cookie(client, db):
    response = client.post("/i18n/setlang/", {"language": "zh-hant", "next": "/"})
    assert response.status_code == 302
    assert response.cookies["django_language"].value == "zh-hant"
    page = client.get("/")
    assert '<html lang="zh-hant">' in page.content.decode()
