import datetime as dt
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.test import Client

from placements import demo
from placements.models import (
    Agreement,
    Cohort,
    Department,
    Event,
    EventKind,
    Field,
    HostOffer,
    Jurisdiction,
    LengthUnit,
    Participant,
    Placement,
    PlacementStatus,
)

User = get_user_model()
OFFICER_USERNAMES = [o["username"] for o in demo.OFFICERS if o["username"]]
DEMO_USERNAMES = ["coordinator", "official", *OFFICER_USERNAMES]


def load_demo() -> str:
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def snapshot() -> dict[str, list[dict]]:
    """Every row load_demo writes, as plain values."""
    models = [
        Field,
        Department,
        Agreement,
        Agreement.fields.through,
        Cohort,
        HostOffer,
        Event,
        Participant,
        Placement,
        User,
        User.groups.through,
    ]
    return {m._meta.label: list(m.objects.order_by("pk").values()) for m in models}


def test_demo_accounts_do_not_exist_until_load_demo_runs(db):
    assert not User.objects.filter(username__in=DEMO_USERNAMES).exists()


def test_load_demo_loads_the_first_shenzhen_hong_kong_cohort(db):
    load_demo()

    cohort = Cohort.objects.get(name_en=demo.SZ_HK_1)
    assert cohort.name_zh == "深港公務員交流合作項目第一批"
    assert (cohort.home_jurisdiction, cohort.host_jurisdiction) == (Jurisdiction.HKSAR, Jurisdiction.SHENZHEN)
    assert cohort.start_date == dt.date(2023, 12, 11)
    placements = cohort.placements.select_related("participant", "host_department")
    assert placements.count() == 10
    assert {p.host_department.district for p in placements} == {"Futian", "Qianhai"}
    assert {p.status for p in placements} == {PlacementStatus.CONFIRMED, PlacementStatus.IN_PROGRESS}
    assert {p.participant.seniority for p in placements} == {"middle", "senior"}
    assert {p.participant.stream for p in placements} == {
        "ao",
        "eo",
        "engineer",
        "town_planner",
        "epo",
        "systems_manager",
    }

    launch = cohort.events.get(kind=EventKind.LAUNCH)
    local_start = launch.starts_at.astimezone(ZoneInfo("Asia/Hong_Kong"))
    assert local_start.date() == dt.date(2023, 12, 18) and local_start.hour >= 12  # in the afternoon
    assert "Qianhai" in launch.venue_en and "前海" in launch.venue_zh
    assert set(cohort.events.values_list("kind", flat=True)) == {
        EventKind.ORIENTATION,
        EventKind.LAUNCH,
        EventKind.MID_TERM_REVIEW,
        EventKind.CLOSING,
    }

    agreement = cohort.agreement
    assert (agreement.standard_length, agreement.standard_length_unit) == (3, LengthUnit.MONTHS)
    assert agreement.signed_on.replace(day=1) == dt.date(2023, 9, 1)
    assert agreement.fields.count() == 5
    assert set(placements.values_list("field__name_en", flat=True)) == set(
        agreement.fields.values_list("name_en", flat=True)
    )


def test_the_older_four_week_programme_has_a_completed_cohort(db):
    load_demo()

    agreement = Agreement.objects.get(short_title=demo.CSEP_2002)
    assert (agreement.standard_length, agreement.standard_length_unit) == (4, LengthUnit.WEEKS)
    placements = Placement.objects.filter(cohort__agreement=agreement)
    assert placements.count() == 3
    assert set(placements.values_list("status", flat=True)) == {PlacementStatus.COMPLETED}
    assert all(p.duration_days() <= 28 for p in placements)


def test_every_demo_record_passes_validation(db):
    load_demo()

    for model in (Field, Department, Agreement, Cohort, HostOffer, Event, Participant, Placement):
        for record in model.objects.all():
            record.full_clean()


def test_demo_officers_have_fictional_names(db):
    load_demo()

    names = " ".join(Participant.objects.values_list("name_en", flat=True)).lower()
    # The officers named in the news article are real people.
    assert "dai" not in names and "zhou" not in names


def test_running_load_demo_twice_changes_nothing(db):
    load_demo()
    first = snapshot()

    output = load_demo()

    assert snapshot() == first
    assert "0 records created, 0 updated" in output


def logs_in(username: str, password: str) -> bool:
    """Through the login form, as a person would (django-axes needs the request)."""
    response = Client().post("/accounts/login/", {"username": username, "password": password})
    return response.status_code == 302


def test_demo_users_log_in_with_the_demo_password_and_have_their_roles(db):
    load_demo()

    for username in DEMO_USERNAMES:
        assert logs_in(username, "demo"), username
    coordinator = User.objects.get(username="coordinator")
    assert coordinator.is_staff and not coordinator.is_superuser
    assert list(coordinator.groups.values_list("name", flat=True)) == ["Coordinators"]
    official = User.objects.get(username="official")
    assert not official.is_staff
    assert list(official.groups.values_list("name", flat=True)) == ["Officials"]
    assert official.has_perm("placements.view_reports")
    for username in OFFICER_USERNAMES:
        officer = User.objects.get(username=username)
        assert not officer.is_staff and not officer.groups.exists()
        assert officer.participant.placements.get().cohort.name_en == demo.SZ_HK_1


def test_demo_password_comes_from_the_environment(db, monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", "another-demo-password")
    output = load_demo()

    assert logs_in("chan.taiman", "another-demo-password")
    assert not logs_in("chan.taiman", "demo")
    assert "another-demo-password" in output


def test_load_demo_prints_each_account_and_where_it_goes(db):
    output = load_demo()

    for username in DEMO_USERNAMES:
        assert username in output
    assert "/admin/" in output and "/reports/" in output and "/my/" in output


def test_load_demo_refuses_the_default_password_in_production(db, settings, monkeypatch):
    settings.PRODUCTION = True
    monkeypatch.delenv("DEMO_PASSWORD", raising=False)

    with pytest.raises(CommandError, match="DEMO_PASSWORD"):
        load_demo()
    assert not User.objects.filter(username__in=DEMO_USERNAMES).exists()


def test_load_demo_saves_nothing_when_a_record_breaks_a_rule(db, monkeypatch):
    too_long = {**demo.PLACEMENTS[-1], "end_date": dt.date(2012, 12, 31)}
    monkeypatch.setattr(demo, "PLACEMENTS", [*demo.PLACEMENTS[:-1], too_long])

    with pytest.raises(ValidationError):
        load_demo()
    assert not Placement.objects.exists()
    assert not Department.objects.exists()
    assert not User.objects.filter(username__in=DEMO_USERNAMES).exists()
