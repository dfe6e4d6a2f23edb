"""A host department takes no more officers than the places it offered a cohort.

One coordinator at a time; two at once is test_concurrency.py.
"""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from placements.models import HostOffer, PlacementStatus
from tests.factories import CohortFactory, HongKongDepartmentFactory, PlacementFactory, ShenzhenDepartmentFactory


def errors(instance) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as excinfo:
        instance.full_clean()
    return excinfo.value.message_dict


def offer_places(cohort, department, places: int) -> None:
    HostOffer.objects.filter(cohort=cohort, department=department).update(places=places)


def test_placement_beyond_the_places_offered_is_refused_with_a_message_on_host_department(new_placement, cohort, host):
    PlacementFactory.create_batch(2, cohort=cohort, host_department=host)
    assert errors(new_placement()) == {
        "host_department": ["Futian District Government offered 2 places in this cohort and all are taken."]
    }


def test_a_single_place_taken_reads_in_the_singular(new_placement, cohort, host):
    offer_places(cohort, host, 1)
    PlacementFactory(cohort=cohort, host_department=host)
    assert errors(new_placement()) == {
        "host_department": ["Futian District Government offered 1 place in this cohort and it is taken."]
    }


def test_the_last_place_can_be_taken(new_placement, cohort, host):
    PlacementFactory(cohort=cohort, host_department=host)
    new_placement().full_clean()


def test_host_without_an_offer_is_refused_with_a_message_on_host_department(new_placement):
    luohu = ShenzhenDepartmentFactory(name_en="Luohu District Government")
    assert errors(new_placement(host_department=luohu)) == {
        "host_department": ["Luohu District Government has offered no places in this cohort. Add a host offer first."]
    }


def test_an_offer_to_another_cohort_does_not_count(new_placement, agreement, host):
    batch_2 = CohortFactory(agreement=agreement, name_en="Shenzhen–Hong Kong, batch 2")
    HostOffer.objects.create(cohort=batch_2, department=host, places=5)
    luohu = ShenzhenDepartmentFactory(name_en="Luohu District Government")
    HostOffer.objects.create(cohort=batch_2, department=luohu, places=5)
    assert errors(new_placement(host_department=luohu)) == {
        "host_department": ["Luohu District Government has offered no places in this cohort. Add a host offer first."]
    }


def test_officers_placed_in_another_cohort_do_not_take_this_cohorts_places(new_placement, agreement, host):
    batch_2 = CohortFactory(agreement=agreement, name_en="Shenzhen–Hong Kong, batch 2")
    PlacementFactory.create_batch(2, cohort=batch_2, host_department=host)
    new_placement().full_clean()


def test_a_withdrawn_placement_frees_its_place(new_placement, cohort, host):
    first, _ = PlacementFactory.create_batch(2, cohort=cohort, host_department=host)
    first.status = PlacementStatus.WITHDRAWN
    first.save()
    new_placement().full_clean()


def test_a_withdrawn_placement_may_be_recorded_at_a_full_host(new_placement, cohort, host):
    PlacementFactory.create_batch(2, cohort=cohort, host_department=host)
    new_placement(status=PlacementStatus.WITHDRAWN).full_clean()


def test_reinstating_a_withdrawn_placement_is_refused_once_its_place_is_taken(cohort, host):
    withdrawn = PlacementFactory(cohort=cohort, host_department=host, status=PlacementStatus.WITHDRAWN)
    PlacementFactory.create_batch(2, cohort=cohort, host_department=host)
    withdrawn.status = PlacementStatus.PROPOSED
    assert errors(withdrawn) == {
        "host_department": ["Futian District Government offered 2 places in this cohort and all are taken."]
    }


# -- the offer itself -----------------------------------------------------------


def test_reducing_an_offer_below_the_officers_placed_is_refused_with_a_message_on_places(cohort, host):
    PlacementFactory.create_batch(2, cohort=cohort, host_department=host)
    offer = HostOffer.objects.get(cohort=cohort, department=host)
    offer.places = 1
    assert errors(offer) == {"places": ["2 officers are already placed here; offer at least that many places."]}


def test_reducing_an_offer_below_one_placed_officer_reads_in_the_singular(cohort, host):
    PlacementFactory(cohort=cohort, host_department=host)
    offer = HostOffer.objects.get(cohort=cohort, department=host)
    offer.places = 0
    assert errors(offer) == {"places": ["1 officer is already placed here; offer at least that many places."]}


def test_an_offer_may_be_reduced_to_the_officers_placed_not_counting_withdrawn_ones(cohort, host):
    PlacementFactory(cohort=cohort, host_department=host)
    PlacementFactory(cohort=cohort, host_department=host, status=PlacementStatus.WITHDRAWN)
    offer = HostOffer.objects.get(cohort=cohort, department=host)
    offer.places = 1
    offer.full_clean()


def test_an_offer_entered_again_after_deletion_must_still_cover_the_officers_placed(cohort, host):
    PlacementFactory.create_batch(2, cohort=cohort, host_department=host)
    HostOffer.objects.filter(cohort=cohort, department=host).delete()
    offer = HostOffer(cohort=cohort, department=host, places=1)
    assert errors(offer) == {"places": ["2 officers are already placed here; offer at least that many places."]}


def test_an_offer_from_a_department_outside_the_host_city_is_refused_with_a_message_on_department(cohort):
    transport = HongKongDepartmentFactory(name_en="Transport Department")
    offer = HostOffer(cohort=cohort, department=transport, places=1)
    assert errors(offer) == {"department": ["Transport Department is not in Shenzhen, the cohort's host city."]}


def test_a_second_offer_from_the_same_department_to_the_same_cohort_is_refused_with_a_message(cohort, host):
    offer = HostOffer(cohort=cohort, department=host, places=3)
    assert errors(offer) == {"__all__": ["This department already has an offer for this cohort."]}


def test_the_offer_reads_as_the_department_and_its_places(cohort, host):
    assert str(HostOffer.objects.get(cohort=cohort, department=host)) == "Futian District Government: 2 places"


def test_capacity_counts_placements_whatever_their_dates(new_placement, cohort, host):
    # Places are per cohort, not per day: two officers one after the other still take two places.
    PlacementFactory(
        cohort=cohort, host_department=host, start_date=dt.date(2023, 12, 11), end_date=dt.date(2024, 3, 10)
    )
    PlacementFactory(cohort=cohort, host_department=host, start_date=dt.date(2024, 1, 1), end_date=dt.date(2024, 3, 31))
    assert errors(new_placement()) == {
        "host_department": ["Futian District Government offered 2 places in this cohort and all are taken."]
    }
