"""What the database refuses by itself, when model validation is bypassed.

bulk_create, queryset updates, raw SQL and a second session racing the first
never call full_clean(); these constraints are the last line. SQLite names a
failed CHECK constraint but, for a unique one, only its columns; PostgreSQL
names both.
"""

import datetime as dt
import re
from contextlib import contextmanager

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction

from placements.models import Agreement, Cohort, Department, EventKind, HostOffer, Placement, PlacementStatus
from tests.factories import (
    AgreementFactory,
    CohortFactory,
    EventFactory,
    HongKongDepartmentFactory,
    ParticipantFactory,
    PlacementFactory,
)


@contextmanager
def refused_by(constraint: str, *, sqlite_columns: str = ""):
    """Expect an IntegrityError naming `constraint` (on SQLite, a unique constraint's columns),
    inside a savepoint so that on PostgreSQL the test's transaction survives it."""
    name = sqlite_columns if sqlite_columns and connection.vendor == "sqlite" else constraint
    with pytest.raises(IntegrityError, match=re.escape(name)), transaction.atomic():
        yield


# -- placements ---------------------------------------------------------------


def test_database_refuses_a_placement_ending_before_it_starts_saved_without_validation(new_placement):
    placement = new_placement(start_date=dt.date(2023, 12, 15), end_date=dt.date(2023, 12, 14))
    with refused_by("placement_ends_after_start"):
        placement.save()
    assert not Placement.objects.exists()


def test_database_refuses_a_placement_ending_on_the_day_it_starts_in_a_bulk_create(new_placement):
    placement = new_placement(start_date=dt.date(2023, 12, 15), end_date=dt.date(2023, 12, 15))
    with refused_by("placement_ends_after_start"):
        Placement.objects.bulk_create([placement])
    assert not Placement.objects.exists()


def test_database_refuses_an_update_moving_a_placements_end_before_its_start(cohort, host):
    placement = PlacementFactory(cohort=cohort, host_department=host)
    with refused_by("placement_ends_after_start"):
        Placement.objects.filter(pk=placement.pk).update(end_date=dt.date(2023, 12, 1))


def test_database_refuses_a_second_placement_of_an_officer_in_one_cohort(new_placement, cohort, host):
    officer = ParticipantFactory()
    PlacementFactory(participant=officer, cohort=cohort, host_department=host, status=PlacementStatus.WITHDRAWN)
    with refused_by(
        "placement_one_per_participant_per_cohort",
        sqlite_columns="placements_placement.participant_id, placements_placement.cohort_id",
    ):
        Placement.objects.bulk_create([new_placement(participant=officer)])


@pytest.fixture
def placed_officer(cohort, host):
    """An officer placed with Futian from 15 Dec 2023 to 14 Mar 2024."""
    officer = ParticipantFactory()
    PlacementFactory(participant=officer, cohort=cohort, host_department=host)
    return officer


@pytest.fixture
def other_cohort(agreement):
    """A second cohort at the same time: the unique constraint cannot be what refuses."""
    return CohortFactory(agreement=agreement, start_date=dt.date(2023, 12, 1), end_date=dt.date(2024, 6, 30))


@pytest.mark.postgresql
@pytest.mark.parametrize(
    ("start", "end"),
    [
        (dt.date(2024, 1, 2), dt.date(2024, 4, 1)),
        (dt.date(2023, 12, 1), dt.date(2024, 6, 30)),  # around it
        (dt.date(2024, 3, 14), dt.date(2024, 6, 13)),  # one shared day
    ],
    ids=["overlapping", "enclosing", "sharing one day"],
)
def test_postgresql_refuses_overlapping_placements_of_one_officer_in_a_bulk_create(
    new_placement, placed_officer, other_cohort, start, end
):
    overlapping = new_placement(participant=placed_officer, cohort=other_cohort, start_date=start, end_date=end)
    with refused_by("placement_no_overlap"):
        Placement.objects.bulk_create([overlapping])
    assert placed_officer.placements.count() == 1


@pytest.mark.postgresql
def test_postgresql_refuses_two_overlapping_placements_created_together(new_placement, cohort, other_cohort):
    officer = ParticipantFactory()
    with refused_by("placement_no_overlap"):
        Placement.objects.bulk_create(
            [new_placement(participant=officer), new_placement(participant=officer, cohort=other_cohort)]
        )


@pytest.mark.postgresql
def test_postgresql_allows_an_overlapping_placement_when_one_of_them_is_withdrawn(
    new_placement, placed_officer, other_cohort
):
    withdrawn = new_placement(participant=placed_officer, cohort=other_cohort, status=PlacementStatus.WITHDRAWN)
    Placement.objects.bulk_create([withdrawn])
    assert placed_officer.placements.count() == 2


@pytest.mark.postgresql
def test_postgresql_refuses_reinstating_a_withdrawn_placement_that_overlaps_an_active_one(
    new_placement, placed_officer, other_cohort
):
    [withdrawn] = Placement.objects.bulk_create(
        [new_placement(participant=placed_officer, cohort=other_cohort, status=PlacementStatus.WITHDRAWN)]
    )
    with refused_by("placement_no_overlap"):
        Placement.objects.filter(pk=withdrawn.pk).update(status=PlacementStatus.PROPOSED)


