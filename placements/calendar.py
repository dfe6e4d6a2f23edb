"""The assignment as an iCalendar file (RFC 5545) for Outlook, Google and Apple calendars.

The placement is one all-day event spanning its days (DTEND is the day after
the last one, as all-day events require), marked free so it does not block
the officer's calendar; each programme event follows with its times in UTC,
which every calendar program converts to the reader's zone. UIDs are stable,
so importing the file again updates the entries instead of duplicating them.
"""

import datetime as dt

import icalendar
from django.conf import settings
from django.utils.translation import gettext

from .assignment import Assignment
from .models import Event, Placement


def assignment_calendar(assignment: Assignment, *, domain: str) -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Civil Servant Exchange Programme//exchange-programme//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", str(settings.PROGRAMME_NAME))
    stamp = assignment.now.astimezone(dt.UTC)
    if assignment.current is not None:
        calendar.add_component(_placement_entry(assignment.current, domain=domain, stamp=stamp))
    for event in assignment.events:
        calendar.add_component(_event_entry(event, domain=domain, stamp=stamp))
    return calendar.to_ical()


def _placement_entry(placement: Placement, *, domain: str, stamp: dt.datetime) -> icalendar.Event:
    host = placement.host_department
    entry = icalendar.Event()
    entry.add("uid", f"placement-{placement.pk}@{domain}")
    entry.add("dtstamp", stamp)
    entry.add("dtstart", placement.start_date)
    entry.add("dtend", placement.end_date + dt.timedelta(days=1))
    entry.add("summary", gettext("Placement: %(host)s") % {"host": host.name})
    entry.add("transp", "TRANSPARENT")
    if host.address:
        entry.add("location", host.address)
    lines = [placement.role, placement.cohort.name]
    if placement.supervisor_name:
        supervisor = ", ".join(
            part
            for part in (placement.supervisor_name, placement.supervisor_title, placement.supervisor_contact)
            if part
        )
        lines.append(gettext("Report to: %(supervisor)s") % {"supervisor": supervisor})
    entry.add("description", "\n".join(line for line in lines if line))
    return entry


def _event_entry(event: Event, *, domain: str, stamp: dt.datetime) -> icalendar.Event:
    entry = icalendar.Event()
    entry.add("uid", f"event-{event.pk}@{domain}")
    entry.add("dtstamp", stamp)
    entry.add("dtstart", event.starts_at.astimezone(dt.UTC))
    if event.ends_at:
        entry.add("dtend", event.ends_at.astimezone(dt.UTC))
    entry.add("summary", event.title)
    entry.add("categories", [str(event.get_kind_display())])
    if event.venue:
        entry.add("location", event.venue)
    return entry
