"""What an agreement says about placements: their standard length and end date."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from placements.models import Agreement, LengthUnit
from tests.factories import AgreementFactory


def months(n: int) -> Agreement:
    return Agreement(standard_length=n, standard_length_unit=LengthUnit.MONTHS)


def weeks(n: int) -> Agreement:
    return Agreement(standard_length=n, standard_length_unit=LengthUnit.WEEKS)


@pytest.mark.parametrize(
    ("start", "expected_end"),
    [
        # The seed cohort: mid-December to mid-March.
        (dt.date(2023, 12, 15), dt.date(2024, 3, 14)),
        (dt.date(2023, 12, 1), dt.date(2024, 2, 29)),
        (dt.date(2023, 11, 15), dt.date(2024, 2, 14)),
        # The same day exists three months on: the day before it.
        (dt.date(2023, 12, 31), dt.date(2024, 3, 30)),
        (dt.date(2023, 11, 29), dt.date(2024, 2, 28)),
    ],
)
def test_a_three_month_placement_ends_the_day_before_the_same_day_three_months_later(start, expected_end):
    assert months(3).standard_end(start) == expected_end


@pytest.mark.parametrize(
    ("length", "start", "expected_end"),
    [
        # No 30 February: the placement runs to the end of February (2024 is a leap year)…
        (3, dt.date(2023, 11, 30), dt.date(2024, 2, 29)),
        (6, dt.date(2023, 8, 31), dt.date(2024, 2, 29)),
        # …and in a common year to 28 February.
        (3, dt.date(2022, 11, 30), dt.date(2023, 2, 28)),
        (12, dt.date(2024, 2, 29), dt.date(2025, 2, 28)),
        # No 31 November: to 30 November.
        (1, dt.date(2023, 10, 31), dt.date(2023, 11, 30)),
    ],
)
def test_a_placement_starting_on_a_day_the_end_month_lacks_runs_to_that_months_last_day(length, start, expected_end):
    assert months(length).standard_end(start) == expected_end


def test_a_later_start_never_gives_an_earlier_standard_end():
    # Starting a day later never ends a placement earlier.
    agreement = months(3)
    starts = [dt.date(2023, 11, 1) + dt.timedelta(days=n) for n in range(120)]
    ends = [agreement.standard_end(start) for start in starts]
    assert ends == sorted(ends)


def test_a_four_week_placement_ends_on_the_day_before_the_same_weekday_four_weeks_later():
    # The exchanges before the 2023 agreement lasted four weeks.
    assert weeks(4).standard_end(dt.date(2023, 12, 15)) == dt.date(2024, 1, 11)
    assert weeks(1).standard_end(dt.date(2023, 12, 18)) == dt.date(2023, 12, 24)


def test_the_standard_length_reads_in_words():
    assert months(3).standard_length_display() == "3 months"
    assert months(1).standard_length_display() == "1 month"
    assert weeks(4).standard_length_display() == "4 weeks"
    assert weeks(1).standard_length_display() == "1 week"


def test_an_agreement_coming_into_force_before_it_is_signed_is_refused_with_a_message_on_in_force_from(db):
    agreement = AgreementFactory.build(signed_on=dt.date(2023, 9, 1), in_force_from=dt.date(2023, 8, 31))
    with pytest.raises(ValidationError) as excinfo:
        agreement.full_clean()
    assert excinfo.value.message_dict == {"in_force_from": ["An agreement cannot come into force before it is signed."]}


def test_an_agreement_may_come_into_force_on_the_day_it_is_signed(db):
    AgreementFactory.build(signed_on=dt.date(2023, 9, 1), in_force_from=dt.date(2023, 9, 1)).full_clean()


def test_an_agreement_expiring_on_or_before_it_comes_into_force_is_refused_with_a_message(db):
    agreement = AgreementFactory.build(in_force_from=dt.date(2023, 9, 1), in_force_until=dt.date(2023, 9, 1))
    with pytest.raises(ValidationError) as excinfo:
        agreement.full_clean()
    assert excinfo.value.messages == ["An agreement must stay in force after the day it comes into force."]


def test_an_agreement_with_a_standard_length_of_zero_is_refused_with_a_message(db):
    agreement = AgreementFactory.build(standard_length=0)
    with pytest.raises(ValidationError) as excinfo:
        agreement.full_clean()
    assert excinfo.value.messages == ["The standard placement length must be at least 1."]


def test_in_force_finds_agreements_in_force_on_a_day_including_open_ended_ones(db):
    open_ended = AgreementFactory(in_force_from=dt.date(2023, 9, 1), in_force_until=None)
    expired = AgreementFactory(in_force_from=dt.date(2002, 1, 1), in_force_until=dt.date(2023, 8, 31))
    assert list(Agreement.objects.in_force(dt.date(2023, 12, 18))) == [open_ended]
    assert list(Agreement.objects.in_force(dt.date(2023, 8, 31))) == [expired]
    assert set(Agreement.objects.in_force(dt.date(2023, 9, 1))) == {open_ended}


def test_covers_is_true_only_for_a_period_inside_the_agreements_force():
    agreement = Agreement(in_force_from=dt.date(2023, 9, 1), in_force_until=dt.date(2025, 8, 31))
    assert agreement.covers(dt.date(2023, 9, 1), dt.date(2025, 8, 31))
    assert not agreement.covers(dt.date(2023, 8, 31), dt.date(2023, 12, 1))
    assert not agreement.covers(dt.date(2025, 6, 1), dt.date(2025, 9, 1))
    assert Agreement(in_force_from=dt.date(2023, 9, 1)).covers(dt.date(2023, 9, 1), dt.date(2099, 1, 1))
