"""Load the demo data set (placements/demo.py) and the demo accounts.

Run it as often as you like: every record is found by its natural key and
brought up to date, so a second run leaves the database as the first left it.
Everything happens in one transaction and every record is validated with
full_clean() (placements through placement_save, like the admin) before it is
saved: the demo data obeys the same rules as real data, or nothing is loaded.
"""

import os
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import models, transaction

from placements import demo
from placements.models import Agreement, Cohort, Department, Event, Field, HostOffer, Participant, Placement
from placements.services import placement_save

# Printed in the accounts table on purpose: see Command.user().
DEFAULT_PASSWORD = "demo"  # noqa: S105


class Command(BaseCommand):
    help = (
        "Load the demo programme (the first Shenzhen–Hong Kong cohort of December 2023 and a 2012 cohort) "
        "and one demo account per role, with the password from DEMO_PASSWORD (default 'demo'). Idempotent."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        password = os.environ.get("DEMO_PASSWORD") or DEFAULT_PASSWORD
        if settings.PRODUCTION and password == DEFAULT_PASSWORD:
            # A public server must never carry accounts whose password is in the README.
            raise CommandError(
                "Refusing to create demo accounts with the default password in production: set DEMO_PASSWORD."
            )

        self.counts = {"created": 0, "updated": 0, "unchanged": 0}
        with transaction.atomic():
            accounts = self.load(password)

        self.stdout.write(
            self.style.SUCCESS(
                "Demo data loaded: {created} records created, {updated} updated, {unchanged} unchanged.".format(
                    **self.counts
                )
            )
        )
        self.print_accounts(accounts)

    # -- loading ---------------------------------------------------------------

    def load(self, password: str) -> list[dict[str, str]]:
        fields = {
            spec["name_en"]: self.upsert(Field, {"name_en": spec["name_en"]}, {"name_zh": spec["name_zh"]})
            for spec in demo.FIELDS
        }

        agreements = {}
        for spec in demo.AGREEMENTS:
            values = {k: v for k, v in spec.items() if k not in ("short_title", "fields")}
            agreement = self.upsert(Agreement, {"short_title": spec["short_title"]}, values)
            wanted = {fields[name].pk for name in spec["fields"]}
            if set(agreement.fields.values_list("pk", flat=True)) != wanted:
                agreement.fields.set(wanted)
            agreements[spec["short_title"]] = agreement

        departments: dict[str, Department] = {}
        for spec in demo.DEPARTMENTS:
            values = {k: v for k, v in spec.items() if k not in ("key", "jurisdiction", "name_en", "parent")}
            values.setdefault("short_name", "")
            values["parent"] = departments[spec["parent"]] if "parent" in spec else None
            departments[spec["key"]] = self.upsert(
                Department, {"jurisdiction": spec["jurisdiction"], "name_en": spec["name_en"]}, values
            )

        cohorts = {}
        for spec in demo.COHORTS:
            values = {k: v for k, v in spec.items() if k not in ("agreement", "name_en", "offers", "events")}
            cohort = self.upsert(
                Cohort, {"agreement": agreements[spec["agreement"]], "name_en": spec["name_en"]}, values
            )
            for key, places in spec["offers"].items():
                self.upsert(HostOffer, {"cohort": cohort, "department": departments[key]}, {"places": places})
            for event in spec["events"]:
                values = {k: v for k, v in event.items() if k != "kind"}
                self.upsert(Event, {"cohort": cohort, "kind": event["kind"]}, values)
            cohorts[spec["name_en"]] = cohort

        accounts = [self.staff_account(spec, password) for spec in demo.STAFF_ACCOUNTS]

        officers = {}
        for spec in demo.OFFICERS:
            user = None
            if spec["username"]:
                user = self.user(spec["username"], spec["name_en"], password, group=None, is_staff=False)
                accounts.append(
                    {
                        "role": "Participant",
                        "username": user.username,
                        "password": password,
                        "goes_to": demo.PARTICIPANT_GOES_TO,
                        "who": f"{spec['name_en']} {spec['name_zh']}, {spec['grade']}",
                    }
                )
            values = {k: v for k, v in spec.items() if k not in ("username", "home", "name_en")}
            values["user"] = user
            values["work_email"] = f"{spec['username'] or slug(spec['name_en'])}@example.gov.hk"
            officers[spec["name_en"]] = self.upsert(
                Participant, {"home_department": departments[spec["home"]], "name_en": spec["name_en"]}, values
            )

        for spec in demo.PLACEMENTS:
            values = {k: v for k, v in spec.items() if k not in ("officer", "cohort", "host", "field")}
            values["host_department"] = departments[spec["host"]]
            values["field"] = fields[spec["field"]]
            self.upsert(
                Placement,
                {"participant": officers[spec["officer"]], "cohort": cohorts[spec["cohort"]]},
                values,
                save=lambda placement: placement_save(placement=placement),
            )
        return accounts

    def upsert(self, model: type[models.Model], lookup: dict, values: dict, save=None) -> models.Model:
        """update_or_create() by natural key, but validated, and saved only when something changed.

        update_or_create() saves without full_clean(); the demo must pass the
        rules a coordinator's entry passes. Skipping unchanged rows keeps a
        second run from touching anything, not even `updated_at`.
        """
        instance = model.objects.filter(**lookup).first()
        if instance is None:
            instance = model(**lookup)
            changed, outcome = True, "created"
        else:
            changed = any(getattr(instance, name) != value for name, value in values.items())
            outcome = "updated" if changed else "unchanged"
        for name, value in values.items():
            setattr(instance, name, value)
        self.counts[outcome] += 1
        if save:
            if changed:
                save(instance)  # the service validates, then saves
            else:
                instance.full_clean()
            return instance
        instance.full_clean()
        if changed:
            instance.save()
        return instance

    def staff_account(self, spec: dict, password: str) -> dict[str, str]:
        user = self.user(
            spec["username"],
            f"{spec['first_name']} {spec['last_name']}",
            password,
            group=spec["group"],
            is_staff=spec["is_staff"],
        )
        return {
            "role": spec["role"],
            "username": user.username,
            "password": password,
            "goes_to": spec["goes_to"],
            "who": f"group {spec['group']}" + (", staff" if spec["is_staff"] else ""),
        }

    def user(self, username: str, full_name: str, password: str, *, group: str | None, is_staff: bool):
        user = get_user_model().objects.filter(username=username).first()
        changed = user is None
        if user is None:
            user = get_user_model()(username=username)
        first_name, _, last_name = full_name.partition(" ")
        values = {
            "first_name": first_name,
            "last_name": last_name,
            "email": f"{username}@example.gov.hk",
            "is_staff": is_staff,
            "is_active": True,
        }
        changed = changed or any(getattr(user, name) != value for name, value in values.items())
        for name, value in values.items():
            setattr(user, name, value)
        # Demo passwords skip AUTH_PASSWORD_VALIDATORS on purpose: "demo" is
        # short and common, which is the point — people must be able to try
        # the app from the printed table. set_password() never runs the
        # validators, so nothing is bypassed by a trick; production refuses
        # the default (see handle()). Re-hashing only when the password
        # differs keeps a second run from changing the row.
        if not user.check_password(password):
            user.set_password(password)
            changed = True
        user.full_clean()
        self.counts["created" if user._state.adding else "updated" if changed else "unchanged"] += 1
        if changed:
            user.save()
        if group and not user.groups.filter(name=group).exists():
            user.groups.add(Group.objects.get(name=group))
        return user

    # -- output ----------------------------------------------------------------

    def print_accounts(self, accounts: list[dict[str, str]]) -> None:
        headers = {"role": "Role", "username": "Username", "password": "Password", "goes_to": "Goes to", "who": "Who"}
        widths = {key: max(len(headers[key]), *(len(a[key]) for a in accounts)) for key in headers}

        def row(values: dict[str, str]) -> str:
            return "  ".join(values[key].ljust(widths[key]) for key in headers).rstrip()

        self.stdout.write("")
        self.stdout.write("Demo accounts (they exist only because load_demo ran):")
        self.stdout.write(row(headers))
        self.stdout.write(row({key: "-" * widths[key] for key in headers}))
        for account in accounts:
            self.stdout.write(row(account))


def slug(name: str) -> str:
    """'Kwok Wai-lun' -> 'kwok.wailun', the shape of the demo usernames."""
    surname, _, given = name.lower().partition(" ")
    return f"{surname}.{given.replace('-', '')}"
