"""The coordinators' workplace.

Coordinators keep the programme's records here every day, so each list shows
the columns they scan, filters and searches in English and Chinese, and loads
its related rows in the list's own query (tests/admin/test_changelist_queries.py
pins the counts). Placements are saved and moved through their lifecycle by
placements.services, the same functions the nomination import uses, so every
rule is checked the same way whichever door a placement comes through. Every
record coordinators share is versioned (admin_versioned.VersionedAdmin): a
save that would overwrite someone else's is refused, and history is read-only.
"""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models import BLANK_CHOICE_DASH, Count, Exists, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.forms.models import BaseInlineFormSet
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from . import (
    admin_audit,  # noqa: F401 — registers the read-only audit log
    services,
)

# Documents and reports register their own admin there; their panels show here.
from .admin_documents import AgreementDocumentWidget, attached_documents, placement_report
from .admin_import import NominationImportMixin
from .admin_versioned import (
    VERSION_FIELD,
    VersionedAdmin,
    posted_versions,
    refusal,
    versioned_row_form,
    with_reload_link,
)
from .concurrency import EditConflict
from .models import (
    ACTIVE_STATUSES,
    MOVES,
    Agreement,
    Cohort,
    Department,
    Event,
    Field,
    HostOffer,
    NominationImport,
    NotificationSetting,
    Participant,
    Placement,
    PlacementStatus,
    moves_from,
)

admin.site.site_header = settings.PROGRAMME_NAME
admin.site.site_title = settings.PROGRAMME_NAME
admin.site.index_title = _("Coordinators' workplace")
# The placement list is wide; the sidebar would squeeze it, and the index and
# breadcrumbs already lead everywhere.
admin.site.enable_nav_sidebar = False


# -- shared pieces -------------------------------------------------------------


@admin.display(description=_("duration (days)"))
def duration(placement: Placement) -> int | None:
    return placement.duration_days()


@admin.display(description=_("days remaining"))
def days_remaining(placement: Placement) -> int | None:
    return placement.days_remaining()


def count_places_taken() -> Coalesce:
    """Active placements of an offer's department in the offer's cohort, per HostOffer row."""
    taken = (
        Placement.objects.active()
        .filter(cohort=OuterRef("cohort"), host_department=OuterRef("department"))
        .order_by()
        .values("cohort")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(taken), 0)


# What Django's plain selects show for "nothing chosen yet".
PLACEHOLDER = BLANK_CHOICE_DASH[0][1]


class PlaceholderAutocompleteSelect(AutocompleteSelect):
    """Django's autocomplete, starting with an empty option even when the field is required.

    HTML asks a required single <select> to begin with an empty placeholder
    option (the Nu HTML Checker reports it otherwise); Django leaves it out of
    required autocompletes. select2 shows the chosen value all the same, and
    the browser still refuses to submit the placeholder.
    """

    def optgroups(self, name, value, attr=None):
        groups = super().optgroups(name, value, attr)
        options = groups[0][1]
        if self.is_required and not self.allow_multiple_selected:
            options.insert(0, self.create_option(name, "", PLACEHOLDER, False, 0))
            for index, option in enumerate(options):
                option["index"] = str(index)
        return groups


class NamedFieldsFormSet:
    """A formset whose every input has an accessible name.

    Tabular inlines and the changelist's editable columns print each field's
    label once, as a column heading, which nothing ties to the inputs below
    it: a screen reader announces "edit text" (axe: `label`, `select-name`,
    critical). Each visible input gets its field's label as aria-label.
    """

    def add_fields(self, form, index):
        super().add_fields(form, index)  # DELETE and ORDER come in here
        for name, field in form.fields.items():
            if not field.widget.is_hidden:
                field.widget.attrs.setdefault("aria-label", str(field.label or capfirst(name)))


class NamedInlineFormSet(NamedFieldsFormSet, BaseInlineFormSet):
    pass