@pytest.mark.postgresql
def test_postgresql_allows_back_to_back_placements_and_other_officers_at_the_same_time(
    new_placement, placed_officer, other_cohort
):
    Placement.objects.bulk_create(
        [
            new_placement(
                participant=placed_officer,
                cohort=other_cohort,
                start_date=dt.date(2024, 3, 15),
                end_date=dt.date(2024, 6, 14),
            ),
            new_placement(cohort=other_cohort),
        ]
    )
    assert Placement.objects.count() == 3


@pytest.mark.sqlite
def test_on_sqlite_only_model_validation_refuses_overlapping_placements(new_placement, placed_officer, other_cohort):
    # SQLite has no exclusion constraints (migration 0002 does nothing here):
    # anything that skips full_clean() can double-book an officer.
    Placement.objects.bulk_create([new_placement(participant=placed_officer, cohort=other_cohort)])
    assert placed_officer.placements.count() == 2


# -- cohorts and agreements ---------------------------------------------------


@pytest.mark.parametrize("end_date", [dt.date(2023, 12, 10), dt.date(2023, 12, 11)], ids=["before", "same day"])
def test_database_refuses_a_cohort_ending_on_or_before_the_day_it_starts(agreement, end_date):
    with refused_by("cohort_ends_after_start"):
        Cohort.objects.bulk_create(
            [CohortFactory.build(agreement=agreement, start_date=dt.date(2023, 12, 11), end_date=end_date)]
        )


def test_database_refuses_a_cohort_hosted_on_its_home_side(agreement):
    with refused_by("cohort_home_differs_from_host"):
        CohortFactory(agreement=agreement, home_jurisdiction="hksar", host_jurisdiction="hksar")


def test_database_refuses_an_agreement_expiring_on_the_day_it_comes_into_force(db):
    with refused_by("agreement_in_force_until_after_from"):
        AgreementFactory(in_force_from=dt.date(2023, 9, 1), in_force_until=dt.date(2023, 9, 1))
    assert not Agreement.objects.exists()


def test_database_refuses_an_agreement_with_a_standard_length_of_zero(db):
    with refused_by("agreement_standard_length_positive"):
        AgreementFactory(standard_length=0)


# -- host offers and departments -------------------------------------------------


def test_database_refuses_a_second_offer_from_one_department_to_one_cohort(cohort, host):
    with refused_by(
        "host_offer_one_per_department_per_cohort",
        sqlite_columns="placements_hostoffer.cohort_id, placements_hostoffer.department_id",
    ):
        HostOffer.objects.create(cohort=cohort, department=host, places=1)


def test_two_departments_of_one_jurisdiction_cannot_share_a_name(db):
    HongKongDepartmentFactory(name_en="Planning Department")
    duplicate = HongKongDepartmentFactory.build(name_en="Planning Department")
    with pytest.raises(ValidationError) as excinfo:
        duplicate.full_clean()
    assert excinfo.value.messages == ["Department with this Jurisdiction and Name (English) already exists."]
    with refused_by(
        "department_unique_name_per_jurisdiction",
        sqlite_columns="placements_department.jurisdiction, placements_department.name_en",
    ):
        duplicate.save()


def test_departments_on_either_side_may_share_a_name(db):
    HongKongDepartmentFactory(name_en="Housing Bureau")
    HongKongDepartmentFactory(name_en="Housing Bureau", jurisdiction="shenzhen")
    assert Department.objects.filter(name_en="Housing Bureau").count() == 2


# -- events ---------------------------------------------------------------------


def test_an_event_ending_before_it_starts_is_refused_with_a_message_and_by_the_database(cohort):
    starts_at = dt.datetime(2023, 12, 18, 10, 0, tzinfo=dt.UTC)
    event = EventFactory.build(cohort=cohort, starts_at=starts_at, ends_at=starts_at - dt.timedelta(hours=1))
    with pytest.raises(ValidationError) as excinfo:
        event.full_clean()
    assert excinfo.value.messages == ["An event must end after it starts."]
    with refused_by("event_ends_after_start"):
        event.save()


def test_a_second_launch_ceremony_for_a_cohort_is_refused_with_a_message_and_by_the_database(cohort):
    EventFactory(cohort=cohort, kind=EventKind.LAUNCH, title_en="Launch ceremony in Qianhai")
    second = EventFactory.build(cohort=cohort, kind=EventKind.LAUNCH, title_en="Another launch")
    with pytest.raises(ValidationError) as excinfo:
        second.full_clean()
    assert excinfo.value.messages == ["This cohort already has a launch ceremony."]
    with refused_by("event_one_launch_per_cohort", sqlite_columns="placements_event.cohort_id"):
        second.save()


def test_a_cohort_may_have_many_events_of_other_kinds(cohort):
    EventFactory(cohort=cohort, kind=EventKind.LAUNCH)
    EventFactory.create_batch(2, cohort=cohort, kind=EventKind.VISIT)
    assert cohort.events.count() == 3
