"""placement_save and placement_confirm: what the admin and the import call."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from placements.models import HostOffer, Placement, PlacementStatus
from placements.services import placement_confirm, placement_save
from tests.factories import PlacementFactory


def test_placement_save_stores_a_valid_placement(new_placement):
    placement = placement_save(placement=new_placement())
    assert Placement.objects.get(pk=placement.pk).status == PlacementStatus.PROPOSED


def test_placement_save_refuses_a_placement_breaking_a_rule_and_stores_nothing(new_placement):
    placement = new_placement(end_date=new_placement().start_date)
    with pytest.raises(ValidationError) as excinfo:
        placement_save(placement=placement)
    assert excinfo.value.message_dict == {"end_date": ["A placement must end after it starts."]}
    assert not Placement.objects.exists()


@pytest.mark.postgresql
def test_placement_save_locks_the_hosts_offer_while_it_counts_the_places_taken(new_placement):
    with CaptureQueriesContext(connection) as queries:
        placement_save(placement=new_placement())
    offer_reads = [q["sql"] for q in queries if 'FROM "placements_hostoffer"' in q["sql"]]
    assert len(offer_reads) == 1
    assert offer_reads[0].endswith("FOR UPDATE")


@pytest.mark.parametrize(
    ("status", "label"),
    [
        (PlacementStatus.CONFIRMED, "Confirmed"),
        (PlacementStatus.IN_PROGRESS, "In progress"),
        (PlacementStatus.COMPLETED, "Completed"),
        (PlacementStatus.WITHDRAWN, "Withdrawn"),
    ],
)
def test_placement_confirm_refuses_a_placement_that_is_not_proposed_with_a_message(cohort, host, status, label):
    placement = PlacementFactory(cohort=cohort, host_department=host, status=status)
    with pytest.raises(ValidationError) as excinfo:
        placement_confirm(placement=placement)
    assert excinfo.value.messages == [f"Only a proposed placement can be confirmed; this one is marked “{label}”."]
    placement.refresh_from_db()
    assert placement.status == status


def test_placement_confirm_confirms_a_proposed_placement(cohort, host):
    placement = PlacementFactory(cohort=cohort, host_department=host)
    confirmed = placement_confirm(placement=placement)
    assert confirmed.status == PlacementStatus.CONFIRMED
    assert Placement.objects.get(pk=placement.pk).status == PlacementStatus.CONFIRMED


def test_placement_confirm_goes_by_the_stored_status_not_a_stale_copy(cohort, host):
    # Another coordinator withdrew the placement after this page was loaded.
    placement = PlacementFactory(cohort=cohort, host_department=host)
    Placement.objects.filter(pk=placement.pk).update(status=PlacementStatus.WITHDRAWN)
    with pytest.raises(ValidationError) as excinfo:
        placement_confirm(placement=placement)
    assert excinfo.value.messages == ["Only a proposed placement can be confirmed; this one is marked “Withdrawn”."]


def test_placement_confirm_checks_every_rule_again(cohort, host):
    # The host was over-subscribed outside the admin (a bulk update skips validation).
    placement, _ = PlacementFactory.create_batch(2, cohort=cohort, host_department=host)
    HostOffer.objects.filter(cohort=cohort, department=host).update(places=1)
    with pytest.raises(ValidationError) as excinfo:
        placement_confirm(placement=placement)
    assert excinfo.value.message_dict == {
        "host_department": ["Futian District Government offered 1 place in this cohort and it is taken."]
    }
    placement.refresh_from_db()
    assert placement.status == PlacementStatus.PROPOSED
