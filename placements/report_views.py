"""The officials' reports: /reports/ and /reports/cohorts/<id>/, with their exports.

Thin views: the figures come from placements/reports.py, the filters from
placements/filters.py, the exports from placements/exports.py.
"""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_required, permission_required
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_GET

from . import audit, charts, exports, freshness, report_html, reports
from .access import personal_data
from .filters import CohortPlacementFilter, ProgrammeFilter
from .models import AuditKind, Cohort, Placement, PlacementStatus

REPORTS_PERMISSION = "placements.view_reports"
EXPORT_FORMATS = ("csv", "xlsx")


def reports_access(view: Callable) -> Callable:
    """Officials and coordinators (both hold placements.view_reports) get in;
    anonymous users go to log in; anyone else signed in (an officer) gets 403."""

    @personal_data  # officers' names and placements
    @require_GET
    @login_required
    @permission_required(REPORTS_PERMISSION, raise_exception=True)
    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        return view(request, *args, **kwargs)

    return wrapper


def _export(request: HttpRequest, placements: QuerySet, *, fmt: str, stem: str) -> HttpResponse:
    if fmt not in EXPORT_FORMATS:
        raise Http404
    filename = exports.export_filename(stem, timezone.localdate())
    # Officers' names leave the app: who took them, when, from where, which (the path holds the filters).
    audit.record(request, AuditKind.EXPORT, detail=f"{filename}.{fmt}")
    if fmt == "csv":
        return exports.csv_response(placements, filename=filename)
    return exports.xlsx_response(placements, filename=filename, title=gettext("Placements"))


# -- the programme overview ---------------------------------------------------


def _programme_filter(request: HttpRequest) -> ProgrammeFilter:
    return ProgrammeFilter(request.GET, queryset=Placement.objects.all())


@reports_access
def overview(request: HttpRequest) -> HttpResponse:
    filters = _programme_filter(request)
    placements = filters.qs
    cohorts = filters.cohorts()
    if filters.field_chosen:
        cohorts = reports.cohorts_with_placements(cohorts, placements)
    today = timezone.localdate()
    overview = reports.programme_overview(cohorts=cohorts, placements=placements, today=today)
    others = gettext("Others (%(n)d)")
    cohort_chart = charts.cohort_columns(overview.cohorts)
    return render(
        request,
        "reports/overview.html",
        {
            "filters": filters,
            "overview": overview,
            "today": today,
            "per_year_chart": charts.bar_chart(overview.per_year, most=len(overview.years)),
            "per_field_chart": charts.bar_chart(overview.per_field, others_label=others),
            "cohort_chart": cohort_chart,
            "cohort_columns": report_html.cohort_columns(cohort_chart),
            "cohort_rows": report_html.cohort_rows(overview.cohorts),
            "query_string": request.GET.urlencode(),
        },
    )


@reports_access
def overview_export(request: HttpRequest, fmt: str) -> HttpResponse:
    filters = _programme_filter(request)
    placements = filters.qs.order_by("cohort__start_date", "cohort_id", "participant__name_en", "pk")
    return _export(request, placements, fmt=fmt, stem="placements")


# -- one cohort ---------------------------------------------------------------


def _cohort_filter(request: HttpRequest, cohort: Cohort, choices: dict) -> CohortPlacementFilter:
    return CohortPlacementFilter(request.GET, queryset=cohort.placements.all(), choices=choices, request=request)


@reports_access
def cohort_report(request: HttpRequest, pk: int) -> HttpResponse:
    def context() -> dict:
        cohort = get_object_or_404(Cohort.objects.with_agreement(), pk=pk)
        today = timezone.localdate()
        breakdowns = reports.cohort_breakdowns(cohort)
        filters = _cohort_filter(request, cohort, reports.cohort_filter_choices(cohort, breakdowns))
        placements = reports.placement_rows(filters.qs)
        timeline = charts.timeline(start=cohort.start_date, end=cohort.end_date, placements=placements, today=today)
        others = gettext("Others (%(n)d)")
        return {
            "cohort": cohort,
            "figures": reports.cohort_figures(cohort),
            "breakdowns": [(b, charts.bar_chart(b, others_label=others)) for b in breakdowns.values()],
            "capacity": reports.cohort_capacity(cohort),
            "filters": filters,
            "placements": placements,
            "placement_rows": report_html.placement_rows(placements),
            "timeline": timeline,
            "timeline_rows": report_html.timeline_rows(timeline),
            "statuses": PlacementStatus.choices,
            "today": today,
            "query_string": request.GET.urlencode(),
        }

    # Rendered once per cohort, filters (the address), language and day until
    # the data changes (placements/freshness.py): officials read reports far
    # more often than coordinators change what is under them. The page is the
    # same for every reader allowed in.
    return freshness.page(request, "reports/cohort.html", context, parts=())


@reports_access
def cohort_export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    cohort = get_object_or_404(Cohort, pk=pk)
    filters = _cohort_filter(request, cohort, reports.cohort_filter_choices(cohort))
    return _export(request, filters.qs, fmt=fmt, stem=f"cohort-{cohort.pk}-placements")
