import re

import pytest
from django.contrib.auth.models import Group
from django.core import mail

from placements.models import UserPreference
from tests.factories import UserFactory

PASSWORD = "correct-horse-battery"


def test_login_page_renders_the_form_with_crispy_bootstrap(client, db):
    html = client.get("/accounts/login/").content.decode()
    assert 'class="textinput form-control' in html or 'class="form-control' in html
    assert 'name="username"' in html and 'name="password"' in html
    assert 'href="/accounts/password/reset/"' in html


@pytest.mark.parametrize(
    ("persona", "landing"),
    [("coordinator", "/admin/"), ("official", "/reports/"), ("officer", "/my/")],
)
def test_logging_in_lands_each_role_where_its_work_is(client, db, request, persona, landing):
    user = request.getfixturevalue(persona)
    response = client.post("/accounts/login/", {"username": user.username, "password": PASSWORD}, follow=True)
    assert response.redirect_chain[-1] == (landing, 302)


def test_login_honours_a_safe_next_and_ignores_another_site(client, officer):
    response = client.post("/accounts/login/?next=/my/calendar.ics", {"username": "officer", "password": PASSWORD})
    assert response["Location"] == "/my/calendar.ics"
    client.logout()
    response = client.post(
        "/accounts/login/", {"username": "officer", "password": PASSWORD, "next": "https://evil.example/"}
    )
    assert response["Location"] == "/"


def test_a_wrong_password_is_refused_with_a_message(client, officer):
    response = client.post("/accounts/login/", {"username": "officer", "password": "nope"})
    assert response.status_code == 200
    assert "alert" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_logged_in_user_visiting_login_goes_to_their_work(officer_client):
    assert officer_client.get("/accounts/login/")["Location"] == "/"


def test_logout_is_a_post_and_ends_the_session(officer_client):
    assert officer_client.get("/accounts/logout/").status_code == 405
    response = officer_client.post("/accounts/logout/")
    assert response["Location"] == "/accounts/login/"
    assert officer_client.get("/my/").status_code == 302


def test_password_change(officer_client, officer):
    assert officer_client.get("/accounts/password/change/").status_code == 200
    response = officer_client.post(
        "/accounts/password/change/",
        {"old_password": PASSWORD, "new_password1": "a-new-Long-passphrase", "new_password2": "a-new-Long-passphrase"},
    )
    assert response["Location"] == "/accounts/password/change/done/"
    officer.refresh_from_db()
    assert officer.check_password("a-new-Long-passphrase")


def test_password_reset_by_email(client, officer):
    response = client.post("/accounts/password/reset/", {"email": officer.email})
    assert response["Location"] == "/accounts/password/reset/sent/"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [officer.email]
    assert "Civil Servant Exchange Programme" in message.subject
    assert "officer" in message.body
    link = re.search(r"http://testserver(/accounts/password/reset/\S+/)", message.body).group(1)

    form_page = client.get(link, follow=True)
    assert form_page.context["validlink"]
    set_password_url = form_page.redirect_chain[-1][0]
    response = client.post(
        set_password_url, {"new_password1": "a-new-Long-passphrase", "new_password2": "a-new-Long-passphrase"}
    )
    assert response["Location"] == "/accounts/password/reset/done/"
    officer.refresh_from_db()
    assert officer.check_password("a-new-Long-passphrase")


def test_password_reset_does_not_reveal_whether_an_address_exists(client, db):
    response = client.post("/accounts/password/reset/", {"email": "nobody@example.gov.hk"})
    assert response["Location"] == "/accounts/password/reset/sent/"
    assert mail.outbox == []


def test_password_reset_email_is_in_the_readers_language(client, officer):
    client.cookies["django_language"] = "zh-hant"
    client.post("/accounts/password/reset/", {"email": officer.email})
    assert "公務員交流計劃" in mail.outbox[0].subject


def test_choosing_a_language_when_logged_in_is_kept_on_the_user(officer_client, officer):
    officer_client.post("/i18n/setlang/", {"language": "zh-hans", "next": "/my/"})
    assert UserPreference.objects.get(user=officer).language == "zh-hans"


def test_the_users_language_comes_back_when_they_log_in_elsewhere(client, officer):
    UserPreference.objects.create(user=officer, language="zh-hant")
    response = client.post("/accounts/login/", {"username": "officer", "password": PASSWORD})
    assert response.cookies["django_language"].value == "zh-hant"
    assert '<html lang="zh-hant">' in client.get("/my/").content.decode()


def test_a_language_chosen_before_logging_in_is_remembered_for_the_user(client, officer):
    client.cookies["django_language"] = "zh-hans"
    client.post("/accounts/login/", {"username": "officer", "password": PASSWORD})
    assert UserPreference.objects.get(user=officer).language == "zh-hans"


def test_set_language_refuses_get(client, db):
    assert client.get("/i18n/setlang/").status_code == 405


def test_groups_come_from_migrations_with_their_permissions(db):
    officials = set(Group.objects.get(name="Officials").permissions.values_list("codename", flat=True))
    assert officials == {"view_reports"}
    coordinators = set(Group.objects.get(name="Coordinators").permissions.values_list("codename", flat=True))
    assert {"view_document", "add_document", "change_document", "delete_document"} <= coordinators
    assert "view_placementreport" in coordinators
    assert "change_placementreport" not in coordinators


def test_a_participant_is_a_user_linked_to_one_officer(officer):
    assert officer.participant.name_en == "Chow Tat-wing"
    assert not officer.is_staff
    assert UserFactory().groups.count() == 0
