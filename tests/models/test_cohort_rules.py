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


# -- a cohort or agreement edited after officers are placed -----------------


@pytest.fixture
def placed(db):
    """A cohort of 11 Dec 2023 – 31 Mar 2024 with one officer placed 15 Dec – 14 Mar."""
    from tests.factories import PlacementFactory

    cohort = CohortFactory(start_date=dt.date(2023, 12, 11), end_date=dt.date(2024, 3, 31))
    return PlacementFactory(cohort=cohort, start_date=dt.date(2023, 12, 15), end_date=dt.date(2024, 3, 14))


def test_a_cohort_cannot_end_before_an_officer_placed_in_it_does(placed):
    cohort = placed.cohort
    cohort.end_date = dt.date(2024, 2, 29)
    with pytest.raises(ValidationError) as excinfo:
        cohort.full_clean()
    assert excinfo.value.message_dict == {
        "end_date": ["1 placement of this cohort ends after this date; move it first."]
    }


def test_a_cohort_cannot_start_after_an_officer_placed_in_it_does(placed):
    cohort = placed.cohort
    cohort.start_date = dt.date(2023, 12, 18)
    with pytest.raises(ValidationError) as excinfo:
        cohort.full_clean()
    assert excinfo.value.message_dict == {
        "start_date": ["1 placement of this cohort starts before this date; move it first."]
    }


def test_a_cohort_with_officers_placed_may_be_renamed_lengthened_or_shortened_around_them(placed):
    cohort = placed.cohort
    cohort.name_en = "Shenzhen–Hong Kong, batch 1 (renamed)"
    cohort.start_date, cohort.end_date = dt.date(2023, 12, 15), dt.date(2024, 4, 30)
    cohort.full_clean()


def test_a_withdrawn_placement_does_not_hold_a_cohort_s_dates(placed):
    from placements.models import PlacementStatus

    placed.status = PlacementStatus.WITHDRAWN
    placed.save()
    cohort = placed.cohort
    cohort.end_date = dt.date(2024, 2, 29)
    cohort.full_clean()


def test_a_cohort_with_officers_placed_cannot_move_to_an_agreement_of_another_length(placed):
    cohort = placed.cohort
    cohort.agreement = AgreementFactory(short_title="CSB 4 weeks", standard_length=4, standard_length_unit="weeks")
    with pytest.raises(ValidationError) as excinfo:
        cohort.full_clean()
    assert excinfo.value.message_dict == {
        "agreement": ["1 placement of this cohort does not last 4 weeks, as placements under CSB 4 weeks must."]
    }


def test_an_agreement_s_length_cannot_change_under_placements_made_with_it(placed):
    agreement = placed.cohort.agreement
    agreement.standard_length = 6
    with pytest.raises(ValidationError) as excinfo:
        agreement.full_clean()
    assert excinfo.value.message_dict == {
        "standard_length": [
            "1 placement under this agreement would no longer last 6 months. "
            "To change the length for new cohorts, enter a new agreement."
        ]
    }


def test_an_agreement_with_no_placements_may_change_its_length(db):
    agreement = CohortFactory().agreement
    agreement.standard_length = 6
    agreement.full_clean()


def test_an_agreement_s_dates_must_still_hold_its_cohorts(placed):
    agreement = placed.cohort.agreement
    agreement.in_force_from = dt.date(2024, 1, 1)
    agreement.in_force_until = dt.date(2024, 2, 1)
    with pytest.raises(ValidationError) as excinfo:
        agreement.full_clean()
    assert excinfo.value.message_dict == {
        "in_force_from": ["1 cohort under this agreement starts before this date."],
        "in_force_until": ["1 cohort under this agreement ends after this date."],
    }


def test_the_coordinator_sees_why_a_cohort_s_new_end_date_is_refused(placed, coordinator_client):
    from tests.admin.test_conflicts import form_data, inline_management_forms

    cohort = placed.cohort
    url = f"/admin/placements/cohort/{cohort.pk}/change/"
    page = coordinator_client.get(url)
    data = form_data(page) | inline_management_forms(page) | {"end_date": "2024-02-29"}

    response = coordinator_client.post(url, data)

    assert response.status_code == 200
    assert "1 placement of this cohort ends after this date; move it first." in response.content.decode()
    cohort.refresh_from_db()
    assert cohort.end_date == dt.date(2024, 3, 31)
