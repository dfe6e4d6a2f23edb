"""Admin pieces that keep two coordinators from overwriting each other, and
keep the history readable but never rewritable.

Every versioned record's form carries the version it was loaded at
(`loaded_version`, hidden). The changelist carries one per row too, next to
each row's checkbox, for actions and list_editable. Saving compares it with
the stored version twice: once while validating, so the coordinator gets the
form back with their input and a message naming the conflict; and again
under lock at the moment of writing (placements.concurrency.lock_current),
which is what guarantees that no save overwrites a newer one.
"""

import dataclasses

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponseRedirect
from django.utils.html import format_html
from django.utils.translation import gettext
from simple_history.admin import SimpleHistoryAdmin
from simple_history.template_utils import HistoricalRecordContextHelper

from .concurrency import BOOKKEEPING, conflict_message, lock_current
from .models import Placement
from .models.base import Versioned

VERSION_FIELD = "loaded_version"


def with_reload_link(message: str) -> str:
    # An empty href reloads the page the coordinator is on, by GET.
    return format_html('{} <a href="" class="reload-link">{}</a>', message, gettext("Reload"))


def stale_message(instance: Versioned, loaded_version: int | None) -> str | None:
    """The conflict message if the stored record moved past `loaded_version`, else None."""
    if loaded_version is None or instance.pk is None:
        return None
    current = type(instance)._base_manager.filter(pk=instance.pk).first()
    if current is None:
        return gettext("“%(record)s” was deleted by someone else after you opened it.") % {"record": instance}
    if current.version == loaded_version:
        return None
    return conflict_message(current, loaded_version)


def posted_versions(request: HttpRequest) -> dict[str, int]:
    """The version of each changelist row as the page showed it, by primary key (as text)."""
    versions = {}
    for key, value in request.POST.items():
        if key.startswith("_version_") and value.isdigit():
            versions[key.removeprefix("_version_")] = int(value)
    return versions


def refusal(record, error: ValidationError) -> str:
    """One line naming the record and every rule it broke."""
    return gettext("%(placement)s: %(reasons)s") % {"placement": record, "reasons": " ".join(error.messages)}


class VersionInput(forms.HiddenInput):
    """The hidden version. The admin prints a label for every field of a fieldset,
    hidden ones included (in a hidden row); without an id for it to point at,
    that label is not a <label for> naming a hidden input, which HTML forbids."""

    def id_for_label(self, id_):
        return None


class VersionedForm(forms.ModelForm):
    loaded_version = forms.IntegerField(widget=VersionInput, required=False)
    # The admin saves the main record on every submission, but an inline row
    # only when it changed: only then can it overwrite anything.
    check_unchanged = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.fields[VERSION_FIELD].initial = self.instance.version

    def clean(self):
        cleaned_data = super().clean()
        if self.instance.pk is not None and (self.check_unchanged or self.has_changed()):
            message = stale_message(self.instance, cleaned_data.get(VERSION_FIELD))
            if message:
                raise ValidationError(with_reload_link(message), code="conflict")
        return cleaned_data


class ReadableChanges(HistoricalRecordContextHelper):
    """The history's "Changes" column without the fields every save touches."""

    def context_for_delta_changes(self, delta):
        changes = [change for change in delta.changes if change.field not in BOOKKEEPING]
        return super().context_for_delta_changes(dataclasses.replace(delta, changes=changes))

    def prepare_delta_change_value(self, change, value):
        # "Confirmed", not "confirmed": choices read as their labels.
        choices = dict(self.model._meta.get_field(change.field).flatchoices or ())
        if choices and value in choices:
            return choices[value]
        return super().prepare_delta_change_value(change, value)


class VersionedAdmin(SimpleHistoryAdmin):
    """An admin for a versioned record: conflicts refused, history read-only."""

    form = VersionedForm

    # -- the change form ---------------------------------------------------

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        (name, options), *rest = fieldsets
        if VERSION_FIELD in options["fields"]:
            return fieldsets
        return [(name, {**options, "fields": [*options["fields"], VERSION_FIELD]}), *rest]

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except ValidationError as error:
            # Refused while writing (a save that raced past validation, or an
            # inline row competing with another): the whole submission is
            # rolled back and the coordinator reads why.
            self.message_user(
                request,
                gettext("Nothing was saved. %(reasons)s") % {"reasons": " ".join(error.messages)},
                messages.ERROR,
            )
            return HttpResponseRedirect(request.get_full_path())

    def save_model(self, request, obj, form, change):
        if change:
            lock_current(obj, loaded_version=self.loaded_version(request, obj, form))
        super().save_model(request, obj, form, change)

    def loaded_version(self, request, obj, form) -> int | None:
        if VERSION_FIELD in form.fields:
            return form.cleaned_data.get(VERSION_FIELD)
        return posted_versions(request).get(str(obj.pk))  # a list_editable row

    def save_formset(self, request, form, formset, change):
        if not issubclass(formset.model, Versioned):
            return super().save_formset(request, form, formset, change)
        loaded = {f.instance.pk: f.cleaned_data.get(VERSION_FIELD) for f in formset.initial_forms if f.cleaned_data}
        records = formset.save(commit=False)
        for record in formset.deleted_objects:
            record.delete()
        for record in records:
            try:
                self.save_inline_record(request, record, loaded.get(record.pk))
            except ValidationError as error:
                raise ValidationError(refusal(record, error)) from error
        formset.save_m2m()

    def save_inline_record(self, request, record, loaded_version: int | None) -> None:
        from . import services  # services import the models; the admin imports both

        if isinstance(record, Placement):
            services.placement_save(placement=record, loaded_version=loaded_version, by=request.user)
            return
        if not record._state.adding:
            lock_current(record, loaded_version=loaded_version)
        record._history_user = request.user
        record.save()

    # -- the changelist: actions and list_editable --------------------------

    def action_checkbox(self, obj):
        # The version each row was shown at travels with the selection.
        return format_html(
            '{}<input type="hidden" name="_version_{}" value="{}">', super().action_checkbox(obj), obj.pk, obj.version
        )

    def get_changelist_formset(self, request, **kwargs):
        FormSet = super().get_changelist_formset(request, **kwargs)
        versions = posted_versions(request)

        class VersionedChangelistFormSet(FormSet):
            def clean(self):
                super().clean()
                conflicts = []
                for form in self.forms:
                    if form.has_changed():
                        message = stale_message(form.instance, versions.get(str(form.instance.pk)))
                        if message:
                            conflicts.append(message)
                for message in conflicts:
                    messages.error(request, with_reload_link(message))
                if conflicts:
                    raise ValidationError(conflicts)

        return VersionedChangelistFormSet

    def changelist_view(self, request, extra_context=None):
        try:
            return super().changelist_view(request, extra_context)
        except ValidationError as error:
            self.message_user(
                request,
                gettext("Nothing was saved. %(reasons)s") % {"reasons": " ".join(error.messages)},
                messages.ERROR,
            )
            return HttpResponseRedirect(request.get_full_path())

    # -- history: read, never rewritten -----------------------------------

    def get_historical_record_context_helper(self, request, historical_record):
        return ReadableChanges(self.model, historical_record)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method != "GET":
            raise PermissionDenied  # simple-history would save ("revert") a POST here
        return super().history_form_view(request, object_id, version_id, extra_context)


def versioned_row_form(base: type[forms.ModelForm]) -> type[forms.ModelForm]:
    """`base` with the hidden loaded version of each inline row."""
    return type(f"Versioned{base.__name__}", (VersionedForm, base), {"check_unchanged": False})
