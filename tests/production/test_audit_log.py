"""The audit log: each event as a JSON line on stdout and as a row coordinators read, never edit."""

import json

import pytest
from django.test import Client
from django.urls import reverse

from placements import audit
from placements.models import AuditEvent, AuditKind
from tests.factories import DocumentFactory, UserFactory

PASSWORD = "correct-horse-battery"


def audit_lines(capsys) -> list[dict]:
    return [json.loads(line) for line in capsys.readouterr().out.splitlines() if '"logger": "audit"' in line]


def only(kind: AuditKind) -> AuditEvent:
    return AuditEvent.objects.get(kind=kind)


def test_a_login_is_a_row_and_a_json_line_with_user_utc_time_and_address(db, capsys):
    user = UserFactory(username="chan.taiman")
    capsys.readouterr()
    response = Client().post(
        "/accounts/login/", {"username": "chan.taiman", "password": PASSWORD}, REMOTE_ADDR="203.0.113.7"
    )
    assert response.status_code == 302

    event = only(AuditKind.LOGIN)
    assert (event.user, event.username, event.ip_address, event.path) == (
        user,
        "chan.taiman",
        "203.0.113.7",
        "/accounts/login/",
    )
    [line] = audit_lines(capsys)
    assert line["event"] == "login"
    assert line["user"] == "chan.taiman" and line["user_id"] == user.pk
    assert line["ip"] == "203.0.113.7"
    assert line["time"].endswith("Z")  # UTC, whatever TIME_ZONE says
    assert line["time"][:19] == event.at.strftime("%Y-%m-%dT%H:%M:%S")


def test_a_failed_login_keeps_the_name_typed_and_never_the_password(db, capsys):
    Client().post("/accounts/login/", {"username": "no.such.user", "password": "hunter2-hunter2"})
    event = only(AuditKind.LOGIN_FAILED)
    assert (event.user, event.username) == (None, "no.such.user")
    out = capsys.readouterr().out
    assert "no.such.user" in out
    assert "hunter2" not in out
    assert not AuditEvent.objects.filter(detail__contains="hunter2").exists()


def test_the_admins_own_login_form_is_audited_too(db):
    UserFactory(username="coordinator.lee", is_staff=True)
    Client().post("/admin/login/", {"username": "coordinator.lee", "password": PASSWORD})
    assert only(AuditKind.LOGIN).username == "coordinator.lee"


def test_a_logout_is_audited(officer_client, officer):
    officer_client.post("/accounts/logout/")
    assert only(AuditKind.LOGOUT).user == officer


def test_a_permission_denial_is_audited(officer_client, officer):
    response = officer_client.get("/reports/")
    assert response.status_code == 403
    event = only(AuditKind.PERMISSION_DENIED)
    assert (event.user, event.path, event.method) == (officer, "/reports/", "GET")


def test_a_refused_form_without_its_csrf_token_is_audited(officer):
    client = Client(enforce_csrf_checks=True)
    client.force_login(officer)
    response = client.post("/i18n/setlang/", {"language": "zh-hant"})
    assert response.status_code == 403
    assert "This form has expired" in response.content.decode()
    assert only(AuditKind.PERMISSION_DENIED).detail.startswith("CSRF: ")


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_every_export_of_a_report_is_audited(client, official, officer, fmt):
    cohort = officer.participant.placements.get().cohort
    client.force_login(official)
    url = f"/reports/cohorts/{cohort.pk}/placements.{fmt}?status=in_progress"
    assert client.get(url).status_code == 200
    assert client.get(f"/reports/placements.{fmt}").status_code == 200

    first, second = AuditEvent.objects.filter(kind=AuditKind.EXPORT).order_by("pk")
    assert (first.user, first.path) == (official, url)  # the filters are in the path
    assert first.detail.startswith(f"cohort-{cohort.pk}-placements-") and first.detail.endswith(f".{fmt}")
    assert second.path == f"/reports/placements.{fmt}"


