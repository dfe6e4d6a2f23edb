"""The officials' report figures, computed in the database.

Every function here runs a fixed number of queries whatever the number of
placements: counts and sums are `aggregate`/`annotate` calls (conditional
aggregates for statuses), and Python only adds up and reshapes the few
aggregated rows that come back (subtotals per cohort × field, never the
placements themselves).
The views call these and render; tests pin the query counts.

Officers "placed" are placements that are not withdrawn. The two rates:
- withdrawal rate = withdrawn ÷ all placements;
- completion rate = completed ÷ placements whose last day has passed,
  withdrawn ones aside. A placement past its end that no coordinator has
  closed yet counts as not completed: that is what an official wants to see.
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import NamedTuple

from django.db.models import Count, Exists, F, IntegerField, OuterRef, Q, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce, ExtractYear
from django.utils.functional import Promise
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .models import (
    Agreement,
    Cohort,
    CohortStatus,
    Field,
    HostOffer,
    Jurisdiction,
    Placement,
    PlacementStatus,
    Seniority,
)
from .models.base import in_reader_language

WITHDRAWN = Q(status=PlacementStatus.WITHDRAWN)
ACTIVE = ~WITHDRAWN


def reads_chinese() -> bool:
    """Whether the reader reads either Chinese script (decided once per page, not per name)."""
    return (get_language() or "").startswith("zh")


def rate(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def rate_counts(today: dt.date) -> dict:
    """The conditional counts behind `Rates`, for `aggregate()` or `values().annotate()`."""
    return {
        "placements": Count("id"),
        "active": Count("id", filter=ACTIVE),
        "withdrawn": Count("id", filter=WITHDRAWN),
        "completed": Count("id", filter=Q(status=PlacementStatus.COMPLETED)),
        "ended": Count("id", filter=ACTIVE & Q(end_date__lt=today)),
    }


@dataclass
class Rates:
    placements: int = 0
    active: int = 0
    withdrawn: int = 0
    completed: int = 0
    ended: int = 0

    def add(self, counts: dict) -> None:
        """Add a row of `rate_counts` (a subtotal from the database) to these."""
        self.placements += counts["placements"]
        self.active += counts["active"]
        self.withdrawn += counts["withdrawn"]
        self.completed += counts["completed"]
        self.ended += counts["ended"]

    @property
    def withdrawal_rate(self) -> float | None:
        return rate(self.withdrawn, self.placements)

    @property
    def completion_rate(self) -> float | None:
        return rate(self.completed, self.ended)


@dataclass
class Row:
    """One line of a breakdown: the value's key (a filter choice), its label and its count."""

    key: object
    label: str
    count: int


@dataclass
class Breakdown:
    """Officers counted by one attribute; drawn as a chart and printed as a table."""

    slug: str
    title: str | Promise
    column: str | Promise
    rows: list[Row]

    @property
    def total(self) -> int:
        return sum(row.count for row in self.rows)


# -- the programme overview ---------------------------------------------------


@dataclass
class CohortLine:
    cohort: Cohort
    rates: Rates


@dataclass
class AgreementLine:
    agreement: Agreement
    cohorts: int = 0
    officers: int = 0


@dataclass
class YearRow:
    year: int
    host_jurisdiction: str
    host_label: str
    total: int
    by_status: list[int]


@dataclass
class Overview:
    agreements: list[AgreementLine]
    cohort_statuses: list[tuple[str, str | Promise]]
    cohorts_by_year: list[YearRow]
    years: list[int]
    fields_by_year: list[tuple[str, list[int], int]]
    year_totals: list[int]
    per_year: Breakdown
    per_field: Breakdown
    cohorts: list[CohortLine]
    totals: Rates


def counts_per_cohort_and_field(placements: QuerySet, today: dt.date) -> list[dict]:
    """The rate counts of `placements` grouped by cohort × field, in one pass over the table.

    At most cohorts × fields rows (3 600 for 300 cohorts and 12 fields) come
    back; every figure of the overview is a sum of these, so the 100 000
    placements are read once, not once per table.
    """
    return list(placements.values("cohort_id", "field_id").annotate(**rate_counts(today)).order_by())


def cohorts_by_year(cohorts: QuerySet) -> list[YearRow]:
    """Cohorts counted by start year and host city, with a count per status (1 query)."""
    statuses = CohortStatus.values
    rows = (
        cohorts.annotate(year=ExtractYear("start_date"))
        .values("year", "host_jurisdiction")
        .annotate(total=Count("id"), **{f"n_{s}": Count("id", filter=Q(status=s)) for s in statuses})
        .order_by("-year", "host_jurisdiction")
    )
    labels = dict(Jurisdiction.choices)
    return [
        YearRow(
            year=row["year"],
            host_jurisdiction=row["host_jurisdiction"],
            host_label=labels.get(row["host_jurisdiction"], row["host_jurisdiction"]),
            total=row["total"],
            by_status=[row[f"n_{s}"] for s in statuses],
        )
        for row in rows
    ]


