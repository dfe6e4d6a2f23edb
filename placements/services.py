"""Operations on placements that the admin, the import and the pages share.

Each runs in one transaction and validates the whole placement inside it,
with the host offer row locked (see Placement._check_capacity), so two
coordinators can never both take a host's last place.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext

from .models import Placement, PlacementStatus


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
