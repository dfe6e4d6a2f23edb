"""No lost updates: a save must start from the version that is stored.

Every versioned record (placements.models.base.Versioned) carries a version
number. Whoever saves names the version they loaded; `lock_current` locks the
stored row (SELECT … FOR UPDATE on PostgreSQL; on SQLite the IMMEDIATE
transaction already holds the write lock), compares, and moves the record one
version on. A save that started from an older version is refused with an
`EditConflict` naming who changed the record, when and which fields, so the
coordinator can reload and redo their edit: nothing of the first save is lost.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext

# Fields every save touches: they say nothing about what someone changed.
BOOKKEEPING = {"version", "updated_at", "created_at"}


class EditConflict(ValidationError):
    """Someone else saved the record after this save's version was loaded."""


def lock_current(instance: models.Model, *, loaded_version: int | None) -> models.Model:
    """Lock and return the stored copy of `instance`, and move `instance` one version on.

    `loaded_version` is the version the editor started from; None means the
    caller holds no earlier copy (a service acting on the latest state).
    """
    model = type(instance)
    current = model._base_manager.select_for_update().filter(pk=instance.pk).first()
    if current is None:
        raise EditConflict(
            gettext("“%(record)s” was deleted by someone else after you opened it; nothing was saved.")
            % {"record": instance}
        )
    if loaded_version is not None and current.version != loaded_version:
        raise EditConflict(conflict_message(current, loaded_version))
    instance.version = current.version + 1
    return current


def conflict_message(current: models.Model, loaded_version: int) -> str:
    """Who changed the record since `loaded_version`, when, and which fields."""
    later = list(
        current.history.filter(version__gt=loaded_version).select_related("history_user").order_by("history_date")
    )
    if not later:
        return gettext(
            "“%(record)s” was changed by someone else after you opened it. Your changes were not saved; "
            "reload it to see the current version, then make your changes again."
        ) % {"record": current}
    names = []
    for record in later:
        user = record.history_user
        name = (user.get_full_name() or user.get_username()) if user else gettext("someone else")
        if name not in names:
            names.append(name)
    loaded = current.history.filter(version=loaded_version).order_by("-history_date").first()
    fields = []
    if loaded is not None:
        delta = later[-1].diff_against(loaded)
        fields = [
            str(capfirst(current._meta.get_field(name).verbose_name))
            for name in delta.changed_fields
            if name not in BOOKKEEPING
        ]
    return gettext(
        "%(who)s changed “%(record)s” at %(when)s, after you opened it (%(fields)s). Your changes were not "
        "saved, so nothing of theirs is lost: reload it to see the current version, then make your changes again."
    ) % {
        "who": ", ".join(names),
        "record": current,
        "when": date_format(timezone.localtime(later[-1].history_date), "DATETIME_FORMAT"),
        "fields": ", ".join(fields) if fields else gettext("its status or record"),
    }
