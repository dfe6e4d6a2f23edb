"""Moving placements through their lifecycle in the admin: actions on the list
(one or many) and buttons on a placement's page, all through one service."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from placements.models import Placement, PlacementStatus, StatusChange
from tests.factories import PlacementFactory, UserFactory

CHANGELIST = reverse("admin:placements_placement_changelist")


def messages_of(response) -> list[str]:
    return [m.message for m in get_messages(response.wsgi_request)]


@pytest.mark.parametrize(
    ("action", "start", "end"),
    [
        ("confirm_placements", PlacementStatus.PROPOSED, PlacementStatus.CONFIRMED),
        ("start_placements", PlacementStatus.CONFIRMED, PlacementStatus.IN_PROGRESS),
        ("complete_placements", PlacementStatus.IN_PROGRESS, PlacementStatus.COMPLETED),
    ],
)
def test_coordinator_moves_several_placements_at_once(coordinator_client, action, start, end):
    placements = PlacementFactory.create_batch(2, status=start)
    response = coordinator_client.post(CHANGELIST, {"action": action, "_selected_action": [p.pk for p in placements]})
    assert response.status_code == 302
    assert set(Placement.objects.values_list("status", flat=True)) == {end}
    assert StatusChange.objects.filter(from_status=start, to_status=end).count() == 2


def test_withdrawing_from_the_list_asks_for_a_reason_first(coordinator_client):
    placements = PlacementFactory.create_batch(2, status=PlacementStatus.CONFIRMED)
    selected = {"action": "withdraw_placements", "_selected_action": [p.pk for p in placements]}

    asked = coordinator_client.post(CHANGELIST, selected)
    assert asked.status_code == 200
    assert asked.templates[0].name == "admin/placements/placement/move.html"
    assert 'name="reason"' in asked.content.decode()

    empty = coordinator_client.post(CHANGELIST, selected | {"reason_given": "1", "reason": "  "})
    assert "Write down the reason" in empty.content.decode()
    assert set(Placement.objects.values_list("status", flat=True)) == {PlacementStatus.CONFIRMED}

    done = coordinator_client.post(CHANGELIST, selected | {"reason_given": "1", "reason": "The host cancelled."})
    assert done.status_code == 302
    assert messages_of(done) == ["2 placements are now “Withdrawn”."]
    assert set(StatusChange.objects.values_list("reason", flat=True)) == {"The host cancelled."}


def test_a_move_that_is_not_allowed_is_refused_with_a_message(coordinator_client):
    placement = PlacementFactory(status=PlacementStatus.COMPLETED, participant__name_en="CHAN Tai-man")
    response = coordinator_client.post(
        CHANGELIST,
        {
            "action": "withdraw_placements",
            "_selected_action": [placement.pk],
            "reason_given": "1",
            "reason": "Why not.",
        },
    )
    (message,) = messages_of(response)
    assert message.endswith(
        "Only a proposed, confirmed or in-progress placement can be withdrawn; this one is marked “Completed”."
    )
    assert Placement.objects.get().status == PlacementStatus.COMPLETED


def test_a_placements_page_offers_the_moves_its_status_allows(coordinator_client):
    placement = PlacementFactory(status=PlacementStatus.CONFIRMED)
    response = coordinator_client.get(reverse("admin:placements_placement_change", args=[placement.pk]))
    assert [move.name for move in response.context["moves"]] == ["start", "send_back", "withdraw"]
    assert reverse("admin:placements_placement_move", args=[placement.pk, "send_back"]) in response.content.decode()


def test_coordinator_sends_a_placement_back_from_its_page_with_a_reason(coordinator_client, coordinator):
    placement = PlacementFactory(status=PlacementStatus.CONFIRMED)
    url = reverse("admin:placements_placement_move", args=[placement.pk, "send_back"])
    assert coordinator_client.get(url + "?version=1").status_code == 200

    response = coordinator_client.post(
        url, {f"_version_{placement.pk}": 1, "reason": "The host asks for other dates.", "reason_given": "1"}
    )
    assert response.status_code == 302
    assert response.url == reverse("admin:placements_placement_change", args=[placement.pk])
    change = StatusChange.objects.get()
    assert (change.from_status, change.to_status, change.reason, change.changed_by) == (
        "confirmed",
        "proposed",
        "The host asks for other dates.",
        coordinator,
    )


def test_each_move_is_shown_on_the_placement(coordinator_client):
    placement = PlacementFactory()
    coordinator_client.post(CHANGELIST, {"action": "confirm_placements", "_selected_action": [placement.pk]})
    coordinator_client.post(
        reverse("admin:placements_placement_move", args=[placement.pk, "withdraw"]),
        {"reason": "Recalled to Hong Kong.", "reason_given": "1"},
    )
    page = coordinator_client.get(reverse("admin:placements_placement_change", args=[placement.pk])).content.decode()
    assert "<td>coord</td><td>Proposed → Confirmed</td><td>-</td>" in page
    assert "<td>coord</td><td>Confirmed → Withdrawn</td><td>Recalled to Hong Kong.</td>" in page


def test_the_status_cannot_be_typed_into_the_form(coordinator_client):
    placement = PlacementFactory()
    response = coordinator_client.get(reverse("admin:placements_placement_change", args=[placement.pk]))
    assert "status" not in response.context["adminform"].form.fields


def test_a_move_view_for_someone_without_change_permission_is_refused(client, db):
    from django.contrib.auth.models import Permission

    viewer = UserFactory(username="viewer", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_placement"))
    client.force_login(viewer)
    placement = PlacementFactory()
    response = client.post(
        reverse("admin:placements_placement_move", args=[placement.pk, "confirm"]), {"reason_given": "1"}
    )
    assert response.status_code == 403
    assert Placement.objects.get().status == PlacementStatus.PROPOSED


# -- history: readable, never rewritten ----------------------------------------------


def test_coordinators_read_history_with_readable_changes(coordinator_client):
    placement = PlacementFactory()
    url = reverse("admin:placements_placement_move", args=[placement.pk, "confirm"])
    coordinator_client.post(url, {"reason_given": "1"})
    response = coordinator_client.get(reverse("admin:placements_placement_history", args=[placement.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "<strong>Status:</strong>\n                    Proposed" in page
    assert "Revert" not in page


def test_history_cannot_be_rewritten_through_the_admin(coordinator_client):
    placement = PlacementFactory(role_en="Adviser")
    record = placement.history.get()
    url = reverse("admin:placements_placement_simple_history", args=[placement.pk, record.history_id])
    assert coordinator_client.get(url).status_code == 200
    assert coordinator_client.post(url, {"role_en": "Rewritten"}).status_code == 403
    placement.refresh_from_db()
    assert placement.role_en == "Adviser"


def test_coordinators_may_only_view_history_models(coordinator):
    history_permissions = {p for p in coordinator.get_all_permissions() if "historical" in p}
    assert history_permissions and all(p.split(".")[1].startswith("view_") for p in history_permissions)
    assert "placements.add_statuschange" not in coordinator.get_all_permissions()


def test_coordinators_switch_an_email_kind_off_in_the_list(coordinator_client):
    from placements.models import NotificationSetting

    setting = NotificationSetting.objects.get(kind="changed")
    response = coordinator_client.post(
        reverse("admin:placements_notificationsetting_changelist"),
        {
            "form-TOTAL_FORMS": 1,
            "form-INITIAL_FORMS": 1,
            "form-0-id": setting.pk,
            "_save": "Save",
        },
    )
    assert response.status_code == 302
    assert not NotificationSetting.is_enabled("changed")
