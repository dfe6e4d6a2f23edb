"""The session, the user and the permissions, read in plain SQL on every
request (exchange/sessions.py, exchange/auth.py): the same answers as
Django's own ORM reads, and the same behaviour for the people using them."""

import datetime as dt

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend as DjangoModelBackend
from django.contrib.auth.models import Group, Permission
from django.contrib.sessions.models import Session
from django.utils import timezone

from exchange.auth import ModelBackend
from tests.factories import CohortFactory, UserFactory

pytestmark = pytest.mark.django_db

User = get_user_model()


def fresh(user):
    """The user as a new request sees them: no permissions cached on the object."""
    return User.objects.get(pk=user.pk)


def user_with(kind: str):
    if kind == "no role":
        return UserFactory()
    if kind == "official":
        return UserFactory(groups=["Officials"])
    if kind == "coordinator":
        return UserFactory(is_staff=True, groups=["Coordinators"])
    if kind == "own permission and a group":
        user = UserFactory(groups=["Officials"])
        user.user_permissions.add(Permission.objects.get(codename="view_auditevent"))
        return user
    if kind == "inactive official":
        return UserFactory(groups=["Officials"], is_active=False)
    if kind == "superuser":
        return UserFactory(is_superuser=True)
    raise AssertionError(kind)


@pytest.mark.parametrize(
    "kind",
    ["no role", "official", "coordinator", "own permission and a group", "inactive official", "superuser"],
)
def test_permissions_are_the_same_as_djangos(kind):
    user = user_with(kind)
    ours, djangos = ModelBackend(), DjangoModelBackend()
    expected = djangos.get_all_permissions(fresh(user))
    assert ours.get_all_permissions(fresh(user)) == expected
    for perm in ("placements.view_reports", "placements.change_placement", "placements.view_auditevent"):
        assert ours.has_perm(fresh(user), perm) == djangos.has_perm(fresh(user), perm)
    assert kind in ("no role", "inactive official") or expected  # the cases are not all empty


def test_permissions_are_read_once_per_request():
    user = fresh(UserFactory(groups=["Officials"]))
    backend = ModelBackend()
    assert backend.has_perm(user, "placements.view_reports")
    Group.objects.get(name="Officials").user_set.remove(user)
    # The same request (the same user object) keeps its answer, as Django's does.
    assert backend.has_perm(user, "placements.view_reports")
    assert not backend.has_perm(fresh(user), "placements.view_reports")


def test_get_user_reads_every_field():
    user = UserFactory(first_name="Ka-yan", last_name="Chan", email="kychan@example.gov.hk", is_staff=True)
    user.last_login = timezone.now()
    user.save()
    loaded = ModelBackend().get_user(user.pk)
    expected = DjangoModelBackend().get_user(user.pk)
    fields = [field.attname for field in User._meta.concrete_fields]
    assert [getattr(loaded, name) for name in fields] == [getattr(expected, name) for name in fields]
    assert loaded._state.adding is False and loaded._state.db == "default"


@pytest.mark.parametrize("user_id", ["999999", "not-a-number", ""])
def test_get_user_answers_none_for_no_such_user(user_id):
    assert ModelBackend().get_user(user_id) is None


def test_get_user_refuses_an_inactive_user():
    assert ModelBackend().get_user(UserFactory(is_active=False).pk) is None


def test_an_official_taken_out_of_the_group_loses_the_reports_at_once(client, official):
    cohort = CohortFactory()
    client.force_login(official)
    assert client.get(f"/reports/cohorts/{cohort.pk}/").status_code == 200
    Group.objects.get(name="Officials").user_set.remove(official)
    assert client.get(f"/reports/cohorts/{cohort.pk}/").status_code == 403


def test_a_deactivated_account_is_logged_out_on_its_next_request(officer_client, officer):
    assert officer_client.get("/my/").status_code == 200
    User.objects.filter(pk=officer.pk).update(is_active=False)
    response = officer_client.get("/my/")
    assert (response.status_code, response["Location"]) == (302, "/accounts/login/?next=/my/")


def test_a_changed_password_ends_the_other_sessions(officer_client, officer):
    assert officer_client.get("/my/").status_code == 200
    officer.set_password("a-new-and-long-passphrase")
    officer.save()
    assert officer_client.get("/my/").status_code == 302


def test_an_expired_session_row_is_not_read(officer_client):
    Session.objects.update(expire_date=timezone.now() - dt.timedelta(seconds=1))
    response = officer_client.get("/my/")
    assert (response.status_code, response["Location"]) == (302, "/accounts/login/?next=/my/")


@pytest.mark.parametrize("value", ["x", "no-such-session-key-0123456789abcdef", "a" * 100])
def test_a_made_up_session_cookie_is_an_anonymous_visitor(client, value):
    client.cookies[settings.SESSION_COOKIE_NAME] = value
    response = client.get("/my/")
    assert (response.status_code, response["Location"]) == (302, "/accounts/login/?next=/my/")


def test_the_session_store_reads_what_it_wrote(officer_client):
    session = officer_client.session
    session["note"] = "周達榮 — 福田"
    session.save()
    assert officer_client.session["note"] == "周達榮 — 福田"
    assert settings.SESSION_ENGINE == "exchange.sessions"
