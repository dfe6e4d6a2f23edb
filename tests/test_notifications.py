"""Officers hear about their placement by e-mail, in their own language, once
the change is committed; a failure to send never undoes the change."""

import logging

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from placements import notifications
from placements.models import NotificationSetting, Placement, PlacementStatus
from placements.services import placement_move, placement_save
from tests.factories import PlacementFactory, ShenzhenDepartmentFactory


@pytest.fixture
def placement(db):
    return PlacementFactory(
        participant__name_en="CHAN Tai-man",
        participant__work_email="tmchan@pland.gov.hk",
        host_department=ShenzhenDepartmentFactory(name_en="Futian District Government", name_zh="福田区人民政府"),
    )


def test_confirming_e_mails_the_officer_after_the_commit(placement, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        placement_move(placement=placement, move="confirm", by=None)
    assert mail.outbox == []  # nothing before the commit
    for callback in callbacks:
        callback()
    (message,) = mail.outbox
    assert message.to == ["tmchan@pland.gov.hk"]
    assert message.subject == "Your placement with Futian District Government is confirmed"
    assert "Dear CHAN Tai-man," in message.body
    assert "From: Dec. 15, 2023" in message.body


def test_a_refused_move_sends_nothing(placement, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError):
        placement_move(placement=placement, move="complete", by=None)
    assert mail.outbox == []


def test_the_officer_reads_it_in_their_own_language(placement, django_capture_on_commit_callbacks):
    placement.participant.language = "zh-hans"
    placement.participant.save()
    with django_capture_on_commit_callbacks(execute=True):
        placement_move(placement=placement, move="confirm", by=None)
    (message,) = mail.outbox
    # The officer's language picks the host's Chinese name, whatever the coordinator reads.
    assert "福田区人民政府" in message.subject


def test_changing_dates_or_host_of_a_confirmed_placement_tells_the_officer(
    placement, django_capture_on_commit_callbacks
):
    Placement.objects.filter(pk=placement.pk).update(status=PlacementStatus.CONFIRMED)
    placement.refresh_from_db()
    placement.end_date = placement.end_date.replace(day=20)
    with django_capture_on_commit_callbacks(execute=True):
        placement_save(placement=placement)
    (message,) = mail.outbox
    assert message.subject == "Your placement has changed"
    assert "To: March 20, 2024 (was March 14, 2024)" in message.body


def test_other_changes_and_changes_to_proposals_send_nothing(placement, django_capture_on_commit_callbacks):
    placement.end_date = placement.end_date.replace(day=20)  # still proposed: the officer was told nothing yet
    with django_capture_on_commit_callbacks(execute=True):
        placement_save(placement=placement)
    Placement.objects.filter(pk=placement.pk).update(status=PlacementStatus.CONFIRMED)
    placement.refresh_from_db()
    placement.objectives = "Transport planning."
    with django_capture_on_commit_callbacks(execute=True):
        placement_save(placement=placement)
    assert mail.outbox == []


def test_withdrawing_tells_the_officer(placement, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        placement_move(placement=placement, move="withdraw", by=None, reason="Internal: budget.")
    (message,) = mail.outbox
    assert message.subject == "Your placement has been withdrawn"
    assert "budget" not in message.body  # the reason is for the record, not for the e-mail


@pytest.mark.parametrize(("kind", "move"), [("confirmed", "confirm"), ("withdrawn", "withdraw")])
def test_coordinators_can_switch_each_kind_off(placement, django_capture_on_commit_callbacks, kind, move):
    NotificationSetting.objects.filter(kind=kind).update(enabled=False)
    with django_capture_on_commit_callbacks(execute=True):
        placement_move(placement=placement, move=move, by=None, reason="Because.")
    assert mail.outbox == []


def test_a_failure_to_send_is_logged_and_the_change_stays(
    placement, django_capture_on_commit_callbacks, monkeypatch, caplog
):
    def broken(*args, **kwargs):
        raise ConnectionRefusedError("SMTP server down")

    monkeypatch.setattr(notifications, "send_mail", broken)
    with (
        caplog.at_level(logging.ERROR, logger="placements.notifications"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        placement_move(placement=placement, move="confirm", by=None)
    assert Placement.objects.get(pk=placement.pk).status == PlacementStatus.CONFIRMED
    (record,) = caplog.records
    assert record.getMessage() == f"Could not e-mail the officer about placement {placement.pk} (confirmed)"
    assert "SMTP server down" in record.exc_text


def test_an_officer_without_an_e_mail_address_is_skipped_with_a_warning(placement, caplog):
    placement.participant.work_email = ""
    placement.participant.save()
    assert notifications.send_officer_email(placement.pk, "confirmed") is False
    assert mail.outbox == []
