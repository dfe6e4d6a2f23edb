"""/my/ — the seconded officer's assignment page."""

import datetime as dt

import pytest
from django.utils import timezone
from django.utils.html import escape

from placements.models import EventKind, PlacementStatus
from tests.factories import (
    DocumentFactory,
    EventFactory,
    OfficerFactory,
    PlacementFactory,
    PlacementReportFactory,
    ShenzhenDepartmentFactory,
    placement_under_way,
)


@pytest.fixture
def placement(officer):
    return officer.participant.placements.get()


def page(client) -> str:
    response = client.get("/my/")
    assert response.status_code == 200
    return response.content.decode()


def test_shows_where_when_and_whom_to_report_to(officer_client, placement):
    host = placement.host_department
    host.name_en = "Futian Administration, Shenzhen Municipal Transport Bureau"
    host.address_en = "88 Fuhua Road, Futian"
    host.save()
    placement.role_en = "Special assistant to the deputy head"
    placement.supervisor_name = "Ms Li"
    placement.supervisor_title = "Deputy Director"
    placement.supervisor_contact = "li@futian.example.cn"
    placement.objectives = "Learn how the district runs its transport strategy."
    placement.save()

    html = page(officer_client)
    assert "Futian Administration, Shenzhen Municipal Transport Bureau" in html
    assert "88 Fuhua Road, Futian" in html
    assert "Futian, Shenzhen" in html
    assert "Special assistant to the deputy head" in html
    assert placement.field.name_en in html
    assert 'href="mailto:li@futian.example.cn"' in html
    assert "Deputy Director" in html
    assert "Learn how the district runs its transport strategy." in html
    assert "Confirmed" in html
    assert escape(placement.cohort.agreement.title_en) in html
    assert f"Day 30 of {placement.duration_days()}" in html
    assert f"{placement.duration_days() - 30} days left" in html


def test_events_are_in_date_order_with_the_next_one_highlighted(officer_client, placement):
    now = timezone.now()
    EventFactory(
        cohort=placement.cohort,
        title_en="Closing ceremony",
        kind=EventKind.CLOSING,
        starts_at=now + dt.timedelta(days=60),
    )
    EventFactory(
        cohort=placement.cohort, title_en="Launch", kind=EventKind.LAUNCH, starts_at=now - dt.timedelta(days=25)
    )
    EventFactory(cohort=placement.cohort, title_en="Mid-term review", starts_at=now + dt.timedelta(days=20))
    EventFactory(title_en="Another cohort's orientation", starts_at=now + dt.timedelta(days=1))

    html = page(officer_client)
    assert html.index("Launch") < html.index("Mid-term review") < html.index("Closing ceremony")
    assert "Another cohort's orientation" not in html
    next_item = html[html.index("event-next") : html.index("</li>", html.index("event-next"))]
    assert "Mid-term review" in next_item and "Next" in next_item
    assert html.count("event-next") == 1


def test_lists_documents_of_the_placement_and_of_its_cohort_only(officer_client, placement, other_officer):
    mine = DocumentFactory(placement=placement, title="Letter of appointment")
    cohort_wide = DocumentFactory(placement=None, cohort=placement.cohort, title="Programme handbook")
    DocumentFactory(placement=other_officer.participant.placements.get(), title="Someone else's letter")

    html = page(officer_client)
    assert f'href="/documents/{mine.pk}/"' in html
    assert f'href="/documents/{cohort_wide.pk}/"' in html
    assert "Someone else&#x27;s letter" not in html


def test_lists_earlier_placements(officer_client, officer):
    earlier = placement_under_way(participant=officer.participant, day=timezone.localdate() - dt.timedelta(days=400))
    earlier.host_department.name_en = "Qianhai Authority"
    earlier.host_department.save()

    html = page(officer_client)
    assert "Earlier placements" in html
    assert "Qianhai Authority" in html


def test_an_upcoming_placement_counts_down(client, db):
    participant = OfficerFactory()
    placement_under_way(participant=participant, days_in=-9)  # starts in 10 days
    client.force_login(participant.user)
    assert "Starts in 10 days." in page(client)


def test_a_proposal_shows_that_the_placement_is_being_arranged(client, db, settings):
    settings.SECRETARIAT_EMAIL = "secretariat@csb.example.gov.hk"
    participant = OfficerFactory()
    proposed = placement_under_way(participant=participant, days_in=-30, status=PlacementStatus.PROPOSED)
    client.force_login(participant.user)

    html = page(client)
    assert "Your placement is being arranged" in html
    assert 'href="mailto:secretariat@csb.example.gov.hk"' in html
    # Nothing of a proposal that may still change is shown.
    assert proposed.host_department.name_en not in html
    assert client.get("/my/calendar.ics").status_code == 200