def programme_overview(*, cohorts: QuerySet, placements: QuerySet, today: dt.date) -> Overview:
    """Everything /reports/ shows, for cohorts and placements already narrowed by the filters (5 queries)."""
    lines = [
        CohortLine(cohort, Rates()) for cohort in cohorts.select_related("agreement").order_by("start_date", "name_en")
    ]
    by_cohort = {line.cohort.pk: line for line in lines}
    field_names = {field.pk: field.name for field in Field.objects.only("name_en", "name_zh")}
    officers_by_year_field: dict[tuple[int, int], int] = defaultdict(int)
    totals = Rates()
    for row in counts_per_cohort_and_field(placements, today):
        line = by_cohort.get(row["cohort_id"])
        if line is None:  # a placement of a cohort the filters left out
            continue
        line.rates.add(row)
        totals.add(row)
        officers_by_year_field[line.cohort.start_date.year, row["field_id"]] += row["active"]

    years = sorted({year for year, _field in officers_by_year_field})
    fields_by_year = []
    for field_id in sorted({f for _year, f in officers_by_year_field}, key=lambda f: field_names.get(f, "")):
        counts = [officers_by_year_field.get((year, field_id), 0) for year in years]
        if any(counts):
            fields_by_year.append((field_names.get(field_id, "?"), counts, sum(counts)))
    year_totals = [sum(counts[i] for _label, counts, _total in fields_by_year) for i in range(len(years))]

    agreements = {a.pk: AgreementLine(a) for a in Agreement.objects.in_force(today).order_by("-in_force_from")}
    for line in lines:
        if entry := agreements.get(line.cohort.agreement_id):
            entry.cohorts += 1
            entry.officers += line.rates.active

    return Overview(
        agreements=list(agreements.values()),
        cohort_statuses=list(CohortStatus.choices),
        cohorts_by_year=cohorts_by_year(cohorts),
        years=years,
        fields_by_year=fields_by_year,
        year_totals=year_totals,
        per_year=Breakdown(
            "per-year",
            _("Officers placed per year"),
            _("Year"),
            [Row(year, str(year), n) for year, n in zip(years, year_totals, strict=True)],
        ),
        per_field=Breakdown(
            "per-field",
            _("Officers placed per field"),
            _("Field of exchange"),
            sorted((Row(label, label, total) for label, _counts, total in fields_by_year), key=lambda r: -r.count),
        ),
        cohorts=lines,
        totals=totals,
    )


# -- one cohort ---------------------------------------------------------------


@dataclass
class CohortFigures:
    officers: int
    host_departments: int
    fields: int
    senior: int
    placement_days: int
    withdrawn: int
    by_status: list[tuple[str, str | Promise, int]]

    @property
    def total(self) -> int:
        return sum(n for _status, _label, n in self.by_status)

    @property
    def senior_share(self) -> float | None:
        return rate(self.senior, self.officers)


def cohort_figures(cohort: Cohort) -> CohortFigures:
    """The headline figures and the count per status of one cohort (1 query)."""
    figures = cohort.placements.aggregate(
        officers=Count("id", filter=ACTIVE),
        host_departments=Count("host_department", distinct=True, filter=ACTIVE),
        fields=Count("field", distinct=True, filter=ACTIVE),
        senior=Count("id", filter=ACTIVE & Q(participant__seniority=Seniority.SENIOR)),
        # Days between first and last day, summed; each placement adds one for its first day below.
        span=Sum(F("end_date") - F("start_date"), filter=ACTIVE),
        **{f"n_{status}": Count("id", filter=Q(status=status)) for status in PlacementStatus.values},
    )
    span = figures.pop("span")
    by_status = [(status, label, figures.pop(f"n_{status}")) for status, label in PlacementStatus.choices]
    return CohortFigures(
        placement_days=(span.days if span else 0) + figures["officers"],
        withdrawn=next(n for status, _label, n in by_status if status == PlacementStatus.WITHDRAWN),
        by_status=by_status,
        **figures,
    )


def _breakdown(cohort: Cohort, key: str, *, names: tuple[str, str] | None = None) -> list[Row]:
    """Officers of the cohort counted by `key` (1 query), most first."""
    columns = [key, *(names or ())]
    rows = cohort.placements.filter(ACTIVE).values(*columns).annotate(n=Count("id")).order_by("-n", *columns)
    if names:
        return [Row(row[key], in_reader_language(row[names[0]], row[names[1]]), row["n"]) for row in rows]
    return [Row(row[key], row[key], row["n"]) for row in rows]


