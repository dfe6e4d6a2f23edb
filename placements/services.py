"""Operations on placements that the admin, the import and the pages share.

Each runs in one transaction and validates the whole placement inside it,
with the host offer row locked (see Placement._check_capacity), so two
coordinators can never both take a host's last place. Each also locks the
placement's own row and checks the version the caller loaded
(placements.concurrency), so no save silently overwrites another.
"""

import datetime as dt

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext

from . import notifications
from .concurrency import lock_current
from .models import MOVES, NotificationKind, Participant, Placement, PlacementReport, PlacementStatus, StatusChange

# The officer has been told about these placements, so changes reach them.
TOLD_STATUSES = {PlacementStatus.CONFIRMED, PlacementStatus.IN_PROGRESS}
# What the officer is told about when it changes.
NOTICEABLE_FIELDS = ["start_date", "end_date", "host_department_id"]


def refused_by_database(error: IntegrityError) -> ValidationError | None:
    """The message for a rule the database enforced because two saves raced past
    validation at the same moment; None for anything else."""
    cause = error.__cause__
    diag = getattr(cause, "diag", None)
    text = f"{getattr(diag, 'constraint_name', '')} {error}"
    if "placement_no_overlap" in text:
        return ValidationError(
            {
                "participant": gettext(
                    "Another coordinator has just placed this officer at the same time; nothing was saved. "
                    "Reload to see their placement."
                )
            }
        )
    if "placement_one_per_participant_per_cohort" in text or "placement.participant_id, placements_placement" in text:
        return ValidationError(
            {
                "participant": gettext(
                    "Another coordinator has just placed this officer in this cohort; nothing was saved. "
                    "Reload to see their placement."
                )
            }
        )
    return None


def save_guarded(placement: Placement, **kwargs) -> None:
    """Save, turning a constraint the database enforced into a message."""
    try:
        with transaction.atomic():  # a savepoint: the caller's transaction stays usable
            placement.save(**kwargs)
    except IntegrityError as error:
        refusal = refused_by_database(error)
        if refusal is None:
            raise
        raise refusal from error


@transaction.atomic
def placement_save(
    *, placement: Placement, loaded_version: int | None = None, by: AbstractBaseUser | None = None
) -> Placement:
    """Create or update a placement after checking every rule under lock.

    `loaded_version`: the version the coordinator's form started from; a
    placement saved by someone else since is refused (EditConflict). The
    status is not changed here: that is placement_move's job.
    """
    stored = None
    if not placement._state.adding:
        stored = lock_current(placement, loaded_version=loaded_version)
        if placement.status != stored.status:
            raise ValidationError(
                {"status": gettext("The status changes only through its actions: confirm, withdraw, and so on.")}
            )
    if placement.participant_id:
        # Saves for one officer queue here, so the second sees the first's
        # placement when it checks for overlaps (the database's exclusion
        # constraint is the last resort, see save_guarded).
        Participant.objects.select_for_update().filter(pk=placement.participant_id).first()
    placement.full_clean()
    if by is not None:
        placement._history_user = by
    save_guarded(placement)
    if stored is not None and placement.status in TOLD_STATUSES:
        before = {name: getattr(stored, name) for name in NOTICEABLE_FIELDS}
        if any(getattr(placement, name) != value for name, value in before.items()):
            notifications.notify_officer(placement, NotificationKind.CHANGED, before=before)
    return placement


@transaction.atomic
def placement_move(
    *,
    placement: Placement,
    move: str,
    by: AbstractBaseUser | None,
    reason: str = "",
    loaded_version: int | None = None,
) -> Placement:
    """Move a placement one step in its life (see placements.models.lifecycle.MOVES).

    The move is checked against the stored status, not the caller's copy;
    confirming re-checks every rule, the host's capacity under lock included.
    Records who moved it, when, from where to where and why, and e-mails the
    officer after the commit when the move concerns them.
    """
    step = MOVES.get(move)
    if step is None:
        raise ValidationError(gettext("Unknown action."))
    reason = reason.strip()
    current = lock_current(placement, loaded_version=loaded_version)
    if current.status not in step.sources:
        raise ValidationError(step.refusal % {"status": current.get_status_display()})
    if step.needs_reason and not reason:
        raise ValidationError(
            gettext("“%(action)s” needs a written reason: say why, for the record.") % {"action": step.label}
        )
    from_status = current.status
    current.status = step.to
    current.version += 1
    if step.to == PlacementStatus.CONFIRMED:
        current.full_clean()
    current._history_user = by
    current._change_reason = f"{step.label}: {reason}" if reason else str(step.label)
    save_guarded(current, update_fields=["status", "version", "updated_at"])
    StatusChange.objects.create(
        placement=current, from_status=from_status, to_status=step.to, reason=reason, changed_by=by
    )
    if step.to == PlacementStatus.CONFIRMED:
        notifications.notify_officer(current, NotificationKind.CONFIRMED)
    elif step.to == PlacementStatus.WITHDRAWN:
        notifications.notify_officer(current, NotificationKind.WITHDRAWN)
    return current


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
