"""placement_save and placement_move: what the admin and the import call."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from placements.concurrency import EditConflict
from placements.models import HostOffer, Placement, PlacementStatus, StatusChange
from placements.services import placement_move, placement_save
from tests.factories import PlacementFactory, UserFactory


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


def test_placement_save_does_not_change_the_status(cohort, host):
    placement = PlacementFactory(cohort=cohort, host_department=host)
    placement.status = PlacementStatus.CONFIRMED
    with pytest.raises(ValidationError) as excinfo:
        placement_save(placement=placement)
    assert excinfo.value.message_dict == {
        "status": ["The status changes only through its actions: confirm, withdraw, and so on."]
    }


def test_placement_save_moves_the_version_on_and_refuses_an_older_one(cohort, host):
    placement = PlacementFactory(cohort=cohort, host_department=host)
    first, second = Placement.objects.get(pk=placement.pk), Placement.objects.get(pk=placement.pk)
    first.role_en = "Assistant to the director"
    placement_save(placement=first, loaded_version=1)
    assert Placement.objects.get(pk=placement.pk).version == 2

    second.objectives = "Learn how a district plans transport."
    with pytest.raises(EditConflict):
        placement_save(placement=second, loaded_version=1)
    stored = Placement.objects.get(pk=placement.pk)
    assert (stored.role_en, stored.objectives, stored.version) == ("Assistant to the director", "", 2)


# -- the lifecycle ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "label"),
    [
        (PlacementStatus.CONFIRMED, "Confirmed"),
        (PlacementStatus.IN_PROGRESS, "In progress"),
        (PlacementStatus.COMPLETED, "Completed"),
        (PlacementStatus.WITHDRAWN, "Withdrawn"),
    ],
)
def test_confirming_refuses_a_placement_that_is_not_proposed_with_a_message(cohort, host, status, label):
    placement = PlacementFactory(cohort=cohort, host_department=host, status=status)
    with pytest.raises(ValidationError) as excinfo:
        placement_move(placement=placement, move="confirm", by=None)
    assert excinfo.value.messages == [f"Only a proposed placement can be confirmed; this one is marked “{label}”."]
    placement.refresh_from_db()
    assert placement.status == status
    assert not StatusChange.objects.exists()


# Every move the lifecycle allows, and every one it refuses.
ALLOWED = {
    (PlacementStatus.PROPOSED, "confirm"): PlacementStatus.CONFIRMED,
    (PlacementStatus.CONFIRMED, "start"): PlacementStatus.IN_PROGRESS,
    (PlacementStatus.IN_PROGRESS, "complete"): PlacementStatus.COMPLETED,
    (PlacementStatus.CONFIRMED, "send_back"): PlacementStatus.PROPOSED,
    (PlacementStatus.PROPOSED, "withdraw"): PlacementStatus.WITHDRAWN,
    (PlacementStatus.CONFIRMED, "withdraw"): PlacementStatus.WITHDRAWN,
    (PlacementStatus.IN_PROGRESS, "withdraw"): PlacementStatus.WITHDRAWN,
}
ALL_MOVES = ["confirm", "start", "complete", "send_back", "withdraw"]


@pytest.mark.parametrize("status", PlacementStatus.values)
@pytest.mark.parametrize("move", ALL_MOVES)
def test_a_placement_moves_only_along_its_lifecycle(cohort, host, status, move):
    placement = PlacementFactory(cohort=cohort, host_department=host, status=status)
    expected = ALLOWED.get((status, move))
    if expected is None:
        with pytest.raises(ValidationError):
            placement_move(placement=placement, move=move, by=None, reason="Because.")
        assert Placement.objects.get(pk=placement.pk).status == status
    else:
        moved = placement_move(placement=placement, move=move, by=None, reason="Because.")
        assert moved.status == expected
        assert Placement.objects.get(pk=placement.pk).status == expected


@pytest.mark.parametrize(("status", "move"), [(PlacementStatus.PROPOSED, "withdraw"), ("confirmed", "send_back")])
@pytest.mark.parametrize("reason", ["", "   \n "])
def test_withdrawing_and_sending_back_need_a_written_reason(cohort, host, status, move, reason):
    placement = PlacementFactory(cohort=cohort, host_department=host, status=status)
    with pytest.raises(ValidationError) as excinfo:
        placement_move(placement=placement, move=move, by=None, reason=reason)
    assert "needs a written reason" in excinfo.value.messages[0]
    assert Placement.objects.get(pk=placement.pk).status == status


def test_each_move_is_recorded_with_who_when_from_to_and_why(cohort, host):
    coordinator = UserFactory(username="lin")
    placement = PlacementFactory(cohort=cohort, host_department=host)
    placement_move(placement=placement, move="confirm", by=coordinator)
    placement_move(placement=placement, move="withdraw", by=coordinator, reason="Recalled to the home department.")

    changes = list(placement.status_changes.values_list("from_status", "to_status", "reason", "changed_by__username"))
    assert changes == [
        ("proposed", "confirmed", "", "lin"),
        ("confirmed", "withdrawn", "Recalled to the home department.", "lin"),
    ]
    assert all(change.changed_at for change in placement.status_changes.all())
    latest = placement.history.latest()
    assert (latest.status, latest.history_user, latest.history_change_reason) == (
        "withdrawn",
        coordinator,
        "Withdraw: Recalled to the home department.",
    )


def test_a_move_goes_by_the_stored_status_not_a_stale_copy(cohort, host):
    # Another coordinator withdrew the placement after this page was loaded.
    placement = PlacementFactory(cohort=cohort, host_department=host)
    Placement.objects.filter(pk=placement.pk).update(status=PlacementStatus.WITHDRAWN)
    with pytest.raises(ValidationError) as excinfo:
        placement_move(placement=placement, move="confirm", by=None)
    assert excinfo.value.messages == ["Only a proposed placement can be confirmed; this one is marked “Withdrawn”."]


def test_a_move_from_an_older_version_is_refused_as_a_conflict(cohort, host):
    placement = PlacementFactory(cohort=cohort, host_department=host)
    placement_move(placement=placement, move="confirm", by=None, loaded_version=1)
    with pytest.raises(EditConflict):
        placement_move(placement=placement, move="withdraw", by=None, reason="Ill.", loaded_version=1)
    assert Placement.objects.get(pk=placement.pk).status == PlacementStatus.CONFIRMED


def test_confirming_checks_every_rule_again(cohort, host):
    # The host cut its places to one, and another proposal was confirmed first.
    first, second = PlacementFactory.create_batch(2, cohort=cohort, host_department=host)
    HostOffer.objects.filter(cohort=cohort, department=host).update(places=1)
    placement_move(placement=first, move="confirm", by=None)
    with pytest.raises(ValidationError) as excinfo:
        placement_move(placement=second, move="confirm", by=None)
    assert excinfo.value.message_dict == {
        "host_department": ["Futian District Government offered 1 place in this cohort and it is taken."]
    }
    second.refresh_from_db()
    assert second.status == PlacementStatus.PROPOSED


def test_withdrawing_frees_the_place_for_the_next_proposal(cohort, host, new_placement):
    HostOffer.objects.filter(cohort=cohort, department=host).update(places=1)
    taken = PlacementFactory(cohort=cohort, host_department=host)
    with pytest.raises(ValidationError):
        placement_save(placement=new_placement())
    placement_move(placement=taken, move="withdraw", by=None, reason="Declined by the host.")
    placement_save(placement=new_placement())
    assert Placement.objects.active().count() == 1