class AccessibleAdmin:
    """For a ModelAdmin: autocompletes with a placeholder (PlaceholderAutocompleteSelect)
    and named inputs in the changelist's editable columns (NamedFieldsFormSet)."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name in self.get_autocomplete_fields(request):
            kwargs.setdefault(
                "widget", PlaceholderAutocompleteSelect(db_field, self.admin_site, using=kwargs.get("using"))
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_changelist_formset(self, request, **kwargs):
        formset = super().get_changelist_formset(request, **kwargs)
        return type(formset.__name__, (NamedFieldsFormSet, formset), {})


class RowAutocompleteSelect(PlaceholderAutocompleteSelect):
    """An autocomplete that labels its current value with the object its row already loaded.

    Django's autocomplete fetches its selected object with a query of its own:
    in an inline that is one query per row and field. Our inline querysets join
    the related objects in, and RowForm hands them to the widget.
    """

    selected = None

    def optgroups(self, name, value, attr=None):
        if self.selected is None or list(value) != [str(self.selected.pk)]:
            # A new row, or a value the coordinator just changed: ask the database.
            return super().optgroups(name, value, attr)
        options = [self.create_option(name, "", "" if not self.is_required else PLACEHOLDER, False, 0)]
        label = self.choices.field.label_from_instance(self.selected)
        options.append(self.create_option(name, self.selected.pk, label, True, len(options)))
        return [(None, options, 0)]


class RowForm(forms.ModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            widget = getattr(field.widget, "widget", field.widget)  # inside RelatedFieldWidgetWrapper
            if isinstance(widget, RowAutocompleteSelect):
                model_field = self.instance._meta.get_field(name)
                # Only an object already loaded: looking it up here would be the N+1 again.
                if model_field.is_cached(self.instance):
                    widget.selected = getattr(self.instance, name)


class RowInline(admin.TabularInline):
    """A tabular inline whose autocomplete rows cost no query each (see RowAutocompleteSelect),
    and whose rows each carry the version they were loaded at (see admin_versioned)."""

    form = versioned_row_form(RowForm)
    formset = NamedInlineFormSet
    extra = 0

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name in self.get_autocomplete_fields(request):
            kwargs.setdefault("widget", RowAutocompleteSelect(db_field, self.admin_site, using=kwargs.get("using")))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class PlacementInline(RowInline):
    model = Placement
    autocomplete_fields = ["participant", "cohort", "host_department", "field"]
    # The status moves only through the placement's actions.
    readonly_fields = [duration, "status"]
    show_change_link = True

    def get_queryset(self, request):
        # Each row prints the placement (officer → host) and labels its autocompletes.
        return super().get_queryset(request).with_related()


# -- organisations -------------------------------------------------------------


@admin.register(Field)
class FieldAdmin(admin.ModelAdmin):
    list_display = ["name_en", "name_zh"]
    search_fields = ["name_en", "name_zh"]
    ordering = ["name_en"]


@admin.register(Department)
class DepartmentAdmin(AccessibleAdmin, VersionedAdmin):
    list_display = ["name_en", "name_zh", "short_name", "kind", "jurisdiction", "district", "parent"]
    list_select_related = ["parent"]
    list_filter = ["jurisdiction", "kind", "district"]
    search_fields = ["name_en", "name_zh", "short_name", "district"]
    autocomplete_fields = ["parent"]
    ordering = ["jurisdiction", "name_en"]
    fieldsets = [
        (None, {"fields": ["name_en", "name_zh", "short_name", "kind", "parent"]}),
        (_("Where"), {"fields": ["jurisdiction", "district", "address_en", "address_zh"]}),
    ]


# -- agreements and cohorts ----------------------------------------------------


@admin.register(Agreement)
class AgreementAdmin(VersionedAdmin):
    list_display = ["short_title", "title_en", "title_zh", "signed_on", "in_force_from", "in_force_until", "length"]
    search_fields = ["short_title", "title_en", "title_zh"]
    autocomplete_fields = ["fields"]
    ordering = ["-signed_on"]
    date_hierarchy = "signed_on"
    # The signed document has no public URL; link it to the checked download.
    formfield_overrides = {models.FileField: {"widget": AgreementDocumentWidget}}
    fieldsets = [
        (None, {"fields": ["short_title", "title_en", "title_zh", "parties_en", "parties_zh"]}),
        (_("Dates"), {"fields": ["signed_on", "in_force_from", "in_force_until"]}),
        (_("Placements"), {"fields": ["standard_length", "standard_length_unit", "length_tolerance_days", "fields"]}),
        (_("Signed document"), {"fields": ["document"]}),
    ]

    @admin.display(description=_("standard placement length"), ordering="standard_length")
    def length(self, agreement: Agreement) -> str:
        return agreement.standard_length_display()


class HostOfferInline(RowInline):
    model = HostOffer
    autocomplete_fields = ["department"]
    fields = ["department", "places", "places_taken", VERSION_FIELD]
    readonly_fields = ["places_taken"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("department").annotate(places_taken=count_places_taken())

    @admin.display(description=_("places taken"))
    def places_taken(self, offer: HostOffer) -> int | None:
        return getattr(offer, "places_taken", None)  # a row being added has no count yet


class EventInline(admin.TabularInline):
    model = Event
    formset = NamedInlineFormSet
    extra = 0
    fields = ["kind", "title_en", "title_zh", "starts_at", "ends_at", "venue_en", "venue_zh"]


class CohortPlacementInline(PlacementInline):
    fields = [
        "participant",
        "host_department",
        "field",
        "role_en",
        "start_date",
        "end_date",
        duration,
        "status",
        VERSION_FIELD,
    ]


@admin.register(Cohort)
class CohortAdmin(AccessibleAdmin, VersionedAdmin):
    list_display = [
        "name_en",
        "name_zh",
        "agreement",
        "host_jurisdiction",
        "start_date",
        "end_date",
        "status",
        "active_placements",
        "places_offered",
    ]
    list_select_related = ["agreement"]
    list_filter = ["agreement", "status", "host_jurisdiction"]
    search_fields = ["name_en", "name_zh", "agreement__short_title", "agreement__title_en", "agreement__title_zh"]
    autocomplete_fields = ["agreement"]
    ordering = ["-start_date", "name_en"]
    date_hierarchy = "start_date"
    fieldsets = [
        (None, {"fields": ["agreement", "name_en", "name_zh", "status"]}),
        (_("Direction"), {"fields": ["home_jurisdiction", "host_jurisdiction"]}),
        (_("When"), {"fields": ["start_date", "end_date"]}),
        (_("Documents"), {"fields": [attached_documents]}),
    ]
    readonly_fields = [attached_documents]

    def get_queryset(self, request):
        offered = (
            HostOffer.objects.filter(cohort=OuterRef("pk"))
            .order_by()
            .values("cohort")
            .annotate(total=Sum("places"))
            .values("total")
        )
        # Both counts in the list's own query: the placements by a join
        # (distinct, in case a later join multiplies rows), the places by a
        # subquery, as joining host offers too would multiply the placements.
        return (
            super()
            .get_queryset(request)
            .annotate(
                active_placements=Count("placements", filter=Q(placements__status__in=ACTIVE_STATUSES), distinct=True),
                places_offered=Coalesce(Subquery(offered), 0),
            )
        )

    def get_inlines(self, request, obj):
        # Host offers and placements are checked against the saved cohort (its
        # host city, dates and offers); on a cohort not yet saved their model
        # checks would silently pass, so they are added once it exists.
        if obj is None:
            return [EventInline]
        return [HostOfferInline, CohortPlacementInline, EventInline]

    @admin.display(description=_("active placements"), ordering="active_placements")
    def active_placements(self, cohort: Cohort) -> int:
        return cohort.active_placements

    @admin.display(description=_("places offered"), ordering="places_offered")
    def places_offered(self, cohort: Cohort) -> int:
        return cohort.places_offered


@admin.register(HostOffer)
class HostOfferAdmin(AccessibleAdmin, VersionedAdmin):
    list_display = ["department", "cohort", "district", "places", "places_taken"]
    list_select_related = ["department", "cohort"]
    list_filter = ["cohort", "department__jurisdiction", "department__district"]
    search_fields = [
        "department__name_en",
        "department__name_zh",
        "department__short_name",
        "cohort__name_en",
        "cohort__name_zh",
    ]
    autocomplete_fields = ["cohort", "department"]
    ordering = ["-cohort__start_date", "department__name_en"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(places_taken=count_places_taken())

    @admin.display(description=_("district"), ordering="department__district")
    def district(self, offer: HostOffer) -> str:
        return offer.department.district

    @admin.display(description=_("places taken"), ordering="places_taken")
    def places_taken(self, offer: HostOffer) -> int:
        return offer.places_taken


@admin.register(Event)
class EventAdmin(AccessibleAdmin, admin.ModelAdmin):
    list_display = ["title_en", "title_zh", "kind", "cohort", "starts_at", "venue_en"]
    list_select_related = ["cohort"]
    list_filter = ["kind", "cohort"]
    search_fields = ["title_en", "title_zh", "venue_en", "venue_zh", "cohort__name_en", "cohort__name_zh"]
    autocomplete_fields = ["cohort"]
    ordering = ["starts_at"]
    date_hierarchy = "starts_at"


# -- people and placements -----------------------------------------------------


class HomeDepartmentFilter(admin.RelatedFieldListFilter):
    """Departments that officers come from; an EXISTS per department rather
    than a DISTINCT over every placement, which was the list's slowest query."""

    def field_choices(self, field, request, model_admin):
        has_officers = Participant.objects.filter(home_department=OuterRef("pk"))
        return [(d.pk, str(d)) for d in Department.objects.filter(Exists(has_officers)).order_by("name_en")]


