import datetime as dt
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from .base import Versioned, history, in_reader_language
from .choices import PlacementStatus
from .organisation import Department, Field
from .people import Participant
from .programme import Cohort, HostOffer

# A placement that is not withdrawn holds its officer's time and a host place.
ACTIVE_STATUSES = [s for s in PlacementStatus.values if s != PlacementStatus.WITHDRAWN]
# A placement the officer is told about: a proposal may still change or fall
# through, so its officer sees only that something is being arranged.
SETTLED_STATUSES = [PlacementStatus.CONFIRMED, PlacementStatus.IN_PROGRESS, PlacementStatus.COMPLETED]
# The end-of-placement report opens this many days before the last day.
REPORT_OPENS_DAYS_BEFORE_END = 13
# A placement the host has agreed to holds its place firmly (the same statuses).
CONFIRMED_STATUSES = SETTLED_STATUSES


class PlacementQuerySet(models.QuerySet):
    def active(self) -> "PlacementQuerySet":
        return self.exclude(status=PlacementStatus.WITHDRAWN)

    def overlapping(self, start: dt.date, end: dt.date) -> "PlacementQuerySet":
        """Placements sharing at least one day with [start, end] (both inclusive)."""
        return self.filter(start_date__lte=end, end_date__gte=start)

    def current(self, on: dt.date | None = None) -> "PlacementQuerySet":
        on = on or timezone.localdate()
        return self.active().filter(start_date__lte=on, end_date__gte=on)

    def settled(self) -> "PlacementQuerySet":
        return self.filter(status__in=SETTLED_STATUSES)

    def of_officer(self, user) -> "PlacementQuerySet":
        """The placements of the officer who logs in as `user`; none for anyone else."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(participant__user=user)

    def with_related(self) -> "PlacementQuerySet":
        """Everything a list row shows, in the same query."""
        return self.select_related("participant", "participant__home_department", "cohort", "host_department", "field")


class Placement(Versioned):
    """One officer placed with one host department during one cohort."""

    participant = models.ForeignKey(
        Participant, verbose_name=_("participant"), on_delete=models.PROTECT, related_name="placements"
    )
    cohort = models.ForeignKey(Cohort, verbose_name=_("cohort"), on_delete=models.PROTECT, related_name="placements")
    host_department = models.ForeignKey(
        Department, verbose_name=_("host department"), on_delete=models.PROTECT, related_name="placements"
    )
    field = models.ForeignKey(
        Field, verbose_name=_("field of exchange"), on_delete=models.PROTECT, related_name="placements"
    )
    role_en = models.CharField(
        _("role at the host (English)"),
        max_length=300,
        blank=True,
        help_text=_("e.g. Special assistant to the deputy head of Futian District Government"),
    )
    role_zh = models.CharField(_("role at the host (Chinese)"), max_length=300, blank=True)
    start_date = models.DateField(_("starts on"))
    end_date = models.DateField(_("ends on"))
    status = models.CharField(
        _("status"), max_length=20, choices=PlacementStatus.choices, default=PlacementStatus.PROPOSED
    )
    supervisor_name = models.CharField(_("host supervisor"), max_length=200, blank=True)
    supervisor_title = models.CharField(_("supervisor's title"), max_length=200, blank=True)
    supervisor_contact = models.CharField(
        _("supervisor's contact"), max_length=200, blank=True, help_text=_("Work e-mail or phone.")
    )
    objectives = models.TextField(_("objectives"), blank=True)
    host_feedback = models.TextField(_("host's feedback"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = PlacementQuerySet.as_manager()
    history = history()

    class Meta:
        ordering = ["-start_date", "participant__name_en"]
        verbose_name = _("placement")
        verbose_name_plural = _("placements")
        permissions = [("view_reports", _("Can view programme reports"))]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gt=models.F("start_date")),
                name="placement_ends_after_start",
                violation_error_message=_("A placement must end after it starts."),
            ),
            models.UniqueConstraint(
                fields=["participant", "cohort"],
                name="placement_one_per_participant_per_cohort",
                violation_error_message=_("This officer already has a placement in this cohort."),
            ),
            # On PostgreSQL, migration 0002 adds placement_no_overlap, an
            # exclusion constraint on the participant's date ranges; it is not
            # declared here because its SQL does not exist on SQLite.
        ]
        indexes = [
            # Capacity counts and the cohort report: placements of one host in one cohort.
            models.Index(fields=["cohort", "host_department", "status"], name="placement_cohort_host_idx"),
            # The admin list's default ordering and date hierarchy.
            models.Index(fields=["start_date"], name="placement_start_idx"),
        ]

    def __str__(self) -> str:
        participant = self.participant.name_en if self.participant_id else "?"
        host = self.host_department.name_en if self.host_department_id else "?"
        return f"{participant} → {host}"

    @property
    def role(self) -> str:
        return in_reader_language(self.role_en, self.role_zh)

    @property
    def supervisor_contact_href(self) -> str:
        """A mailto: or tel: link for the supervisor's contact, or "" when it is neither."""
        contact = self.supervisor_contact.strip()
        if re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", contact):
            return f"mailto:{contact}"
        digits = re.sub(r"[\s()-]", "", contact)
        if re.fullmatch(r"\+?\d{6,}", digits):
            return f"tel:{digits}"
        return ""

    @property
    def is_active(self) -> bool:
        return self.status != PlacementStatus.WITHDRAWN

    def duration_days(self) -> int | None:
        """Calendar days from the first to the last day, both counted."""
        if self.start_date and self.end_date:
            return (self.end_date - self.start_date).days + 1
        return None

    def progress(self, today: dt.date | None = None) -> "Progress":
        return Progress(start=self.start_date, end=self.end_date, today=today or timezone.localdate())

    @property
    def report_opens_on(self) -> dt.date:
        """The first day of the placement's last two weeks."""
        return self.end_date - dt.timedelta(days=REPORT_OPENS_DAYS_BEFORE_END)

    def report_is_open(self, today: dt.date | None = None) -> bool:
        """The officer may write the report from the last two weeks on, with no closing date."""
        today = today or timezone.localdate()
        return self.status in SETTLED_STATUSES and today >= self.report_opens_on

    def days_remaining(self, today: dt.date | None = None) -> int | None:
        """Days still to go after today; None before it starts or once it is over."""
        today = today or timezone.localdate()
        if not (self.start_date and self.end_date) or not self.is_active:
            return None
        if today < self.start_date or today > self.end_date:
            return None
        return (self.end_date - today).days

    # -- validation -------------------------------------------------------

    def clean(self) -> None:
        errors = self.own_rule_errors()

        def add(field: str, message: str) -> None:
            errors.setdefault(field, []).append(message)

        if self.participant_id and self._dates_in_order() and self.is_active:
            self._check_no_overlap(add)
        if self.cohort_id and self.host_department_id and self.is_active and "host_department" not in errors:
            self._check_capacity(add)

        if errors:
            raise ValidationError(errors)

    def _dates_in_order(self) -> bool:
        return bool(self.start_date and self.end_date and self.end_date > self.start_date)

    def own_rule_errors(self) -> dict[str, list[str]]:
        """The rules about this placement alone, checked against the related
        records it already holds (cohort with agreement and its fields,
        officer with home department, host, field): no query of their own
        once those are loaded, so the nomination import checks thousands of
        rows this way. Overlaps and capacity, which need the other
        placements, are checked by clean() and, for a whole file, by the import."""
        errors: dict[str, list[str]] = {}

        def add(field: str, message: str) -> None:
            errors.setdefault(field, []).append(message)

        if self.start_date and self.end_date and self.end_date <= self.start_date:
            add("end_date", gettext("A placement must end after it starts."))
        dates_known = self._dates_in_order()

        if self.cohort_id:
            cohort = self.cohort
            if dates_known:
                self._check_within_cohort(cohort, add)
                self._check_standard_length(cohort, add)
            if (self.participant_id or self._participant_attached()) and self.participant.home_department_id:
                self._check_home_side(cohort, add)
            if self.host_department_id:
                self._check_host_side(cohort, add)
            if self.field_id:
                self._check_field_covered(cohort, add)
        return errors

    def _participant_attached(self) -> bool:
        # An officer the import is about to create: not saved yet, but known.
        return self._meta.get_field("participant").is_cached(self) and self.participant is not None

    def _check_within_cohort(self, cohort: Cohort, add) -> None:
        if self.start_date < cohort.start_date:
            add(
                "start_date",
                gettext("The placement starts before its cohort does (%(date)s).")
                % {"date": date_format(cohort.start_date)},
            )
        if self.end_date > cohort.end_date:
            add(
                "end_date",
                gettext("The placement ends after its cohort does (%(date)s).")
                % {"date": date_format(cohort.end_date)},
            )

    def _check_standard_length(self, cohort: Cohort, add) -> None:
        agreement = cohort.agreement
        expected_end = agreement.standard_end(self.start_date)
        if abs((self.end_date - expected_end).days) > agreement.length_tolerance_days:
            add(
                "end_date",
                ngettext(
                    "Placements under %(agreement)s last %(length)s: starting on %(start)s, this one should end "
                    "on %(expected)s, give or take %(tolerance)d day. It lasts %(days)d days.",
                    "Placements under %(agreement)s last %(length)s: starting on %(start)s, this one should end "
                    "on %(expected)s, give or take %(tolerance)d days. It lasts %(days)d days.",
                    agreement.length_tolerance_days,
                )
                % {
                    "agreement": agreement.short_title,
                    "length": agreement.standard_length_display(),
                    "start": date_format(self.start_date),
                    "expected": date_format(expected_end),
                    "tolerance": agreement.length_tolerance_days,
                    "days": self.duration_days(),
                },
            )

    def _check_home_side(self, cohort: Cohort, add) -> None:
        home = self.participant.home_department
        if home.jurisdiction != cohort.home_jurisdiction:
            add(
                "participant",
                gettext("%(name)s works for %(department)s in %(side)s, but this cohort takes officers from %(home)s.")
                % {
                    "name": self.participant.name,
                    "department": home.name,
                    "side": home.get_jurisdiction_display(),
                    "home": cohort.get_home_jurisdiction_display(),
                },
            )

    def _check_host_side(self, cohort: Cohort, add) -> None:
        host = self.host_department
        if host.jurisdiction != cohort.host_jurisdiction:
            add(
                "host_department",
                gettext("%(department)s is in %(side)s, but this cohort is hosted by %(host)s.")
                % {
                    "department": host.name,
                    "side": host.get_jurisdiction_display(),
                    "host": cohort.get_host_jurisdiction_display(),
                },
            )

    def _check_field_covered(self, cohort: Cohort, add) -> None:
        covered = list(cohort.agreement.fields.all())  # prefetched by the import
        if covered and self.field_id not in {field.pk for field in covered}:
            add(
                "field",
                gettext("%(agreement)s does not cover %(field)s.")
                % {"agreement": cohort.agreement.short_title, "field": self.field.name},
            )

    def _check_no_overlap(self, add) -> None:
        clash = (
            Placement.objects.active()
            .filter(participant_id=self.participant_id)
            .overlapping(self.start_date, self.end_date)
            .exclude(pk=self.pk)
            .select_related("host_department")
            .first()
        )
        if clash:
            add(
                "participant",
                gettext("This officer is already placed with %(host)s from %(start)s to %(end)s.")
                % {
                    "host": clash.host_department.name,
                    "start": date_format(clash.start_date),
                    "end": date_format(clash.end_date),
                },
            )

    def _check_capacity(self, add) -> None:
        offers = HostOffer.objects.filter(cohort_id=self.cohort_id, department_id=self.host_department_id)
        if transaction.get_connection().in_atomic_block:
            # Hold the offer row until the transaction ends, so a second
            # coordinator counting the same places waits for this save
            # (PostgreSQL; on SQLite, IMMEDIATE transactions serialise writes).
            offers = offers.select_for_update()
        offer = offers.first()
        if offer is None:
            add(
                "host_department",
                gettext("%(department)s has offered no places in this cohort. Add a host offer first.")
                % {"department": self.host_department.name},
            )
            return
        others = Placement.objects.filter(cohort_id=self.cohort_id, host_department_id=self.host_department_id)
        # A proposal needs a place nobody else holds, proposed or confirmed.
        # A confirmed placement needs one no other confirmed placement holds:
        # when a host cuts its places below the proposals on the table,
        # confirming picks among them, and the first confirmed keeps its place.
        holders = others.filter(status__in=CONFIRMED_STATUSES) if self.status in CONFIRMED_STATUSES else others.active()
        taken = holders.exclude(pk=self.pk).count()
        if taken >= offer.places:
            add(
                "host_department",
                ngettext(
                    "%(department)s offered %(places)d place in this cohort and it is taken.",
                    "%(department)s offered %(places)d places in this cohort and all are taken.",
                    offer.places,
                )
                % {"department": self.host_department.name, "places": offer.places},
            )


@dataclass(frozen=True)
class Progress:
    """How far an officer is through a placement; both end days count."""

    start: dt.date
    end: dt.date
    today: dt.date

    @property
    def total(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def upcoming(self) -> bool:
        return self.today < self.start

    @property
    def over(self) -> bool:
        return self.today > self.end

    @property
    def starts_in(self) -> int:
        return max((self.start - self.today).days, 0)

    @property
    def done(self) -> int:
        """Days spent, today included."""
        return min(max((self.today - self.start).days + 1, 0), self.total)

    @property
    def left(self) -> int:
        """Days still to go after today."""
        return self.total - self.done

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total)
