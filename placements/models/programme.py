import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from .base import Versioned, add_months, bilingual, history, in_reader_language
from .choices import CohortStatus, EventKind, Jurisdiction, LengthUnit
from .organisation import Department, Field


class AgreementQuerySet(models.QuerySet):
    def in_force(self, on: dt.date) -> "AgreementQuerySet":
        return self.filter(Q(in_force_until__isnull=True) | Q(in_force_until__gte=on), in_force_from__lte=on)


class Agreement(Versioned):
    """The agreement a programme runs under, and the rules it sets for placements."""

    title_en = models.CharField(_("title (English)"), max_length=300)
    title_zh = models.CharField(_("title (Chinese)"), max_length=300, blank=True)
    short_title = models.CharField(
        _("short title"), max_length=80, help_text=_("How coordinators refer to it, e.g. “GBA–HK 2023”.")
    )
    parties_en = models.TextField(_("parties (English)"), help_text=_("One party per line."))
    parties_zh = models.TextField(_("parties (Chinese)"), blank=True)
    signed_on = models.DateField(_("signed on"))
    in_force_from = models.DateField(_("in force from"))
    in_force_until = models.DateField(
        _("in force until"), null=True, blank=True, help_text=_("Leave empty while it has no end date.")
    )
    standard_length = models.PositiveSmallIntegerField(_("standard placement length"), default=3)
    standard_length_unit = models.CharField(
        _("unit"), max_length=10, choices=LengthUnit.choices, default=LengthUnit.MONTHS
    )
    length_tolerance_days = models.PositiveSmallIntegerField(
        _("tolerance (days)"),
        default=14,
        help_text=_("How many days a placement may end before or after its standard length."),
    )
    fields = models.ManyToManyField(
        Field,
        verbose_name=_("fields of exchange"),
        blank=True,
        related_name="agreements",
        help_text=_("Leave empty if the agreement does not limit the fields."),
    )
    document = models.FileField(_("signed document"), upload_to="agreements/", blank=True)

    objects = AgreementQuerySet.as_manager()
    history = history(m2m_fields=[fields])

    class Meta:
        ordering = ["-signed_on"]
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        constraints = [
            models.CheckConstraint(
                condition=Q(in_force_until__isnull=True) | Q(in_force_until__gt=models.F("in_force_from")),
                name="agreement_in_force_until_after_from",
                violation_error_message=_("An agreement must stay in force after the day it comes into force."),
            ),
            models.CheckConstraint(
                condition=Q(standard_length__gt=0),
                name="agreement_standard_length_positive",
                violation_error_message=_("The standard placement length must be at least 1."),
            ),
        ]

    def __str__(self) -> str:
        return self.short_title

    @property
    def title(self) -> str:
        return in_reader_language(self.title_en, self.title_zh)

    def clean(self) -> None:
        if self.signed_on and self.in_force_from and self.in_force_from < self.signed_on:
            raise ValidationError(
                {"in_force_from": gettext("An agreement cannot come into force before it is signed.")}
            )
        if self.pk and self.in_force_from and self.standard_length:
            errors = self._cohort_errors()
            if errors:
                raise ValidationError(errors)

    def _cohort_errors(self) -> dict[str, str]:
        """New dates or a new standard length must still hold the cohorts and
        the placements already made under the agreement (withdrawn ones
        aside): a change for the future is a new agreement. Only what changed
        is checked."""
        stored = (
            Agreement.objects.filter(pk=self.pk)
            .values(
                "in_force_from", "in_force_until", "standard_length", "standard_length_unit", "length_tolerance_days"
            )
            .first()
        )
        if stored is None:
            return {}
        errors = {}
        cohorts = self.cohorts.all()
        if self.in_force_from > stored["in_force_from"]:
            early = cohorts.filter(start_date__lt=self.in_force_from).count()
            if early:
                errors["in_force_from"] = ngettext(
                    "%(n)d cohort under this agreement starts before this date.",
                    "%(n)d cohorts under this agreement start before this date.",
                    early,
                ) % {"n": early}
        if self.in_force_until and self.in_force_until != stored["in_force_until"]:
            late = cohorts.filter(end_date__gt=self.in_force_until).count()
            if late:
                errors["in_force_until"] = ngettext(
                    "%(n)d cohort under this agreement ends after this date.",
                    "%(n)d cohorts under this agreement end after this date.",
                    late,
                ) % {"n": late}
        length = (self.standard_length, self.standard_length_unit, self.length_tolerance_days)
        if length != (stored["standard_length"], stored["standard_length_unit"], stored["length_tolerance_days"]):
            from .placement import Placement

            placements = Placement.objects.filter(cohort__agreement=self).active().values_list("start_date", "end_date")
            off_length = self.placements_off_length(placements)
            if off_length:
                errors["standard_length"] = ngettext(
                    "%(n)d placement under this agreement would no longer last %(length)s. "
                    "To change the length for new cohorts, enter a new agreement.",
                    "%(n)d placements under this agreement would no longer last %(length)s. "
                    "To change the length for new cohorts, enter a new agreement.",
                    off_length,
                ) % {"n": off_length, "length": self.standard_length_display()}
        return errors

    def placements_off_length(self, placements) -> int:
        """How many of these (start, end) pairs are not of this agreement's
        standard length, give or take its tolerance (Placement's own rule)."""
        return sum(abs((end - self.standard_end(start)).days) > self.length_tolerance_days for start, end in placements)

    def standard_end(self, start: dt.date) -> dt.date:
        """The last day of a placement of standard length starting on `start`:
        the day before the same weekday n weeks later, or the day before the
        same day of the month n months later."""
        if self.standard_length_unit == LengthUnit.WEEKS:
            return start + dt.timedelta(weeks=self.standard_length, days=-1)
        same_day_later = add_months(start, self.standard_length)
        if same_day_later.day < start.day:
            # That month has no such day (30 November + 3 months): the
            # placement runs to the month's last day, 29 February, not the day
            # before it.
            return same_day_later
        return same_day_later - dt.timedelta(days=1)

    def standard_length_display(self) -> str:
        if self.standard_length_unit == LengthUnit.WEEKS:
            return ngettext("%(n)d week", "%(n)d weeks", self.standard_length) % {"n": self.standard_length}
        return ngettext("%(n)d month", "%(n)d months", self.standard_length) % {"n": self.standard_length}

    def covers(self, start: dt.date, end: dt.date) -> bool:
        return self.in_force_from <= start and (self.in_force_until is None or end <= self.in_force_until)


