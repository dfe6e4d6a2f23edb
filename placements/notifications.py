"""E-mails to officers about their placements.

They are sent only after the change that prompts them is committed
(`transaction.on_commit`): an officer is never told about a change that was
then rolled back. A failure to send is logged and swallowed, because the
change is already committed and must stay so; coordinators see failures in
the log. Each officer reads the e-mail in their own language
(Participant.language), whatever language the coordinator works in.
"""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from .models import Department, NotificationSetting, Placement

logger = logging.getLogger(__name__)


def notify_officer(placement: Placement, kind: str, *, before: dict | None = None) -> None:
    """E-mail the officer about `placement` once the current transaction commits,
    unless coordinators switched this kind of e-mail off.

    `before`: for a change, the values the officer was last told about.
    """
    if not NotificationSetting.is_enabled(kind):
        return
    placement_id = placement.pk
    transaction.on_commit(lambda: send_officer_email(placement_id, kind, before=before))


def send_officer_email(placement_id: int, kind: str, *, before: dict | None = None) -> bool:
    """Render and send one e-mail; True if it went out. Never raises."""
    try:
        placement = Placement.objects.with_related().get(pk=placement_id)
        officer = placement.participant
        if not officer.work_email:
            logger.warning("No e-mail for placement %s (%s): the officer has no work e-mail", placement_id, kind)
            return False
        with translation.override(officer.language or settings.LANGUAGE_CODE):
            context = {
                "placement": placement,
                "officer": officer,
                "PROGRAMME_NAME": settings.PROGRAMME_NAME,
                **previous_values(before),
            }
            subject = render_to_string(f"emails/placement_{kind}_subject.txt", context)
            body = render_to_string(f"emails/placement_{kind}.txt", context)
        send_mail(" ".join(subject.split()), body, None, [officer.work_email])
    except Exception:
        # The change is committed; losing the e-mail must not lose it.
        logger.exception("Could not e-mail the officer about placement %s (%s)", placement_id, kind)
        return False
    return True


def previous_values(before: dict | None) -> dict:
    if not before:
        return {}
    host_id = before.get("host_department_id")
    return {
        "previous_start": before.get("start_date"),
        "previous_end": before.get("end_date"),
        "previous_host": Department.objects.filter(pk=host_id).first() if host_id else None,
    }
