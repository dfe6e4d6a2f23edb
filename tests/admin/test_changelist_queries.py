"""Admin pages cost the same number of queries whatever the number of rows.

Each test counts the queries of a page, adds rows, and counts again: a column,
filter or inline that fetches something per row shows up as a difference.
"""

import datetime as dt
from collections.abc import Callable

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import (
    AgreementFactory,
    CohortFactory,
    EventFactory,
    FieldFactory,
    HostOfferFactory,
    ParticipantFactory,
    PlacementFactory,
    ShenzhenDepartmentFactory,
)

AddRows = Callable[[int], object]


def page_queries(client, url: str) -> list[str]:
    # Change forms look up their content type once per process and cache it;
    # start every count from the same cold cache.
    ContentType.objects.clear_cache()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return [query["sql"] for query in captured.captured_queries]


# Each builder makes what the rows share and returns a function that adds n
# rows. Every foreign key a list shows is filled in, so a missing join would
# cost a query per row.


def agreements() -> AddRows:
    return AgreementFactory.create_batch


def cohorts() -> AddRows:
    host = ShenzhenDepartmentFactory()

    def add(n: int) -> None:
        for cohort in CohortFactory.create_batch(n):  # each under its own agreement
            HostOfferFactory(cohort=cohort, department=host, places=3)
            PlacementFactory(cohort=cohort, host_department=host)

    return add


def departments() -> AddRows:
    parent = ShenzhenDepartmentFactory(name_en="Futian District Government")
    return lambda n: ShenzhenDepartmentFactory.create_batch(n, parent=parent)


def fields() -> AddRows:
    return FieldFactory.create_batch


def participants() -> AddRows:
    return ParticipantFactory.create_batch  # each from their own home department


def placements() -> AddRows:
    # One host with room for everyone; each placement has its own officer and field.
    offer = HostOfferFactory(places=200)
    return lambda n: PlacementFactory.create_batch(n, cohort=offer.cohort, host_department=offer.department)


def events() -> AddRows:
    return EventFactory.create_batch  # each in its own cohort


def host_offers() -> AddRows:
    cohort = CohortFactory()
    return lambda n: HostOfferFactory.create_batch(n, cohort=cohort)  # each its own department


@pytest.mark.parametrize(
    ("model", "builder"),
    [
        ("agreement", agreements),
        ("cohort", cohorts),
        ("department", departments),
        ("field", fields),
        ("participant", participants),
        # The placement list, for a coordinator: session, user, permissions
        # (one query: exchange/auth.py); the choices of the cohort filter and
        # the years of the start-year filter (first and last cohort years);
        # the field, host district and host department filters; the count
        # (the total is not shown); the page of rows with officer, cohort,
        # host and field joined in. Eleven, with 5 rows or 100.
        ("placement", placements),
        ("event", events),
        ("hostoffer", host_offers),
    ],
)
def test_changelist_costs_the_same_queries_for_5_or_100_rows(coordinator_client, model, builder):
    url = reverse(f"admin:placements_{model}_changelist")
    add_rows = builder()
    add_rows(5)
    with_5 = page_queries(coordinator_client, url)
    add_rows(95)
    with_100 = page_queries(coordinator_client, url)

    assert len(with_100) == len(with_5), "\n".join(with_100)


def test_placement_changelist_query_count_is_pinned(coordinator_client, django_assert_num_queries):
    placements()(5)
    with django_assert_num_queries(11):  # listed in the test above
        coordinator_client.get(reverse("admin:placements_placement_changelist"))


def test_cohort_page_costs_the_same_queries_for_2_or_20_placements(coordinator_client, db):
    offer = HostOfferFactory(places=200)
    EventFactory(cohort=offer.cohort)
    url = reverse("admin:placements_cohort_change", args=[offer.cohort.pk])

    PlacementFactory.create_batch(2, cohort=offer.cohort, host_department=offer.department)
    with_2 = page_queries(coordinator_client, url)
    PlacementFactory.create_batch(18, cohort=offer.cohort, host_department=offer.department)
    with_20 = page_queries(coordinator_client, url)

    assert len(with_20) == len(with_2), "\n".join(with_20)


def test_participant_page_costs_the_same_queries_for_2_or_6_placements(coordinator_client, db):
    participant = ParticipantFactory()
    agreement = AgreementFactory()
    url = reverse("admin:placements_participant_change", args=[participant.pk])

    def place(years: range) -> None:
        # One cohort a year, so the officer's placements never overlap.
        for year in years:
            cohort = CohortFactory(
                agreement=agreement, start_date=dt.date(year, 12, 1), end_date=dt.date(year + 1, 3, 31)
            )
            PlacementFactory(
                participant=participant,
                cohort=cohort,
                start_date=dt.date(year, 12, 15),
                end_date=dt.date(year + 1, 3, 14),
            )

    place(range(2024, 2026))
    with_2 = page_queries(coordinator_client, url)
    place(range(2026, 2030))
    with_6 = page_queries(coordinator_client, url)

    assert len(with_6) == len(with_2), "\n".join(with_6)
