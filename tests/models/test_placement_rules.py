"""The rules one placement keeps, with the messages the admin shows beside each field.

Every test starts from a valid placement (tests/models/conftest.py: 15 Dec 2023
– 14 Mar 2024 at Futian District Government, in a cohort running 11 Dec 2023 –
31 Mar 2024 under a three-month agreement, ± 14 days) and breaks one rule.
Capacity is in test_capacity.py; what the database refuses on its own is in
test_database_constraints.py.
"""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from placements.models import HostOffer, Jurisdiction, PlacementStatus
from tests.factories import (
    AgreementFactory,
    CohortFactory,
    FieldFactory,
    HongKongDepartmentFactory,
    HostOfferFactory,
    ParticipantFactory,
    PlacementFactory,
    ShenzhenDepartmentFactory,
)


def errors(placement) -> dict[str, list[str]]:
    """Every message full_clean() gives, by field ("__all__" for the form's top)."""
    with pytest.raises(ValidationError) as excinfo:
        placement.full_clean()
    return excinfo.value.message_dict


# -- a placement ends after it starts ----------------------------------------


@pytest.mark.parametrize("end_date", [dt.date(2023, 12, 14), dt.date(2023, 12, 15)], ids=["before", "same day"])
def test_placement_ending_on_or_before_the_day_it_starts_is_refused_with_a_message_on_end_date(new_placement, end_date):
    placement = new_placement(start_date=dt.date(2023, 12, 15), end_date=end_date)
    # Only this message: a length or cohort-date complaint about impossible dates would just confuse.
    assert errors(placement) == {"end_date": ["A placement must end after it starts."]}


# -- inside the cohort's dates -----------------------------------------------


def test_placement_starting_before_its_cohort_is_refused_with_a_message_on_start_date(new_placement):
    placement = new_placement(start_date=dt.date(2023, 12, 1), end_date=dt.date(2024, 2, 29))
    assert errors(placement) == {"start_date": ["The placement starts before its cohort does (Dec. 11, 2023)."]}


def test_placement_ending_after_its_cohort_is_refused_with_a_message_on_end_date(new_placement):
    placement = new_placement(start_date=dt.date(2024, 1, 15), end_date=dt.date(2024, 4, 14))
    assert errors(placement) == {"end_date": ["The placement ends after its cohort does (March 31, 2024)."]}


def test_placement_may_start_on_its_cohorts_first_day_and_end_on_its_last(new_placement):
    new_placement(start_date=dt.date(2023, 12, 11), end_date=dt.date(2024, 3, 10)).full_clean()
    new_placement(start_date=dt.date(2024, 1, 1), end_date=dt.date(2024, 3, 31)).full_clean()


# -- the agreement's standard length, within its tolerance --------------------


@pytest.mark.parametrize(
    "end_date",
    [dt.date(2024, 3, 14), dt.date(2024, 2, 29), dt.date(2024, 3, 28)],
    ids=["standard", "14 days short", "14 days long"],
)
def test_three_month_placement_ending_within_the_tolerance_is_accepted(new_placement, end_date):
    new_placement(start_date=dt.date(2023, 12, 15), end_date=end_date).full_clean()


def test_three_month_placement_one_day_too_long_is_refused_with_a_message_naming_the_expected_end(new_placement):
    placement = new_placement(start_date=dt.date(2023, 12, 15), end_date=dt.date(2024, 3, 29))
    assert errors(placement) == {
        "end_date": [
            "Placements under GBA–HK 2023 last 3 months: starting on Dec. 15, 2023, this one should end on "
            "March 14, 2024, give or take 14 days. It lasts 106 days."
        ]
    }


def test_three_month_placement_one_day_too_short_is_refused_with_a_message_naming_the_expected_end(new_placement):
    placement = new_placement(start_date=dt.date(2023, 12, 15), end_date=dt.date(2024, 2, 28))
    assert errors(placement) == {
        "end_date": [
            "Placements under GBA–HK 2023 last 3 months: starting on Dec. 15, 2023, this one should end on "
            "March 14, 2024, give or take 14 days. It lasts 76 days."
        ]
    }


@pytest.fixture
def four_week_cohort(db):
    """The exchanges before 2023: four weeks, give or take three days."""
    agreement = AgreementFactory(
        short_title="GD–HK 2019", standard_length=4, standard_length_unit="weeks", length_tolerance_days=3
    )
    return CohortFactory(agreement=agreement, start_date=dt.date(2023, 12, 1), end_date=dt.date(2024, 1, 31))


@pytest.mark.parametrize(
    "end_date",
    [dt.date(2024, 1, 11), dt.date(2024, 1, 8), dt.date(2024, 1, 14)],
    ids=["standard", "3 days short", "3 days long"],
)
def test_four_week_placement_ending_within_the_tolerance_is_accepted(new_placement, four_week_cohort, host, end_date):
    HostOfferFactory(cohort=four_week_cohort, department=host)
    new_placement(cohort=four_week_cohort, start_date=dt.date(2023, 12, 15), end_date=end_date).full_clean()


