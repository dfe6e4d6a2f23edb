"""The GET filter forms of the officials' reports (django-filter).

Both filter placements, so the page, the CSV and the XLSX of one URL show
exactly the same rows: the export views run the same FilterSet on the same
query string.
"""

import django_filters
from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from .models import Agreement, Cohort, Field, Jurisdiction, Placement, PlacementStatus


class ReaderNameChoiceField(forms.ModelChoiceField):
    """Choices named in the reader's script (Field.name, not the bilingual __str__)."""

    def label_from_instance(self, obj) -> str:
        return obj.name


class ReaderNameFilter(django_filters.ModelChoiceFilter):
    field_class = ReaderNameChoiceField


class DescribedFilterSet(django_filters.FilterSet):
    @property
    def form(self) -> forms.Form:
        form = super().form
        for field in form.fields.values():
            field.widget.attrs.setdefault("class", "form-select form-select-sm")
        return form

    def chosen(self) -> list[tuple[str, str]]:
        """(label, what was chosen) for each filter in use, for the printed page's heading."""
        self.form.is_valid()  # a value that is not a choice is left out, as the filtering leaves it out
        chosen = []
        for name, field in self.form.fields.items():
            value = self.form.cleaned_data.get(name)
            if value in (None, "", []):
                continue
            if isinstance(value, list):  # the ordering filter's cleaned value
                value = value[0]
            if hasattr(field, "choices") and not hasattr(value, "pk"):
                value = dict(field.choices).get(
                    value, dict((str(k), v) for k, v in field.choices).get(str(value), value)
                )
            chosen.append((str(field.label), str(getattr(value, "name", value))))
        return chosen


class ProgrammeFilter(DescribedFilterSet):
    """/reports/: agreement, year (the cohort's start), host city, field."""

    agreement = django_filters.ModelChoiceFilter(
        label=_("Agreement"),
        field_name="cohort__agreement",
        queryset=Agreement.objects.order_by("-signed_on"),
        empty_label=_("All agreements"),
    )
    year = django_filters.ChoiceFilter(
        label=_("Year"),
        field_name="cohort__start_date__year",
        empty_label=_("All years"),
    )
    host_city = django_filters.ChoiceFilter(
        label=_("Host city"),
        field_name="cohort__host_jurisdiction",
        choices=Jurisdiction.choices,
        empty_label=_("All host cities"),
    )
    field = ReaderNameFilter(
        label=_("Field of exchange"),
        field_name="field",
        queryset=Field.objects.order_by("name_en"),
        empty_label=_("All fields"),
    )

    class Meta:
        model = Placement
        fields: list[str] = []

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # One query for the years that have cohorts, made once here rather
        # than each time the choices are iterated (validation, rendering).
        years = sorted({day.year for day in Cohort.objects.dates("start_date", "year")}, reverse=True)
        self.filters["year"].extra["choices"] = [(year, str(year)) for year in years]

    def cohorts(self) -> QuerySet:
        """The cohorts the agreement, year and host-city choices leave (the field narrows placements)."""
        self.form.is_valid()
        # The choices that validated, as django-filter uses them for the placements.
        data = getattr(self.form, "cleaned_data", {})
        cohorts = Cohort.objects.all()
        if data.get("agreement"):
            cohorts = cohorts.filter(agreement=data["agreement"])
        if data.get("year"):
            cohorts = cohorts.filter(start_date__year=data["year"])
        if data.get("host_city"):
            cohorts = cohorts.filter(host_jurisdiction=data["host_city"])
        return cohorts

    @property
    def field_chosen(self) -> bool:
        self.form.is_valid()
        return bool(getattr(self.form, "cleaned_data", {}).get("field"))


class CohortPlacementFilter(DescribedFilterSet):
    """The placement list of one cohort report: field, host district, status, grade, and sorting.

    The choices are what this cohort has, passed in by the view (the report
    already counted them for its breakdowns, so they cost no extra query).
    """

    field = django_filters.ChoiceFilter(
        label=_("Field of exchange"), field_name="field_id", empty_label=_("All fields")
    )
    district = django_filters.ChoiceFilter(
        label=_("Host district"),
        field_name="host_department__district",
        empty_label=_("All districts"),
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=PlacementStatus.choices, empty_label=_("All statuses")
    )
    grade = django_filters.ChoiceFilter(label=_("Grade"), field_name="participant__grade", empty_label=_("All grades"))
    sort = django_filters.OrderingFilter(
        label=_("Sort by"),
        fields=(
            ("start_date", "start"),
            ("participant__name_en", "officer"),
            ("host_department__name_en", "host"),
            ("host_department__district", "district"),
            ("field__name_en", "field"),
            ("participant__grade", "grade"),
            ("status", "status"),
        ),
        field_labels={
            "start_date": _("Start date"),
            "participant__name_en": _("Officer"),
            "host_department__name_en": _("Host department"),
            "host_department__district": _("Host district"),
            "field__name_en": _("Field of exchange"),
            "participant__grade": _("Grade"),
            "status": _("Status"),
        },
        empty_label=_("Default order"),
    )

    class Meta:
        model = Placement
        fields: list[str] = []

    def __init__(self, *args, choices: dict[str, list[tuple]], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for name in ("field", "district", "grade"):
            self.filters[name].extra["choices"] = choices[name]

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        queryset = super().filter_queryset(queryset)
        # The officer's name breaks ties, so rows never swap between reloads.
        ordering = [*queryset.query.order_by] if queryset.query.order_by else ["start_date"]
        return queryset.order_by(*ordering, "participant__name_en", "pk")
