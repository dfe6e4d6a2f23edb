"""/my/calendar.ics — the assignment as a file calendar programs import."""

import datetime as dt

import icalendar
import pytest
from django.utils import timezone

from placements.models import EventKind
from tests.factories import EventFactory


@pytest.fixture
def placement(officer):
    placement = officer.participant.placements.get()
    placement.host_department.address_en = "88 Fuhua Road, Futian, Shenzhen"
    placement.host_department.save()
    placement.supervisor_name = "Ms Li"
    placement.save()
    return placement


def fetch(client) -> icalendar.Calendar:
    response = client.get("/my/calendar.ics")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="placement.ics"'
    return icalendar.Calendar.from_ical(response.content)


def test_holds_the_placement_as_an_all_day_span(officer_client, placement):
    calendar = fetch(officer_client)
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    (entry,) = [e for e in calendar.walk("VEVENT") if str(e["UID"]).startswith("placement-")]
    assert entry.decoded("DTSTART") == placement.start_date
    # DTEND of an all-day event is exclusive: the day after the last one.
    assert entry.decoded("DTEND") == placement.end_date + dt.timedelta(days=1)
    assert placement.host_department.name_en in str(entry["SUMMARY"])
    assert str(entry["LOCATION"]) == "88 Fuhua Road, Futian, Shenzhen"
    assert "Ms Li" in str(entry["DESCRIPTION"])
    assert entry["TRANSP"] == "TRANSPARENT"


def test_holds_every_event_of_the_cohort_with_its_times(officer_client, placement):
    start = timezone.now().replace(microsecond=0) + dt.timedelta(days=3)
    events = [
        EventFactory(cohort=placement.cohort, kind=EventKind.LAUNCH, title_en="Launch ceremony", venue_en="Qianhai"),
        EventFactory(cohort=placement.cohort, starts_at=start, ends_at=start + dt.timedelta(hours=2)),
        EventFactory(cohort=placement.cohort, kind=EventKind.CLOSING, starts_at=start + dt.timedelta(days=50)),
    ]
    EventFactory(title_en="Another cohort's event")

    entries = {str(e["UID"]): e for e in fetch(officer_client).walk("VEVENT")}
    assert len(entries) == 1 + len(events)
    for event in events:
        entry = entries[f"event-{event.pk}@testserver"]
        assert str(entry["SUMMARY"]) == event.title_en
        assert entry.decoded("DTSTART") == event.starts_at
        assert entry.get("DTSTAMP") is not None
    assert entries[f"event-{events[1].pk}@testserver"].decoded("DTEND") == start + dt.timedelta(hours=2)
    assert str(entries[f"event-{events[0].pk}@testserver"]["LOCATION"]) == "Qianhai"


def test_is_in_the_readers_language(client, officer, placement):
    EventFactory(cohort=placement.cohort, title_en="Orientation", title_zh="簡介會")
    client.force_login(officer)
    client.cookies["django_language"] = "zh-hans"
    summaries = {str(e["SUMMARY"]) for e in fetch(client).walk("VEVENT")}
    assert "简介会" in summaries
    assert any(placement.host_department.name_zh in s for s in summaries)


def test_uids_are_stable_so_a_second_import_updates(officer_client, placement):
    EventFactory(cohort=placement.cohort)
    first = sorted(str(e["UID"]) for e in fetch(officer_client).walk("VEVENT"))
    second = sorted(str(e["UID"]) for e in fetch(officer_client).walk("VEVENT"))
    assert first == second


def test_lines_are_folded_for_calendar_programs(officer_client, placement):
    placement.role_en = "Special assistant to the deputy head of Futian District Government " * 3
    placement.save()
    body = officer_client.get("/my/calendar.ics").content
    assert all(len(line) <= 75 for line in body.split(b"\r\n"))