class CohortQuerySet(models.QuerySet):
    def with_agreement(self) -> "CohortQuerySet":
        return self.select_related("agreement")


class Cohort(Versioned):
    """One batch of officers sent from one side to the other under an agreement."""

    agreement = models.ForeignKey(
        Agreement, verbose_name=_("agreement"), on_delete=models.PROTECT, related_name="cohorts"
    )
    name_en = models.CharField(_("name (English)"), max_length=200)
    name_zh = models.CharField(_("name (Chinese)"), max_length=200, blank=True)
    home_jurisdiction = models.CharField(
        _("home side"),
        max_length=20,
        choices=Jurisdiction.choices,
        default=Jurisdiction.HKSAR,
        help_text=_("Where the officers come from."),
    )
    host_jurisdiction = models.CharField(
        _("host city"),
        max_length=20,
        choices=Jurisdiction.choices,
        help_text=_("Where the officers are placed."),
    )
    start_date = models.DateField(_("starts on"))
    end_date = models.DateField(_("ends on"))
    status = models.CharField(_("status"), max_length=20, choices=CohortStatus.choices, default=CohortStatus.PLANNING)

    objects = CohortQuerySet.as_manager()
    history = history()

    class Meta:
        ordering = ["-start_date", "name_en"]
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gt=models.F("start_date")),
                name="cohort_ends_after_start",
                violation_error_message=_("A cohort must end after it starts."),
            ),
            models.CheckConstraint(
                condition=~Q(home_jurisdiction=models.F("host_jurisdiction")),
                name="cohort_home_differs_from_host",
                violation_error_message=_("The home side and the host city must differ."),
            ),
        ]
        indexes = [
            # Reports group cohorts by host city and year.
            models.Index(fields=["host_jurisdiction", "start_date"], name="cohort_host_start_idx"),
        ]

    def __str__(self) -> str:
        return bilingual(self.name_en, self.name_zh)

    @property
    def name(self) -> str:
        return in_reader_language(self.name_en, self.name_zh)

    def clean(self) -> None:
        if not (self.start_date and self.end_date and self.agreement_id):
            return
        agreement = self.agreement
        errors = {}
        if self.start_date < agreement.in_force_from:
            errors["start_date"] = gettext("The cohort starts before its agreement comes into force (%(date)s).") % {
                "date": date_format(agreement.in_force_from)
            }
        if agreement.in_force_until and self.end_date > agreement.in_force_until:
            errors["end_date"] = gettext("The cohort ends after its agreement expires (%(date)s).") % {
                "date": date_format(agreement.in_force_until)
            }
        if self.pk and not errors:
            errors = self._placement_errors(agreement)
        if errors:
            raise ValidationError(errors)

    def _placement_errors(self, agreement: Agreement) -> dict[str, str]:
        """Dates moved in, or another agreement, must still hold the officers
        already placed (withdrawn ones aside): move or shorten those first.
        Only what changed is checked, so a cohort can always be renamed."""
        stored = Cohort.objects.filter(pk=self.pk).values("start_date", "end_date", "agreement_id").first()
        if stored is None:
            return {}
        errors = {}
        placements = list(self.placements.active().values_list("start_date", "end_date"))
        early = (
            sum(start < self.start_date for start, _end in placements) if self.start_date > stored["start_date"] else 0
        )
        late = sum(end > self.end_date for _start, end in placements) if self.end_date < stored["end_date"] else 0
        if early:
            errors["start_date"] = ngettext(
                "%(n)d placement of this cohort starts before this date; move it first.",
                "%(n)d placements of this cohort start before this date; move them first.",
                early,
            ) % {"n": early}
        if late:
            errors["end_date"] = ngettext(
                "%(n)d placement of this cohort ends after this date; move it first.",
                "%(n)d placements of this cohort end after this date; move them first.",
                late,
            ) % {"n": late}
        off_length = agreement.placements_off_length(placements) if self.agreement_id != stored["agreement_id"] else 0
        if off_length:
            errors["agreement"] = ngettext(
                "%(n)d placement of this cohort does not last %(length)s, as placements under %(agreement)s must.",
                "%(n)d placements of this cohort do not last %(length)s, as placements under %(agreement)s must.",
                off_length,
            ) % {"n": off_length, "length": agreement.standard_length_display(), "agreement": agreement.short_title}
        return errors