class ParticipantPlacementInline(PlacementInline):
    fields = ["cohort", "host_department", "field", "start_date", "end_date", duration, "status", VERSION_FIELD]


@admin.register(Participant)
class ParticipantAdmin(AccessibleAdmin, VersionedAdmin):
    list_display = ["name_en", "name_zh", "grade", "stream", "seniority", "home_department"]
    list_select_related = ["home_department"]
    list_filter = ["stream", "seniority", ("home_department", HomeDepartmentFilter)]
    search_fields = [
        "name_en",
        "name_zh",
        "grade",
        "post_title",
        "home_department__name_en",
        "home_department__name_zh",
        "home_department__short_name",
    ]
    autocomplete_fields = ["home_department", "user"]
    ordering = ["name_en"]
    list_per_page = 50
    fieldsets = [
        (None, {"fields": ["name_en", "name_zh", "grade", "stream", "seniority"]}),
        (_("Home post"), {"fields": ["home_department", "post_title"]}),
        (_("Work contact"), {"fields": ["work_email", "work_phone", "language", "user"]}),
    ]

    def get_readonly_fields(self, request, obj=None):
        # Linking a login account means browsing everyone's accounts, which
        # only account administrators may do; coordinators see the link.
        if not request.user.has_perm("auth.view_user"):
            return [*super().get_readonly_fields(request, obj), "user"]
        return super().get_readonly_fields(request, obj)

    def get_inlines(self, request, obj):
        # As for cohorts: an officer's placements are checked against their
        # home department, so they are added once the officer is saved.
        return [] if obj is None else [ParticipantPlacementInline]


