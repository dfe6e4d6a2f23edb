from .accounts import UserPreference
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
from .documents import Document
from .organisation import Department, Field
from .people import Participant
from .placement import ACTIVE_STATUSES, SETTLED_STATUSES, Placement, Progress
from .programme import Agreement, Cohort, Event, HostOffer
from .report import PlacementReport

__all__ = [
    "ACTIVE_STATUSES",
    "Agreement",
    "Cohort",
    "CohortStatus",
    "Department",
    "Document",
    "DepartmentKind",
    "Event",
    "EventKind",
    "Field",
    "HostOffer",
    "Jurisdiction",
    "LengthUnit",
    "Participant",
    "Placement",
    "PlacementReport",
    "PlacementStatus",
    "Progress",
    "SETTLED_STATUSES",
    "Seniority",
    "Stream",
    "UserPreference",
]