def test_downloads_of_documents_and_the_calendar_are_audited(officer_client, officer):
    document = DocumentFactory(placement=officer.participant.placements.get())
    assert officer_client.get(f"/documents/{document.pk}/").status_code == 200
    assert officer_client.get("/my/calendar.ics").status_code == 200
    details = list(
        AuditEvent.objects.filter(kind=AuditKind.DOWNLOAD, user=officer).order_by("pk").values_list("detail", flat=True)
    )
    assert details == [f"document={document.pk}", f"calendar participant={officer.participant.pk}"]


def test_a_refused_download_is_not_an_export(client, other_officer, officer):
    document = DocumentFactory(placement=officer.participant.placements.get())
    client.force_login(other_officer)
    assert client.get(f"/documents/{document.pk}/").status_code == 404
    assert not AuditEvent.objects.filter(kind=AuditKind.DOWNLOAD).exists()


# -- the client's address ---------------------------------------------------------


def request_from(rf, remote: str, forwarded: str | None = None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return rf.get("/", **extra)


def test_without_proxies_the_address_is_the_peers_and_forwarded_headers_are_ignored(rf, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert audit.client_ip(request_from(rf, "203.0.113.7", forwarded="10.9.9.9")) == "203.0.113.7"


def test_behind_one_proxy_the_address_is_the_one_it_saw(rf, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    # The client wrote 10.9.9.9 itself; nginx appended the address it saw.
    assert audit.client_ip(request_from(rf, "127.0.0.1", forwarded="10.9.9.9, 203.0.113.7")) == "203.0.113.7"
    assert audit.client_ip(request_from(rf, "127.0.0.1")) == "127.0.0.1"  # no header: the proxy's own


def test_behind_two_proxies_the_address_is_the_one_the_outer_proxy_saw(rf, settings):
    settings.TRUSTED_PROXY_COUNT = 2
    request = request_from(rf, "10.0.0.5", forwarded="10.9.9.9, 203.0.113.7, 10.0.0.4")
    assert audit.client_ip(request) == "203.0.113.7"


def test_a_failed_login_behind_a_proxy_locks_the_real_address(db, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    Client().post(
        "/accounts/login/",
        {"username": "x", "password": "y"},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR="203.0.113.7",
    )
    assert only(AuditKind.LOGIN_FAILED).ip_address == "203.0.113.7"


# -- in the admin: read, never written ----------------------------------------------


@pytest.fixture
def event(db):
    return audit.record(None, AuditKind.LOGIN_FAILED, username="someone")


def test_coordinators_read_the_audit_log(coordinator_client, event):
    response = coordinator_client.get(reverse("admin:placements_auditevent_changelist"))
    assert response.status_code == 200
    assert "someone" in response.content.decode()
    response = coordinator_client.get(reverse("admin:placements_auditevent_change", args=[event.pk]))
    assert response.status_code == 200
    assert 'name="username"' not in response.content.decode()  # shown, not editable


def test_nobody_adds_changes_or_deletes_an_audit_event(coordinator_client, event, client):
    assert coordinator_client.get(reverse("admin:placements_auditevent_add")).status_code == 403
    change = reverse("admin:placements_auditevent_change", args=[event.pk])
    coordinator_client.post(change, {"username": "someone-else"})
    assert coordinator_client.get(reverse("admin:placements_auditevent_delete", args=[event.pk])).status_code == 403
    event.refresh_from_db()
    assert event.username == "someone"

    superuser = UserFactory(username="root", is_staff=True, is_superuser=True)
    client.force_login(superuser)
    assert client.get(reverse("admin:placements_auditevent_add")).status_code == 403
    assert client.get(reverse("admin:placements_auditevent_delete", args=[event.pk])).status_code == 403


def test_officials_and_officers_do_not_see_the_audit_log(client, official, officer, event):
    for user in (official, officer):
        client.force_login(user)
        response = client.get(reverse("admin:placements_auditevent_changelist"))
        assert response.status_code == 302  # the admin sends non-staff to its login page