class HostDistrictFilter(admin.SimpleListFilter):
    title = _("host district")
    parameter_name = "host_district"

    def lookups(self, request, model_admin):
        # Only districts of departments that offered places: the list stays
        # short. Asked through the host offers (thousands of rows), not the
        # placements (a hundred thousand), so it stays fast on a big programme.
        offered = HostOffer.objects.filter(department=OuterRef("pk"))
        districts = (
            Department.objects.filter(Exists(offered))
            .exclude(district="")
            .order_by("district")
            .values_list("district", flat=True)
            .distinct()
        )
        return [(district, district) for district in districts]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(host_department__district=self.value())
        return queryset


def word_start(field: str, term: str) -> Q:
    """`term` at the start of any word of `field`, case aside."""
    return Q(**{f"{field}__istartswith": term}) | Q(**{f"{field}__icontains": f" {term}"})


class StartYearFilter(admin.SimpleListFilter):
    """The start year, in place of date_hierarchy: the years come from the
    cohorts' dates (hundreds of rows), not from a DISTINCT over a hundred
    thousand placements, which the hierarchy ran for every list and search
    (35 ms for the whole list, 120 ms for a search that matched many rows)."""

    title = _("start year")
    parameter_name = "start_year"

    def lookups(self, request, model_admin):
        years = {day.year for day in Cohort.objects.dates("start_date", "year")}
        years |= {day.year for day in Cohort.objects.dates("end_date", "year")}
        return [(str(year), str(year)) for year in sorted(years, reverse=True)]

    def queryset(self, request, queryset):
        value = self.value()
        if value and value.isdigit():  # anything else typed into the address: no filter
            return queryset.filter(start_date__year=int(value))
        return queryset


