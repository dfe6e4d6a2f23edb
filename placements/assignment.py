"""What an officer's assignment page shows, gathered in a fixed number of queries.

/my/ and /my/calendar.ics read the same Assignment, so the page and the
calendar file never disagree about which placement is the officer's current
one. Queries: the officer's placements with everything a row shows (one),
then, when there is a current placement, its cohort's events (one) and its
documents (one) — however many placements and events there are.
"""

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from .models import Document, Event, Participant, Placement, PlacementStatus, Progress
from .models.placement import SETTLED_STATUSES


@dataclass(frozen=True)
class Assignment:
    participant: Participant
    now: dt.datetime
    # The placement the page is about: the one under way, else the next one,
    # else (when nothing is coming) the last one, whose report may still be due.
    current: Placement | None
    # A proposal is being arranged and nothing confirmed is coming.
    arranging: bool
    earlier: list[Placement]
    events: list[Event]
    next_event: Event | None
    documents: list[Document]

    @property
    def today(self) -> dt.date:
        return timezone.localdate(self.now)

    @property
    def progress(self) -> Progress | None:
        return self.current.progress(self.today) if self.current else None

    @property
    def report_is_open(self) -> bool:
        return bool(self.current and self.current.report_is_open(self.today))


def assignment_for(participant: Participant, *, now: dt.datetime | None = None) -> Assignment:
    now = now or timezone.now()
    today = timezone.localdate(now)
    placements = list(
        participant.placements.active()
        .select_related("cohort__agreement", "host_department", "field", "report")
        .order_by("-start_date")
    )
    settled = [p for p in placements if p.status in SETTLED_STATUSES]
    coming = [p for p in settled if p.end_date >= today]
    arranging = any(p.status == PlacementStatus.PROPOSED and p.end_date >= today for p in placements)

    if coming:
        current = min(coming, key=lambda p: p.start_date)
    elif settled and not arranging:
        current = settled[0]
    else:
        current = None
    earlier = [p for p in settled if p is not current and p.end_date < today]

    events: list[Event] = []
    documents: list[Document] = []
    if current is not None:
        events = list(current.cohort.events.order_by("starts_at", "pk"))
        documents = list(Document.objects.for_placement(current).order_by("title", "pk"))
    next_event = next((e for e in events if (e.ends_at or e.starts_at) >= now), None)

    return Assignment(
        participant=participant,
        now=now,
        current=current,
        arranging=current is None and arranging,
        earlier=earlier,
        events=events,
        next_event=next_event,
        documents=documents,
    )