def test_an_officer_with_no_placement_is_told_whom_to_contact(client, db):
    participant = OfficerFactory()
    PlacementFactory(participant=participant, status=PlacementStatus.WITHDRAWN)
    client.force_login(participant.user)

    html = page(client)
    assert "No placement yet" in html
    assert "mailto:" in html


def test_a_finished_placement_stays_on_the_page_for_its_report(client, db):
    participant = OfficerFactory()
    placement = placement_under_way(participant=participant, days_in=120, status=PlacementStatus.COMPLETED)
    client.force_login(participant.user)

    html = page(client)
    assert placement.host_department.name_en in html
    assert f"Completed: {placement.duration_days()} days." in html
    assert f'href="/my/placements/{placement.pk}/report/"' in html


@pytest.mark.django_db(transaction=True)  # each write commits, as it does in use: the cached page goes stale
def test_report_card_follows_the_report(officer_client, placement):
    assert "Opens on" in page(officer_client)
    PlacementReportFactory(placement=placement)
    html = page(officer_client)
    assert "Submitted on" in html
    assert "Read your report" in html


@pytest.mark.parametrize("persona", ["official", "coordinator"])
def test_staff_and_officials_get_a_helpful_page(client, db, request, persona):
    client.force_login(request.getfixturevalue(persona))
    html = page(client)
    assert "Your account is not an officer" in html
    assert ('href="/admin/"' if persona == "coordinator" else 'href="/reports/"') in html


def test_names_are_in_the_readers_script(client, officer, placement):
    host = placement.host_department
    host.name_zh = "深圳市交通运输局福田管理局"  # as Shenzhen writes it, in Simplified
    host.save()

    client.force_login(officer)
    client.cookies["django_language"] = "zh-hant"
    html = page(client)
    assert '<html lang="zh-hant">' in html
    assert "深圳市交通運輸局福田管理局" in html
    assert "周達榮" in html
    assert "已確認" in html

    client.cookies["django_language"] = "zh-hans"
    html = page(client)
    assert '<html lang="zh-hans">' in html
    assert "深圳市交通运输局福田管理局" in html
    assert "周达荣" in html
    assert "已确认" in html


def test_dates_are_formatted_for_the_reader(client, officer, placement):
    client.force_login(officer)
    client.cookies["django_language"] = "zh-hant"
    start = placement.start_date
    assert f"{start.year}年{start.month}月{start.day}日" in page(client)


def _earlier_placements(participant, count: int) -> None:
    today = timezone.localdate()
    for i in range(1, count + 1):
        placement_under_way(participant=participant, day=today - dt.timedelta(days=200 * i), days_in=120)


def _events(cohort, count: int) -> None:
    now = timezone.now()
    for i in range(count):
        EventFactory(cohort=cohort, starts_at=now + dt.timedelta(days=i - count // 2))


@pytest.mark.parametrize(("earlier", "events"), [(1, 2), (10, 2), (1, 20), (10, 20)])
def test_query_count_does_not_grow_with_placements_or_events(client, db, django_assert_num_queries, earlier, events):
    participant = OfficerFactory()
    current = placement_under_way(participant=participant, host_department=ShenzhenDepartmentFactory())
    _earlier_placements(participant, earlier)
    _events(current.cohort, events)
    for _ in range(3):
        DocumentFactory(placement=current)
    DocumentFactory(placement=None, cohort=current.cohort)
    PlacementReportFactory(placement=participant.placements.order_by("start_date").first())
    client.force_login(participant.user)

    # 1 the session, 2 the user, 3 the data stamp (placements/freshness.py),
    # 4 the officer (user.participant, reused by the navbar),
    # 5 the officer's placements with cohort, agreement, host, field and report,
    # 6 the current cohort's events, 7 the documents of the placement and its cohort.
    with django_assert_num_queries(7):
        response = client.get("/my/")
    assert response.status_code == 200
    assert response.content.decode().count('class="list-group-item"') == earlier
    assert response.content.decode().count('<li class="event') == events

    # Again, nothing changed: the session, the user and the stamp.
    with django_assert_num_queries(3):
        again = client.get("/my/")
    assert again.content.decode().count('<li class="event') == events
