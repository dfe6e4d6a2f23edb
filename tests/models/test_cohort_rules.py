"""A cohort's dates and direction, as a coordinator editing it in the admin sees them.

The database's own refusal (IntegrityError) is in test_database_constraints.py.
"""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from placements.models import Jurisdiction
from tests.factories import AgreementFactory, CohortFactory


@pytest.fixture
def two_year_agreement(db):
    return AgreementFactory(in_force_from=dt.date(2023, 9, 1), in_force_until=dt.date(2025, 8, 31))


def test_a_cohort_starting_before_its_agreement_comes_into_force_is_refused_with_a_message_on_start_date(
    two_year_agreement,
):
    cohort = CohortFactory.build(
        agreement=two_year_agreement, start_date=dt.date(2023, 8, 31), end_date=dt.date(2023, 11, 30)
    )
    with pytest.raises(ValidationError) as excinfo:
        cohort.full_clean()
    assert excinfo.value.message_dict == {
        "start_date": ["The cohort starts before its agreement comes into force (Sept. 1, 2023)."]
    }


def test_a_cohort_ending_after_its_agreement_expires_is_refused_with_a_message_on_end_date(two_year_agreement):
    cohort = CohortFactory.build(
        agreement=two_year_agreement, start_date=dt.date(2025, 6, 1), end_date=dt.date(2025, 9, 1)
    )
    with pytest.raises(ValidationError) as excinfo:
        cohort.full_clean()
    assert excinfo.value.message_dict == {"end_date": ["The cohort ends after its agreement expires (Aug. 31, 2025)."]}


def test_a_cohort_outlasting_its_agreement_at_both_ends_gets_both_messages(two_year_agreement):
    cohort = CohortFactory.build(
        agreement=two_year_agreement, start_date=dt.date(2023, 1, 1), end_date=dt.date(2026, 1, 1)
    )
    with pytest.raises(ValidationError) as excinfo:
        cohort.full_clean()
    assert excinfo.value.message_dict == {
        "start_date": ["The cohort starts before its agreement comes into force (Sept. 1, 2023)."],
        "end_date": ["The cohort ends after its agreement expires (Aug. 31, 2025)."],
    }


def test_a_cohort_may_run_from_the_first_to_the_last_day_of_its_agreement(two_year_agreement):
    CohortFactory.build(
        agreement=two_year_agreement, start_date=dt.date(2023, 9, 1), end_date=dt.date(2025, 8, 31)
    ).full_clean()


def test_a_cohort_under_an_open_ended_agreement_may_run_years_later(db):
    agreement = AgreementFactory(in_force_from=dt.date(2023, 9, 1), in_force_until=None)
    CohortFactory.build(
        agreement=agreement, start_date=dt.date(2030, 12, 1), end_date=dt.date(2031, 3, 31)
    ).full_clean()


@pytest.mark.parametrize("end_date", [dt.date(2023, 12, 10), dt.date(2023, 12, 11)], ids=["before", "same day"])
def test_a_cohort_ending_on_or_before_the_day_it_starts_is_refused_with_a_message(db, end_date):
    cohort = CohortFactory.build(agreement=AgreementFactory(), start_date=dt.date(2023, 12, 11), end_date=end_date)
    with pytest.raises(ValidationError) as excinfo:
        cohort.full_clean()
    # A rule across two fields: the admin shows it above the form.
    assert excinfo.value.message_dict == {"__all__": ["A cohort must end after it starts."]}


def test_a_cohort_hosted_on_its_own_home_side_is_refused_with_a_message(db):
    cohort = CohortFactory.build(
        agreement=AgreementFactory(), home_jurisdiction=Jurisdiction.HKSAR, host_jurisdiction=Jurisdiction.HKSAR
    )
    with pytest.raises(ValidationError) as excinfo:
        cohort.full_clean()
    assert excinfo.value.message_dict == {"__all__": ["The home side and the host city must differ."]}


def test_a_cohort_of_mainland_officers_placed_in_hong_kong_is_accepted(db):
    CohortFactory.build(
        agreement=AgreementFactory(), home_jurisdiction=Jurisdiction.SHENZHEN, host_jurisdiction=Jurisdiction.HKSAR
    ).full_clean()