@pytest.mark.parametrize(
    ("end_date", "days"),
    [(dt.date(2024, 1, 7), 24), (dt.date(2024, 1, 15), 32)],
    ids=["4 days short", "4 days long"],
)
def test_four_week_placement_one_day_past_the_tolerance_is_refused_with_a_message_naming_the_expected_end(
    new_placement, four_week_cohort, host, end_date, days
):
    HostOfferFactory(cohort=four_week_cohort, department=host)
    placement = new_placement(cohort=four_week_cohort, start_date=dt.date(2023, 12, 15), end_date=end_date)
    assert errors(placement) == {
        "end_date": [
            "Placements under GD–HK 2019 last 4 weeks: starting on Dec. 15, 2023, this one should end on "
            f"Jan. 11, 2024, give or take 3 days. It lasts {days} days."
        ]
    }


def test_a_one_day_tolerance_reads_in_the_singular(new_placement, agreement):
    agreement.length_tolerance_days = 1
    agreement.save()
    placement = new_placement(start_date=dt.date(2023, 12, 15), end_date=dt.date(2024, 3, 12))
    assert errors(placement) == {
        "end_date": [
            "Placements under GBA–HK 2023 last 3 months: starting on Dec. 15, 2023, this one should end on "
            "March 14, 2024, give or take 1 day. It lasts 89 days."
        ]
    }


# -- the officer comes from the home side, the host is on the host side -------


def test_officer_from_the_host_side_is_refused_with_a_message_on_participant(new_placement):
    officer = ParticipantFactory(
        name_en="Chan Tai Man", home_department=ShenzhenDepartmentFactory(name_en="Qianhai Authority")
    )
    assert errors(new_placement(participant=officer)) == {
        "participant": [
            "Chan Tai Man works for Qianhai Authority in Shenzhen, but this cohort takes officers from Hong Kong SAR."
        ]
    }


def test_host_department_on_the_home_side_is_refused_with_a_message_on_host_department(new_placement):
    transport = HongKongDepartmentFactory(name_en="Transport Department")
    # Only the side: that it offered no places in a Shenzhen cohort would be beside the point.
    assert errors(new_placement(host_department=transport)) == {
        "host_department": ["Transport Department is in Hong Kong SAR, but this cohort is hosted by Shenzhen."]
    }


def test_host_department_in_another_mainland_city_is_refused_with_a_message_on_host_department(new_placement):
    guangzhou = ShenzhenDepartmentFactory(name_en="Tianhe District Government", jurisdiction=Jurisdiction.GUANGZHOU)
    assert errors(new_placement(host_department=guangzhou)) == {
        "host_department": ["Tianhe District Government is in Guangzhou, but this cohort is hosted by Shenzhen."]
    }


def test_mainland_officer_placed_in_hong_kong_is_accepted_when_the_cohort_runs_that_way(db, agreement, field):
    cohort = CohortFactory(
        agreement=agreement, home_jurisdiction=Jurisdiction.SHENZHEN, host_jurisdiction=Jurisdiction.HKSAR
    )
    transport = HongKongDepartmentFactory(name_en="Transport Department")
    HostOfferFactory(cohort=cohort, department=transport)
    officer = ParticipantFactory(home_department=ShenzhenDepartmentFactory())
    PlacementFactory.build(participant=officer, cohort=cohort, host_department=transport, field=field).full_clean()


# -- the field is one the agreement covers ------------------------------------


def test_field_the_agreement_does_not_cover_is_refused_with_a_message_on_field(new_placement, agreement, field):
    agreement.fields.add(field)
    transport = FieldFactory(name_en="Transportation")
    assert errors(new_placement(field=transport)) == {"field": ["GBA–HK 2023 does not cover Transportation."]}


def test_any_field_is_accepted_when_the_agreement_lists_none(new_placement, agreement):
    assert not agreement.fields.exists()
    new_placement(field=FieldFactory(name_en="Transportation")).full_clean()


# -- one placement per officer per cohort -------------------------------------


def test_second_placement_of_an_officer_in_the_same_cohort_is_refused_with_a_message(new_placement, cohort, host):
    officer = ParticipantFactory()
    PlacementFactory(participant=officer, cohort=cohort, host_department=host, status=PlacementStatus.WITHDRAWN)
    # Even when the first was withdrawn (so the dates do not clash): reinstate it instead.
    assert errors(new_placement(participant=officer)) == {
        "__all__": ["This officer already has a placement in this cohort."]
    }