def cohort_breakdowns(cohort: Cohort) -> dict[str, Breakdown]:
    """Officers by field, home department, host district, grade and seniority (5 queries)."""
    seniority_labels = dict(Seniority.choices)
    seniority = _breakdown(cohort, "participant__seniority")
    for row in seniority:
        row.label = seniority_labels.get(row.key, row.key)
    districts = _breakdown(cohort, "host_department__district")
    for row in districts:
        row.label = row.label or _("(no district)")
    return {
        "field": Breakdown(
            "field", _("Officers by field"), _("Field of exchange"), _breakdown(cohort, "field_id", names=FIELD_NAMES)
        ),
        "home_department": Breakdown(
            "home-department",
            _("Officers by home department"),
            _("Home department"),
            _breakdown(cohort, "participant__home_department_id", names=HOME_NAMES),
        ),
        "district": Breakdown("district", _("Officers by host district"), _("Host district"), districts),
        "grade": Breakdown("grade", _("Officers by grade"), _("Grade"), _breakdown(cohort, "participant__grade")),
        "seniority": Breakdown("seniority", _("Officers by seniority"), _("Seniority"), seniority),
    }


FIELD_NAMES = ("field__name_en", "field__name_zh")
HOME_NAMES = ("participant__home_department__name_en", "participant__home_department__name_zh")


class PlacementRow(NamedTuple):
    """One placement as a report lists it, names already in the reader's script."""

    pk: int
    officer: str
    officer_en: str
    grade: str
    seniority: str
    home_department: str
    host_department: str
    district: str
    field: str
    role: str
    start_date: dt.date
    end_date: dt.date
    status: str


def placement_rows(placements: QuerySet) -> list[PlacementRow]:
    """The placements a report lists and draws on its timeline (1 query).

    Plain tuples rather than model instances: building five related model
    objects per row was a third of the cohort report's time at 500 placements.
    """
    zh = reads_chinese()

    def pick(english: str, chinese: str) -> str:
        return (chinese or english) if zh else (english or chinese)

    return [
        PlacementRow(
            pk,
            pick(officer_en, officer_zh),
            officer_en,
            grade,
            seniority,
            pick(home_en, home_zh),
            pick(host_en, host_zh),
            district,
            pick(field_en, field_zh),
            pick(role_en, role_zh),
            start,
            end,
            status,
        )
        for (
            pk,
            officer_en,
            officer_zh,
            grade,
            seniority,
            home_en,
            home_zh,
            host_en,
            host_zh,
            district,
            field_en,
            field_zh,
            role_en,
            role_zh,
            start,
            end,
            status,
        ) in placements.values_list(
            "pk",
            "participant__name_en",
            "participant__name_zh",
            "participant__grade",
            "participant__seniority",
            "participant__home_department__name_en",
            "participant__home_department__name_zh",
            "host_department__name_en",
            "host_department__name_zh",
            "host_department__district",
            "field__name_en",
            "field__name_zh",
            "role_en",
            "role_zh",
            "start_date",
            "end_date",
            "status",
        )
    ]


def cohort_filter_choices(cohort: Cohort, breakdowns: dict[str, Breakdown] | None = None) -> dict[str, list[tuple]]:
    """The choices of the placement filter: the fields, districts and grades this cohort has.

    The report page passes the breakdowns it already counted (no extra query);
    the exports, which count nothing else, pay 3 small queries.
    """
    if breakdowns is None:
        breakdowns = {
            "field": Breakdown("field", "", "", _breakdown(cohort, "field_id", names=FIELD_NAMES)),
            "district": Breakdown("district", "", "", _breakdown(cohort, "host_department__district")),
            "grade": Breakdown("grade", "", "", _breakdown(cohort, "participant__grade")),
        }
    return {
        name: sorted(((row.key, str(row.label)) for row in breakdowns[name].rows if row.key), key=lambda c: c[1])
        for name in ("field", "district", "grade")
    }


def cohort_capacity(cohort: Cohort) -> list[HostOffer]:
    """Each host's places offered and used (officers not withdrawn), in one query."""
    used = (
        Placement.objects.filter(ACTIVE, cohort_id=OuterRef("cohort_id"), host_department_id=OuterRef("department_id"))
        .order_by()
        .values("host_department_id")
        .annotate(n=Count("id"))
        .values("n")
    )
    return list(
        HostOffer.objects.filter(cohort=cohort)
        .select_related("department")
        .annotate(used=Coalesce(Subquery(used, output_field=IntegerField()), Value(0)))
        .order_by("department__district", "department__name_en")
    )


def cohorts_with_placements(cohorts: QuerySet, placements: QuerySet) -> QuerySet:
    """Only the cohorts that have at least one of `placements` (when a field narrows them)."""
    return cohorts.filter(Exists(placements.filter(cohort_id=OuterRef("pk"))))