class HostOffer(Versioned):
    """The places a host department offers to one cohort (its capacity)."""

    cohort = models.ForeignKey(Cohort, verbose_name=_("cohort"), on_delete=models.CASCADE, related_name="host_offers")
    department = models.ForeignKey(
        Department, verbose_name=_("host department"), on_delete=models.PROTECT, related_name="offers"
    )
    places = models.PositiveSmallIntegerField(_("places offered"), default=1)

    history = history()

    class Meta:
        ordering = ["cohort", "department__name_en"]
        verbose_name = _("host offer")
        verbose_name_plural = _("host offers")
        constraints = [
            models.UniqueConstraint(
                fields=["cohort", "department"],
                name="host_offer_one_per_department_per_cohort",
                violation_error_message=_("This department already has an offer for this cohort."),
            ),
        ]

    def __str__(self) -> str:
        return gettext("%(department)s: %(places)s places") % {
            "department": self.department.name_en if self.department_id else "?",
            "places": self.places,
        }

    def clean(self) -> None:
        if not (self.cohort_id and self.department_id):
            return
        if self.department.jurisdiction != self.cohort.host_jurisdiction:
            raise ValidationError(
                {
                    "department": gettext("%(department)s is not in %(host)s, the cohort's host city.")
                    % {"department": self.department.name, "host": self.cohort.get_host_jurisdiction_display()}
                }
            )
        # Also for a new offer: one deleted and entered again must still cover
        # the officers already placed with the department.
        taken = self.cohort.placements.active().filter(host_department_id=self.department_id).count()
        if self.places < taken:
            raise ValidationError(
                {
                    "places": ngettext(
                        "%(taken)d officer is already placed here; offer at least that many places.",
                        "%(taken)d officers are already placed here; offer at least that many places.",
                        taken,
                    )
                    % {"taken": taken}
                }
            )


class Event(models.Model):
    """A programme event of a cohort: launch ceremony, orientation, reviews, closing."""

    cohort = models.ForeignKey(Cohort, verbose_name=_("cohort"), on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("kind"), max_length=20, choices=EventKind.choices)
    title_en = models.CharField(_("title (English)"), max_length=200)
    title_zh = models.CharField(_("title (Chinese)"), max_length=200, blank=True)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"), null=True, blank=True)
    venue_en = models.CharField(_("venue (English)"), max_length=200, blank=True)
    venue_zh = models.CharField(_("venue (Chinese)"), max_length=200, blank=True)

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True) | Q(ends_at__gt=models.F("starts_at")),
                name="event_ends_after_start",
                violation_error_message=_("An event must end after it starts."),
            ),
            models.UniqueConstraint(
                fields=["cohort"],
                condition=Q(kind=EventKind.LAUNCH),
                name="event_one_launch_per_cohort",
                violation_error_message=_("This cohort already has a launch ceremony."),
            ),
        ]

    def __str__(self) -> str:
        return bilingual(self.title_en, self.title_zh)

    @property
    def title(self) -> str:
        return in_reader_language(self.title_en, self.title_zh)

    @property
    def venue(self) -> str:
        return in_reader_language(self.venue_en, self.venue_zh)
