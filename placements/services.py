"""Operations on placements that the admin, the import and the pages share.

Each runs in one transaction and validates the whole placement inside it,
with the host offer row locked (see Placement._check_capacity), so two
coordinators can never both take a host's last place.
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext

from .models import Placement, PlacementReport, PlacementStatus


@transaction.atomic
def placement_save(*, placement: Placement) -> Placement:
    """Create or update a placement after checking every rule under lock."""
    placement.full_clean()
    placement.save()
    return placement


@transaction.atomic
def placement_confirm(*, placement: Placement) -> Placement:
    """Move a proposed placement to confirmed, re-checking the host's capacity."""
    placement = Placement.objects.select_for_update().get(pk=placement.pk)
    if placement.status != PlacementStatus.PROPOSED:
        raise ValidationError(
            gettext("Only a proposed placement can be confirmed; this one is marked “%(status)s”.")
            % {"status": placement.get_status_display()}
        )
    placement.status = PlacementStatus.CONFIRMED
    placement.full_clean()
    placement.save(update_fields=["status", "updated_at"])
    return placement


@transaction.atomic
def placement_report_submit(
    *, placement: Placement, learned: str, apply_at_home: str, contacts: str, now: dt.datetime | None = None
) -> PlacementReport:
    """File the officer's end-of-placement report, once, from the last two weeks on."""
    now = now or timezone.now()
    # Lock the placement so a double-clicked submit files one report, not two errors.
    placement = Placement.objects.select_for_update().get(pk=placement.pk)
    if PlacementReport.objects.filter(placement=placement).exists():
        raise ValidationError(gettext("The report for this placement has already been submitted."))
    if not placement.report_is_open(timezone.localdate(now)):
        raise ValidationError(
            gettext("The report opens on %(date)s, two weeks before the placement ends.")
            % {"date": date_format(placement.report_opens_on)}
        )
    report = PlacementReport(
        placement=placement, learned=learned, apply_at_home=apply_at_home, contacts=contacts, submitted_at=now
    )
    report.full_clean()
    report.save()
    return report
