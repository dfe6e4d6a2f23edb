from .accounts import UserPreference
from .audit import AuditEvent, AuditKind
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
from .freshness import DataStamp
from .imports import NominationImport
from .lifecycle import MOVES, Move, StatusChange, moves_from
from .notifications import NotificationKind, NotificationSetting
from .organisation import Department, Field
from .people import Participant
from .placement import ACTIVE_STATUSES, CONFIRMED_STATUSES, SETTLED_STATUSES, Placement, Progress
from .programme import Agreement, Cohort, Event, HostOffer
from .report import PlacementReport

__all__ = [
    "AuditEvent",
    "AuditKind",
    "ACTIVE_STATUSES",
    "CONFIRMED_STATUSES",
    "MOVES",
    "Move",
    "NominationImport",
    "NotificationKind",
    "NotificationSetting",
    "StatusChange",
    "moves_from",
    "Agreement",
    "Cohort",
    "CohortStatus",
    "DataStamp",
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