class HostJurisdictionFilter(admin.ChoicesFieldListFilter):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.title = _("host jurisdiction")  # the field alone would read "jurisdiction"


@admin.display(description=_("status changes"))
def status_changes(placement: Placement) -> str:
    """Every move of the placement: who, when, from, to and why (written by the
    lifecycle service only, so shown, never edited)."""
    if placement.pk is None:
        return "-"
    changes = placement.status_changes.select_related("changed_by")
    rows = format_html_join(
        "",
        "<tr><td>{}</td><td>{}</td><td>{} → {}</td><td>{}</td></tr>",
        (
            (
                date_format(timezone.localtime(change.changed_at), "DATETIME_FORMAT"),
                change.changed_by or "-",
                change.get_from_status_display(),
                change.get_to_status_display(),
                change.reason or "-",
            )
            for change in changes
        ),
    )
    if not rows:
        return gettext("No status changes yet.")
    return format_html(
        '<table class="status-changes"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>'
        "<tbody>{}</tbody></table>",
        gettext("When"),
        gettext("By"),
        gettext("Status"),
        gettext("Reason"),
        rows,
    )


@admin.register(Placement)
class PlacementAdmin(AccessibleAdmin, NominationImportMixin, VersionedAdmin):
    list_display = [
        "participant",
        "cohort_name",
        "host_name",
        "host_district",
        "field_name",
        "start_date",
        "end_date",
        duration,
        days_remaining,
        "status",
    ]
    # Dates are what hosts most often ask to shift; a whole cohort's can be
    # corrected in the list (each row still checked, versioned and notified).
    list_editable = ["start_date", "end_date"]
    list_select_related = ["participant", "cohort", "host_department", "field"]
    list_filter = [
        "cohort",
        StartYearFilter,
        "status",
        "field",
        HostDistrictFilter,
        ("participant__home_department", HomeDepartmentFilter),
        ("host_department__jurisdiction", HostJurisdictionFilter),
    ]
    # The filtered count is enough; a second COUNT(*) of every placement is not.
    show_full_result_count = False
    search_fields = [
        "participant__name_en",
        "participant__name_zh",
        "host_department__name_en",
        "host_department__name_zh",
        "host_department__short_name",
        "cohort__name_en",
        "cohort__name_zh",
        "role_en",
        "role_zh",
    ]
    autocomplete_fields = ["participant", "cohort", "host_department", "field"]
    ordering = ["-start_date", "participant__name_en"]

    def get_search_results(self, request, queryset, search_term):
        """The same matches as search_fields, asked as one subquery per related
        table instead of an OR across joins: on 100 000 placements the joined
        OR scanned every row of every table for each term (≈ 600 ms).

        English role, host and cohort names match from the start of a word
        ("Chan" finds officers named Chan, not every "Exchange officer" or
        "Civil Service Exchange Programme"); officers' names, and all Chinese
        text (which has no spaces to start from), match anywhere."""
        terms = [term for term in search_term.split() if term]
        if not terms:
            return queryset, False
        for term in terms:
            people = Participant.objects.filter(Q(name_en__icontains=term) | Q(name_zh__icontains=term))
            hosts = Department.objects.filter(
                word_start("name_en", term) | Q(name_zh__icontains=term) | Q(short_name__icontains=term)
            )
            cohorts = Cohort.objects.filter(word_start("name_en", term) | Q(name_zh__icontains=term))
            queryset = queryset.filter(
                Q(participant__in=people.values("pk"))
                | Q(host_department__in=hosts.values("pk"))
                | Q(cohort__in=cohorts.values("pk"))
                | word_start("role_en", term)
                | Q(role_zh__icontains=term)
            )
        return queryset, False

    list_per_page = 50
    actions = [
        "confirm_placements",
        "start_placements",
        "complete_placements",
        "send_back_placements",
        "withdraw_placements",
    ]
    # The status moves only through the actions, which record why.
    readonly_fields = [
        duration,
        days_remaining,
        "status",
        status_changes,
        "created_at",
        "updated_at",
        placement_report,
        attached_documents,
    ]
    change_form_template = "admin/placements/placement/change_form.html"
    fieldsets = [
        (_("Who and where"), {"fields": ["participant", "cohort", "host_department", "field", "role_en", "role_zh"]}),
        (_("When"), {"fields": ["start_date", "end_date", duration, days_remaining]}),
        (_("Status"), {"fields": ["status", status_changes]}),
        (_("Host supervisor"), {"fields": ["supervisor_name", "supervisor_title", "supervisor_contact"]}),
        (_("Objectives"), {"fields": ["objectives"]}),
        (_("Reports"), {"fields": [placement_report, "host_feedback"]}),
        (_("Documents"), {"fields": [attached_documents]}),
        (_("Record"), {"fields": ["created_at", "updated_at"], "classes": ["collapse"]}),
    ]

    # Names in the reader's language only, so the row fits; the participant
    # column keeps both, it is the one coordinators search by.
    @admin.display(description=_("cohort"), ordering="cohort__start_date")
    def cohort_name(self, placement: Placement) -> str:
        return placement.cohort.name

    @admin.display(description=_("host department"), ordering="host_department__name_en")
    def host_name(self, placement: Placement) -> str:
        return placement.host_department.name

    @admin.display(description=_("field of exchange"), ordering="field__name_en")
    def field_name(self, placement: Placement) -> str:
        return placement.field.name

    @admin.display(description=_("host district"), ordering="host_department__district")
    def host_district(self, placement: Placement) -> str:
        return placement.host_department.district

    def save_model(self, request, obj, form, change):
        services.placement_save(placement=obj, loaded_version=self.loaded_version(request, obj, form), by=request.user)

    def get_urls(self):
        move = self.admin_site.admin_view(self.move_view)
        return [
            path("<path:object_id>/move/<str:move>/", move, name="placements_placement_move"),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        placement = self.get_object(request, object_id)
        moves = moves_from(placement.status) if placement and self.has_change_permission(request, placement) else []
        return super().change_view(request, object_id, form_url, {**(extra_context or {}), "moves": moves})

    # -- the lifecycle: one service, whichever button --------------------------

    @admin.action(description=_("Confirm selected placements"), permissions=["change"])
    def confirm_placements(self, request, queryset):
        return self.move_selected(request, queryset, "confirm")

    @admin.action(description=_("Mark selected placements as in progress"), permissions=["change"])
    def start_placements(self, request, queryset):
        return self.move_selected(request, queryset, "start")

    @admin.action(description=_("Mark selected placements as completed"), permissions=["change"])
    def complete_placements(self, request, queryset):
        return self.move_selected(request, queryset, "complete")

    @admin.action(description=_("Send selected placements back to proposed…"), permissions=["change"])
    def send_back_placements(self, request, queryset):
        return self.move_selected(request, queryset, "send_back")

    @admin.action(description=_("Withdraw selected placements…"), permissions=["change"])
    def withdraw_placements(self, request, queryset):
        return self.move_selected(request, queryset, "withdraw")

    def move_selected(self, request, queryset, name: str):
        """Apply one move to each selected placement; a move needing a reason asks for it first."""
        move = MOVES[name]
        placements = list(queryset.with_related())
        versions = posted_versions(request)
        reason = request.POST.get("reason", "")
        if move.needs_reason and ("reason_given" not in request.POST or not reason.strip()):
            return self.reason_page(request, move, placements, versions, asked="reason_given" in request.POST)
        moved = 0
        for placement in placements:
            if self.apply_move(request, placement, move, reason, versions.get(str(placement.pk))):
                moved += 1
        if moved:
            self.message_user(request, moved_message(moved, move), messages.SUCCESS)
        return None

    def apply_move(self, request, placement: Placement, move, reason: str, loaded_version: int | None) -> bool:
        try:
            moved = services.placement_move(
                placement=placement, move=move.name, by=request.user, reason=reason, loaded_version=loaded_version
            )
        except EditConflict as error:
            self.message_user(request, with_reload_link(refusal(placement, error)), messages.ERROR)
            return False
        except ValidationError as error:
            self.message_user(request, refusal(placement, error), messages.ERROR)
            return False
        status_label = capfirst(Placement._meta.get_field("status").verbose_name)
        self.log_change(request, moved, [{"changed": {"fields": [str(status_label)]}}])
        return True

    def reason_page(self, request, move, placements, versions, *, asked: bool, action_url: str = ""):
        context = {
            **self.admin_site.each_context(request),
            "title": move.label,
            "opts": self.opts,
            "move": move,
            "action_name": f"{move.name}_placements",
            "placements": [(p, versions.get(str(p.pk), p.version)) for p in placements],
            "reason": request.POST.get("reason", ""),
            "missing_reason": asked,
            "action_url": action_url,
            "single": bool(action_url),
        }
        return TemplateResponse(request, "admin/placements/placement/move.html", context)

    def move_view(self, request, object_id, move):
        """The move buttons on a placement's page: the same service as the actions."""
        placement = get_object_or_404(Placement.objects.with_related(), pk=object_id)
        if not self.has_change_permission(request, placement):
            raise PermissionDenied
        step = MOVES.get(move)
        if step is None:
            raise Http404
        change_url = reverse("admin:placements_placement_change", args=[placement.pk])
        version = request.GET.get("version") or request.POST.get(f"_version_{placement.pk}")
        versions = {str(placement.pk): int(version)} if version and str(version).isdigit() else {}
        reason = request.POST.get("reason", "")
        if request.method != "POST" or (step.needs_reason and not reason.strip()):
            return self.reason_page(
                request, step, [placement], versions, asked=request.method == "POST", action_url=request.path
            )
        if self.apply_move(request, placement, step, reason, versions.get(str(placement.pk))):
            self.message_user(request, moved_message(1, step), messages.SUCCESS)
        return redirect(change_url)


def moved_message(count: int, move) -> str:
    status = PlacementStatus(move.to).label
    return ngettext("%(count)d placement is now “%(status)s”.", "%(count)d placements are now “%(status)s”.", count) % {
        "count": count,
        "status": status,
    }


@admin.register(NotificationSetting)
class NotificationSettingAdmin(AccessibleAdmin, admin.ModelAdmin):
    """Coordinators switch each kind of e-mail to officers on or off; the kinds are fixed."""

    list_display = ["kind", "enabled"]
    list_editable = ["enabled"]
    list_display_links = None

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(NominationImport)
class NominationImportAdmin(admin.ModelAdmin):
    """What was imported, by whom and when; imports themselves start from the placement list."""

    list_display = [
        "file_name",
        "cohort",
        "uploaded_by",
        "uploaded_at",
        "row_count",
        "imported_at",
        "created",
        "updated",
    ]
    list_select_related = ["cohort", "uploaded_by"]
    list_filter = ["cohort"]
    fields = list_display
    readonly_fields = list_display

    def has_add_permission(self, request):
        return False  # through the import page, which previews first

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
