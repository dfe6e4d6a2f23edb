from .choices import (
    CohortStatus,
    DepartmentKind,
    EventKind,
    Jurisdiction,
    LengthUnit,
    PlacementStatus,
    Seniority,
    Stream,
)
from .organisation import Department, Field
from .people import Participant
from .placement import ACTIVE_STATUSES, Placement
from .programme import Agreement, Cohort, Event, HostOffer

__all__ = [
    "ACTIVE_STATUSES",
    "Agreement",
    "Cohort",
    "CohortStatus",
    "Department",
    "DepartmentKind",
    "Event",
    "EventKind",
    "Field",
    "HostOffer",
    "Jurisdiction",
    "LengthUnit",
    "Participant",
    "Placement",
    "PlacementStatus",
    "Seniority",
    "Stream",
]