def test_a_saved_placement_passes_its_own_checks_when_edited(new_placement, cohort, host):
    # Overlap, capacity and uniqueness must not count the placement against itself.
    HostOffer.objects.filter(cohort=cohort, department=host).update(places=1)
    placement = new_placement()
    placement.save()
    placement.objectives = "Learn how Futian plans its transport links with Hong Kong."
    placement.full_clean()


# -- no officer in two placements at once ---------------------------------------


@pytest.fixture
def second_cohort(agreement):
    """Another cohort at the same time, hosted by Qianhai."""
    return CohortFactory(
        agreement=agreement,
        name_en="Shenzhen–Hong Kong, batch 1 (Qianhai)",
        start_date=dt.date(2023, 12, 1),
        end_date=dt.date(2024, 6, 30),
    )


@pytest.fixture
def qianhai(second_cohort):
    department = ShenzhenDepartmentFactory(name_en="Qianhai Authority", district="Qianhai")
    HostOfferFactory(cohort=second_cohort, department=department)
    return department


@pytest.fixture
def placed_officer(cohort, host):
    """An officer placed with Futian from 15 Dec 2023 to 14 Mar 2024."""
    officer = ParticipantFactory(name_en="Chan Tai Man")
    PlacementFactory(
        participant=officer,
        cohort=cohort,
        host_department=host,
        start_date=dt.date(2023, 12, 15),
        end_date=dt.date(2024, 3, 14),
    )
    return officer


def test_officer_placed_twice_at_the_same_time_is_refused_with_a_message_naming_the_other_host_and_dates(
    new_placement, placed_officer, second_cohort, qianhai
):
    placement = new_placement(
        participant=placed_officer,
        cohort=second_cohort,
        host_department=qianhai,
        start_date=dt.date(2024, 1, 2),
        end_date=dt.date(2024, 4, 1),
    )
    assert errors(placement) == {
        "participant": [
            "This officer is already placed with Futian District Government from Dec. 15, 2023 to March 14, 2024."
        ]
    }


def test_placements_sharing_a_single_day_are_refused(new_placement, placed_officer, second_cohort, qianhai):
    placement = new_placement(
        participant=placed_officer,
        cohort=second_cohort,
        host_department=qianhai,
        start_date=dt.date(2024, 3, 14),
        end_date=dt.date(2024, 6, 13),
    )
    assert errors(placement) == {
        "participant": [
            "This officer is already placed with Futian District Government from Dec. 15, 2023 to March 14, 2024."
        ]
    }


def test_back_to_back_placements_are_accepted(new_placement, placed_officer, second_cohort, qianhai):
    new_placement(
        participant=placed_officer,
        cohort=second_cohort,
        host_department=qianhai,
        start_date=dt.date(2024, 3, 15),
        end_date=dt.date(2024, 6, 14),
    ).full_clean()


def test_a_withdrawn_placement_does_not_block_another_at_the_same_time(
    new_placement, placed_officer, second_cohort, qianhai
):
    placed_officer.placements.update(status=PlacementStatus.WITHDRAWN)
    new_placement(participant=placed_officer, cohort=second_cohort, host_department=qianhai).full_clean()


def test_a_withdrawn_placement_may_be_recorded_over_an_active_one(
    new_placement, placed_officer, second_cohort, qianhai
):
    new_placement(
        participant=placed_officer, cohort=second_cohort, host_department=qianhai, status=PlacementStatus.WITHDRAWN
    ).full_clean()


def test_other_officers_may_be_placed_at_the_same_time(new_placement, placed_officer):
    new_placement().full_clean()


# -- durations ----------------------------------------------------------------


def test_duration_counts_the_first_and_the_last_day(new_placement):
    assert new_placement(start_date=dt.date(2023, 12, 15), end_date=dt.date(2024, 3, 14)).duration_days() == 91
    assert new_placement(start_date=dt.date(2023, 12, 15), end_date=dt.date(2023, 12, 16)).duration_days() == 2


def test_duration_is_unknown_until_both_dates_are(new_placement):
    assert new_placement(end_date=None).duration_days() is None


@pytest.mark.parametrize(
    ("today", "remaining"),
    [
        (dt.date(2023, 12, 14), None),  # not started yet
        (dt.date(2023, 12, 15), 90),  # first day
        (dt.date(2024, 3, 13), 1),
        (dt.date(2024, 3, 14), 0),  # last day
        (dt.date(2024, 3, 15), None),  # over
    ],
)
def test_days_remaining_counts_the_days_after_today_while_the_placement_runs(new_placement, today, remaining):
    placement = new_placement(start_date=dt.date(2023, 12, 15), end_date=dt.date(2024, 3, 14))
    assert placement.days_remaining(today) == remaining


def test_a_withdrawn_placement_has_no_days_remaining(new_placement):
    placement = new_placement(status=PlacementStatus.WITHDRAWN)
    assert placement.days_remaining(dt.date(2024, 1, 1)) is None
