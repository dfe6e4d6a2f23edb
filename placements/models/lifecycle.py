"""How a placement moves through its life, and the record of every move.

proposed → confirmed → in progress → completed, or withdrawn from any open
state. A confirmed placement can also be sent back to proposed (the host asks
for other dates, the home department for another officer). Withdrawing and
sending back change what the officer was told, so each needs a written reason.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .choices import PlacementStatus
from .placement import Placement


@dataclass(frozen=True)
class Move:
    name: str
    label: Promise
    to: str
    sources: frozenset[str]
    # Says which placements can make the move; %(status)s is the one refused.
    refusal: Promise
    needs_reason: bool = False


OPEN_STATUSES = frozenset({PlacementStatus.PROPOSED, PlacementStatus.CONFIRMED, PlacementStatus.IN_PROGRESS})

MOVES: dict[str, Move] = {
    move.name: move
    for move in [
        Move(
            "confirm",
            _("Confirm"),
            PlacementStatus.CONFIRMED,
            frozenset({PlacementStatus.PROPOSED}),
            _("Only a proposed placement can be confirmed; this one is marked “%(status)s”."),
        ),
        Move(
            "start",
            _("Mark as in progress"),
            PlacementStatus.IN_PROGRESS,
            frozenset({PlacementStatus.CONFIRMED}),
            _("Only a confirmed placement can be marked as in progress; this one is marked “%(status)s”."),
        ),
        Move(
            "complete",
            _("Mark as completed"),
            PlacementStatus.COMPLETED,
            frozenset({PlacementStatus.IN_PROGRESS}),
            _("Only a placement in progress can be marked as completed; this one is marked “%(status)s”."),
        ),
        Move(
            "send_back",
            _("Send back to proposed"),
            PlacementStatus.PROPOSED,
            frozenset({PlacementStatus.CONFIRMED}),
            _("Only a confirmed placement can be sent back to proposed; this one is marked “%(status)s”."),
            needs_reason=True,
        ),
        Move(
            "withdraw",
            _("Withdraw"),
            PlacementStatus.WITHDRAWN,
            OPEN_STATUSES,
            _("Only a proposed, confirmed or in-progress placement can be withdrawn; this one is marked “%(status)s”."),
            needs_reason=True,
        ),
    ]
}


def moves_from(status: str) -> list[Move]:
    """The moves a placement in `status` can make, in the order buttons show them."""
    return [move for move in MOVES.values() if status in move.sources]


class StatusChange(models.Model):
    """One move of a placement: who made it, when, from where to where, and why."""

    placement = models.ForeignKey(
        Placement, verbose_name=_("placement"), on_delete=models.CASCADE, related_name="status_changes"
    )
    from_status = models.CharField(_("from"), max_length=20, choices=PlacementStatus.choices)
    to_status = models.CharField(_("to"), max_length=20, choices=PlacementStatus.choices)
    reason = models.TextField(_("reason"), blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
    )
    changed_at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        ordering = ["placement", "changed_at", "pk"]
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(from_status=models.F("to_status")),
                name="status_change_moves",
                violation_error_message=_("A status change must change the status."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_from_status_display()} → {self.get_to_status_display()}"
