"""Importing a nomination file: officers and their placements for one cohort.

Three steps, all or nothing:

1. `nomination_file_read` turns an uploaded CSV or XLSX file into rows of
   text, or refuses the whole file (empty, not a spreadsheet, columns missing
   or misspelt, an encoding it cannot read for certain) with a FileRefused
   saying how to fix it. GBK- and Big5-encoded CSV files, which Excel writes
   on Chinese Windows, are recognised and read.
2. `nomination_preview` checks every row against the database and against the
   other rows, and says for each what will be created or updated and every
   error. It writes nothing.
3. `nomination_import` locks what the rows touch, checks again (someone may
   have changed something since the preview) and, only if no row has an
   error, writes every row in one transaction, with history.

Checking 20 000 rows one `full_clean()` at a time would cost several queries a
row; instead the preview loads what the rows refer to once (departments,
fields, the officers and their placements, the host offers) and checks each
row in memory with the same model rules (`Placement.own_rule_errors`).
"""

import csv
import datetime as dt
import difflib
import io
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models.functions import Lower
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from . import freshness
from .models import (
    ACTIVE_STATUSES,
    Cohort,
    Department,
    Field,
    HostOffer,
    NominationImport,
    Participant,
    Placement,
    PlacementStatus,
    Seniority,
    Stream,
)
from .services import refused_by_database

MAX_BYTES = 20 * 1024 * 1024
MAX_ROWS = 50_000
# Big IN lists go to the database in slices (SQLite allows 32 766 parameters).
CHUNK = 2000


@dataclass(frozen=True)
class Column:
    key: str
    required: bool
    help: Promise
    example: str


COLUMNS = [
    Column("name_en", True, _("The officer's name in English, as in their staff record."), "CHAN Tai-man"),
    Column("name_zh", False, _("The officer's name in Chinese."), "陳大文"),
    Column(
        "work_email",
        True,
        _("Work e-mail: how the import recognises an officer already on file."),
        "tmchan@pland.gov.hk",
    ),
    Column("home_department", True, _("Home department: its English or Chinese name or short name."), "PlanD"),
    Column("post_title", False, _("Post title at home."), "Senior Town Planner"),
    Column("grade", True, _("Grade or rank."), "Senior Town Planner"),
    Column(
        "stream", True, _("Professional stream, e.g. Town Planner, Engineer, Administrative Officer."), "Town Planner"
    ),
    Column("seniority", True, _("Middle or Senior."), "Senior"),
    Column("work_phone", False, _("Work phone."), "+852 2231 5000"),
    Column("language", False, _("Language for e-mails: en, zh-hant or zh-hans (English if empty)."), "zh-hant"),
    Column("host_department", True, _("Host department: its English or Chinese name or short name."), "福田区人民政府"),
    Column("field", True, _("Field of exchange, in English or Chinese."), "Urban planning"),
    Column("role_en", False, _("Role at the host, in English."), "Special assistant to the deputy district head"),
    Column("role_zh", False, _("Role at the host, in Chinese."), "區長助理"),
    Column("start_date", True, _("First day, as 2023-12-15 (year-month-day)."), "2023-12-15"),
    Column("end_date", True, _("Last day, as 2024-03-14 (year-month-day)."), "2024-03-14"),
    Column("supervisor_name", False, _("Host supervisor's name."), ""),
    Column("supervisor_title", False, _("Host supervisor's title."), ""),
    Column("supervisor_contact", False, _("Host supervisor's work e-mail or phone."), ""),
    Column("objectives", False, _("Objectives of the placement."), ""),
]
KEYS = [column.key for column in COLUMNS]
REQUIRED = [column.key for column in COLUMNS if column.required]

OFFICER_FIELDS = ["name_en", "name_zh", "grade", "stream", "seniority", "post_title", "work_phone", "language"]
PLACEMENT_FIELDS = [
    "role_en",
    "role_zh",
    "start_date",
    "end_date",
    "supervisor_name",
    "supervisor_title",
    "supervisor_contact",
    "objectives",
]


class FileRefused(ValidationError):
    """The file as a whole cannot be read: nothing to preview."""


class ImportRefused(ValidationError):
    """At least one row has an error: nothing was written."""

    def __init__(self, preview: "Preview"):
        super().__init__(
            ngettext(
                "%(count)d row has an error; nothing was imported.",
                "%(count)d rows have errors; nothing was imported.",
                preview.error_count,
            )
            % {"count": preview.error_count}
        )
        self.preview = preview


# -- 1. reading the file ----------------------------------------------------------------


@dataclass
class ReadFile:
    rows: list[dict]  # each row's cells by column key, as text, plus "_line"
    notices: list[str] = field(default_factory=list)


SAVE_AS_UTF8 = _(
    "Save it as UTF-8 and upload it again: in Excel, File › Save As, file format “CSV UTF-8 (Comma delimited) "
    "(*.csv)”; in LibreOffice or WPS, Save As CSV and choose the character set “Unicode (UTF-8)”; or upload "
    "the .xlsx workbook itself."
)


def nomination_file_read(*, data: bytes, file_name: str = "") -> ReadFile:
    """The rows of an uploaded nomination file, or FileRefused saying what is wrong."""
    if not data or not data.strip():
        raise FileRefused(gettext("The file is empty."))
    if len(data) > MAX_BYTES:
        raise FileRefused(
            gettext("The file is larger than %(mb)d MB; split it by cohort or host.") % {"mb": MAX_BYTES // 2**20}
        )
    notices: list[str] = []
    if data.startswith(b"PK\x03\x04"):
        table = read_xlsx(data)
    elif data.startswith(b"\xd0\xcf\x11\xe0"):
        raise FileRefused(
            gettext(
                "This is an old-style Excel file (.xls). Open it in Excel and save it as an Excel Workbook (.xlsx) "
                "or as CSV UTF-8, then upload that."
            )
        )
    elif looks_binary(data):
        raise FileRefused(
            gettext(
                "This file is not a spreadsheet. Upload the nomination list as CSV or as an Excel workbook "
                "(.xlsx); the template on this page shows the columns."
            )
        )
    else:
        text, notice = decode(data)
        if notice:
            notices.append(notice)
        table = read_csv(text)
    return ReadFile(rows=rows_by_column(table), notices=notices)


def looks_binary(data: bytes) -> bool:
    head = data[:4096]
    return b"\x00" in head or head.startswith((b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\x1f\x8b"))


def read_xlsx(data: bytes) -> Iterable[tuple[int, list]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
        return [(number, list(cells)) for number, cells in enumerate(sheet.iter_rows(values_only=True), start=1)]
    except Exception as error:  # a damaged or foreign zip: any failure means "cannot read"
        raise FileRefused(
            gettext("This file looks like a zip archive but not like an Excel workbook that can be read: %(error)s")
            % {"error": error.__class__.__name__}
        ) from error


def read_csv(text: str) -> Iterable[tuple[int, list]]:
    first_line = text.split("\n", 1)[0]
    delimiter = max([",", ";", "\t"], key=first_line.count)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        return [(reader.line_num, cells) for cells in reader]
    except csv.Error as error:
        raise FileRefused(gettext("The CSV file cannot be read: %(error)s") % {"error": error}) from error


def decode(data: bytes) -> tuple[str, str | None]:
    """The file's text, and a notice when it was not UTF-8."""
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), None  # Excel's "Unicode text"
    candidates = []
    for codec, name in (("gb18030", "GBK"), ("big5hkscs", "Big5")):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        candidates.append((plausibility(text, name), name, text))
    candidates.sort(reverse=True)
    if candidates:
        best_score, name, text = candidates[0]
        runner_up = candidates[1][0] if len(candidates) > 1 else 0.0
        if best_score >= 0.9 and best_score - runner_up >= 0.15:
            notice = gettext(
                "The file was saved as %(encoding)s, not UTF-8; it was read as %(encoding)s. Check the Chinese "
                "names below. Next time, save it as “CSV UTF-8” in Excel (File › Save As)."
            ) % {"encoding": name}
            return text, notice
    raise FileRefused(
        gettext("The file is not saved as UTF-8, and its Chinese cannot be read for certain. ") + SAVE_AS_UTF8
    )


def plausibility(text: str, encoding: str) -> float:
    """How much of the text reads as everyday Chinese in `encoding`'s script, from 0 to 1.

    A file read with the wrong one of GBK and Big5 still decodes, but into rare
    characters, kana or Cyrillic. Everyday characters are those of GB 2312 for
    GBK, and Big5's first level (lead bytes A4–C6) for Big5.
    """
    common = other = 0
    for char in text:
        if char.isascii() or unicodedata.category(char).startswith(("P", "Z", "S")):
            continue
        if everyday(char, encoding):
            common += 1
        else:
            other += 1
    return common / (common + other) if common + other else 0.0


def everyday(char: str, encoding: str) -> bool:
    if not "\u4e00" <= char <= "\u9fff":
        return False
    try:
        if encoding == "GBK":
            char.encode("gb2312")
            return True
        return 0xA4 <= char.encode("big5")[0] <= 0xC6
    except UnicodeEncodeError:
        return False


def header_key(cell) -> str:
    text = unicodedata.normalize("NFKC", str(cell or "")).strip().lower()
    return re.sub(r"[\s\-]+", "_", text)


def rows_by_column(table: Iterable[tuple[int, list]]) -> list[dict]:
    table = iter(table)
    for _line, header in table:
        if any(cell_text(cell) for cell in header):
            break
    else:
        raise FileRefused(gettext("The file is empty."))
    keys = [header_key(cell) for cell in header]
    problems = []
    for position, key in enumerate(keys, start=1):
        if key and key not in KEYS:
            close = difflib.get_close_matches(key, KEYS, n=1, cutoff=0.6)
            if close:
                problems.append(
                    gettext("Column %(n)d is called “%(name)s”: did you mean “%(key)s”?")
                    % {"n": position, "name": header[position - 1], "key": close[0]}
                )
            else:
                problems.append(
                    gettext("Column %(n)d, “%(name)s”, is not a column of the nomination file.")
                    % {"n": position, "name": header[position - 1]}
                )
    duplicated = [key for key, count in Counter(k for k in keys if k).items() if count > 1]
    for key in duplicated:
        problems.append(gettext("The column “%(key)s” appears more than once.") % {"key": key})
    missing = [key for key in REQUIRED if key not in keys]
    if missing:
        problems.append(
            ngettext("A required column is missing: %(keys)s.", "Required columns are missing: %(keys)s.", len(missing))
            % {"keys": ", ".join(missing)}
        )
    if problems:
        raise FileRefused(
            [
                *problems,
                gettext("The first row must name the columns as in the template: %(keys)s.")
                % {"keys": ", ".join(KEYS)},
            ]
        )
    rows = []
    for line, cells in table:
        values = {key: cell_text(cell) for key, cell in zip(keys, cells, strict=False) if key}
        if not any(values.values()):
            continue
        rows.append({"_line": line, **{key: values.get(key, "") for key in KEYS}})
        if len(rows) > MAX_ROWS:
            raise FileRefused(
                gettext("The file has more than %(max)d rows; split it into smaller files.") % {"max": MAX_ROWS}
            )
    if not rows:
        raise FileRefused(gettext("The file has a header row but no officers in it."))
    return rows


def cell_text(cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, dt.datetime):
        return cell.date().isoformat() if cell.time() == dt.time() else cell.isoformat(sep=" ")
    if isinstance(cell, dt.date):
        return cell.isoformat()
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return unicodedata.normalize("NFC", str(cell)).strip()


# -- 2. checking every row ---------------------------------------------------------------


@dataclass
class Row:
    line: int
    values: dict
    officer: str = ""  # "create", "update" or "unchanged"
    placement: str = ""
    changes: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    participant: Participant | None = None
    record: Placement | None = None


@dataclass
class Preview:
    rows: list[Row]
    notices: list[str] = field(default_factory=list)

    @property
    def error_count(self) -> int:
        return sum(1 for row in self.rows if row.errors)

    @property
    def ok(self) -> bool:
        return self.error_count == 0

    def count(self, what: str, action: str) -> int:
        return sum(1 for row in self.rows if getattr(row, what) == action)


def names(value: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", value)).strip().casefold()


class Lookup:
    """Records found by any of their names, case and spacing ignored."""

    def __init__(self, records: Iterable, *attributes: str):
        self.by_name: dict[str, list] = defaultdict(list)
        for record in records:
            for attribute in attributes:
                value = getattr(record, attribute)
                if value and record not in self.by_name[names(value)]:
                    self.by_name[names(value)].append(record)

    def find(self, value: str):
        return self.by_name.get(names(value), [])

    def close(self, value: str) -> list[str]:
        return difflib.get_close_matches(names(value), list(self.by_name), n=1, cutoff=0.75)


def choice_lookup(choices: type) -> dict[str, str]:
    """A choice's value from its code or its label in any of the site's languages."""
    found = {}
    for code, label in choices.choices:
        found[names(code)] = code
        for language, _name in settings.LANGUAGES:
            with translation.override(language):
                found[names(str(label))] = code
    return found


def parse_date(text: str) -> dt.date | None:
    text = text.strip()
    for pattern in ("%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d %H:%M:%S"):
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def chunks(values: list, size: int = CHUNK) -> Iterable[list]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


class Checker:
    """Everything the rows of one file refer to, loaded once."""

    def __init__(self, cohort: Cohort, rows: list[dict]):
        self.cohort = Cohort.objects.select_related("agreement").prefetch_related("agreement__fields").get(pk=cohort.pk)
        self.home = Lookup(
            Department.objects.filter(jurisdiction=self.cohort.home_jurisdiction), "name_en", "name_zh", "short_name"
        )
        self.host = Lookup(
            Department.objects.filter(jurisdiction=self.cohort.host_jurisdiction), "name_en", "name_zh", "short_name"
        )
        self.fields = Lookup(Field.objects.all(), "name_en", "name_zh")
        self.streams = choice_lookup(Stream)
        self.seniorities = choice_lookup(Seniority)
        self.languages = {names(code): code for code, _name in settings.LANGUAGES} | {
            names(name): code for code, name in settings.LANGUAGES
        }
        self.offers = {offer.department_id: offer for offer in HostOffer.objects.filter(cohort=self.cohort)}

        emails = sorted({row["work_email"].strip().lower() for row in rows if row["work_email"].strip()})
        self.officers: dict[str, Participant] = {}
        for part in chunks(emails):
            for officer in (
                Participant.objects.annotate(email_key=Lower("work_email"))
                .filter(email_key__in=part)
                .select_related("home_department")
            ):
                self.officers.setdefault(officer.email_key, officer)
        self.placements: dict[int, list[Placement]] = defaultdict(list)  # officer → active placements
        officer_ids = [officer.pk for officer in self.officers.values()]
        for part in chunks(officer_ids):
            for placement in Placement.objects.filter(participant_id__in=part).select_related("host_department"):
                self.placements[placement.participant_id].append(placement)
        # Places already taken at each host by placements the file does not
        # touch; those of officers in the file are counted through their rows.
        in_file = set(officer_ids)
        self.taken = Counter(
            host_id
            for officer_id, host_id in Placement.objects.filter(
                cohort=self.cohort, status__in=ACTIVE_STATUSES
            ).values_list("participant_id", "host_department_id")
            if officer_id not in in_file
        )

    def check(self, rows: list[dict]) -> list[Row]:
        checked = []
        seen_emails: dict[str, int] = {}
        seen_lines: dict[tuple, int] = {}
        used_per_host: Counter = Counter()
        for values in rows:
            row = Row(line=values["_line"], values=values)
            checked.append(row)
            content = tuple(values.get(key, "") for key in KEYS)
            if content in seen_lines:
                row.errors.append(
                    gettext("Row %(line)d repeats row %(first)d exactly.")
                    % {"line": row.line, "first": seen_lines[content]}
                )
                continue
            seen_lines[content] = row.line
            email = values["work_email"].strip().lower()
            if email in seen_emails:
                row.errors.append(
                    gettext(
                        "This officer (%(email)s) is already on row %(first)d: one placement per officer per cohort."
                    )
                    % {"email": values["work_email"], "first": seen_emails[email]}
                )
                continue
            if email:
                seen_emails[email] = row.line
            self.check_row(row, email, used_per_host)
        return checked

    def check_row(self, row: Row, email: str, used_per_host: Counter) -> None:
        values = row.values
        error = row.errors.append
        for key in REQUIRED:
            if not values[key]:
                error(gettext("%(column)s is empty.") % {"column": key})

        home = self.department(
            self.home, values["home_department"], "home_department", self.cohort.home_jurisdiction, row
        )
        host = self.department(
            self.host, values["host_department"], "host_department", self.cohort.host_jurisdiction, row
        )
        field_ = None
        if values["field"]:
            found = self.fields.find(values["field"])
            if found:
                field_ = found[0]
            else:
                error(self.unknown("field", values["field"], self.fields))
        stream = self.choice(values["stream"], self.streams, "stream", row)
        seniority = self.choice(values["seniority"], self.seniorities, "seniority", row)
        language = settings.LANGUAGE_CODE
        if values["language"]:
            language = self.languages.get(names(values["language"]))
            if language is None:
                error(
                    gettext("language: “%(value)s” is not one of %(choices)s.")
                    % {"value": values["language"], "choices": ", ".join(code for code, _name in settings.LANGUAGES)}
                )
        start = self.date(values["start_date"], "start_date", row)
        end = self.date(values["end_date"], "end_date", row)
        if start and end and end < start:
            error(
                gettext("end_date (%(end)s) is before start_date (%(start)s): are the two columns swapped?")
                % {"end": values["end_date"], "start": values["start_date"]}
            )

        # The officer: found by work e-mail, or new.
        existing = self.officers.get(email)
        officer = existing or Participant()
        officer.work_email = values["work_email"].strip()
        new_values = {
            "name_en": values["name_en"],
            "name_zh": values["name_zh"],
            "grade": values["grade"],
            "stream": stream or "",
            "seniority": seniority or "",
            "post_title": values["post_title"],
            "work_phone": values["work_phone"],
        }
        if values["language"] or not existing:
            new_values["language"] = language or settings.LANGUAGE_CODE
        changed = [name for name, value in new_values.items() if getattr(officer, name) != value]
        for name, value in new_values.items():
            setattr(officer, name, value)
        if home:
            if officer.home_department_id != home.pk:
                changed.append("home_department")
            officer.home_department = home
        if existing and changed:
            row.officer = "update"
            row.changes += [f"{name}" for name in changed]
        else:
            row.officer = "unchanged" if existing else "create"
        try:
            officer.clean_fields(exclude=["home_department", "user", "stream", "seniority", "language"])
        except ValidationError as invalid:
            row.errors += field_messages(invalid)
        row.participant = officer

        # The placement: the officer's one in this cohort, or new.
        current = None
        if existing:
            current = next((p for p in self.placements[existing.pk] if p.cohort_id == self.cohort.pk), None)
        placement = current or Placement(status=PlacementStatus.PROPOSED)
        placement.cohort = self.cohort  # with its agreement and fields loaded
        placement.participant = officer
        placement_values = {name: values[name] for name in PLACEMENT_FIELDS if name not in ("start_date", "end_date")}
        placement_values |= {"start_date": start, "end_date": end}
        placement_changes = [name for name, value in placement_values.items() if getattr(placement, name) != value]
        for name, value in placement_values.items():
            setattr(placement, name, value)
        if host:
            if placement.host_department_id != host.pk:
                placement_changes.append("host_department")
            placement.host_department = host
        if field_:
            if placement.field_id != field_.pk:
                placement_changes.append("field")
            placement.field = field_
        if current is None:
            row.placement = "create"
        elif not placement_changes:
            row.placement = "unchanged"
        elif current.status != PlacementStatus.PROPOSED:
            error(
                gettext(
                    "The officer's placement in this cohort is already “%(status)s”: change it on its own page, "
                    "not by import."
                )
                % {"status": current.get_status_display()}
            )
        else:
            row.placement = "update"
            row.changes += placement_changes
        row.record = placement

        if not row.errors or (start and end and host and field_):
            try:
                placement.clean_fields(exclude=["participant", "cohort", "host_department", "field", "status"])
            except ValidationError as invalid:
                row.errors += field_messages(invalid)
            if start and end and end >= start:  # swapped dates are said once, above
                for name, messages in placement.own_rule_errors().items():
                    row.errors += [f"{name}: {message}" for message in messages]
                self.check_overlap(row, placement, existing, current)
        if host and placement.is_active:
            self.check_capacity(row, host, used_per_host)

    def department(self, lookup: Lookup, value: str, column: str, jurisdiction: str, row: Row):
        if not value:
            return None
        found = lookup.find(value)
        if len(found) == 1:
            return found[0]
        if found:
            row.errors.append(
                gettext("%(column)s: “%(value)s” could be any of %(names)s; use the full English name.")
                % {"column": column, "value": value, "names": "; ".join(d.name_en for d in found)}
            )
            return None
        row.errors.append(self.unknown(column, value, lookup, jurisdiction))
        return None

    def unknown(self, column: str, value: str, lookup: Lookup, jurisdiction: str = "") -> str:
        close = lookup.close(value)
        hint = ""
        if close:
            hint = " " + gettext("Did you mean “%(name)s”?") % {"name": lookup.find(close[0])[0].name_en}
        if column == "field":
            return gettext("field: there is no field of exchange called “%(value)s”.") % {"value": value} + hint
        from .models import Jurisdiction

        return (
            gettext("%(column)s: there is no department called “%(value)s” in %(side)s.")
            % {"column": column, "value": value, "side": Jurisdiction(jurisdiction).label}
            + hint
        )

    def choice(self, value: str, lookup: dict, column: str, row: Row) -> str | None:
        if not value:
            return None
        code = lookup.get(names(value))
        if code is None:
            labels = sorted({str(label) for label in (Stream if column == "stream" else Seniority).labels})
            row.errors.append(
                gettext("%(column)s: “%(value)s” is not one of %(choices)s.")
                % {"column": column, "value": value, "choices": ", ".join(labels)}
            )
        return code

    def date(self, value: str, column: str, row: Row) -> dt.date | None:
        if not value:
            return None
        day = parse_date(value)
        if day is None:
            row.errors.append(
                gettext("%(column)s: “%(value)s” is not a date. Write dates as 2024-03-14 (year-month-day).")
                % {"column": column, "value": value}
            )
        return day

    def check_overlap(self, row: Row, placement: Placement, existing, current) -> None:
        if not existing:
            return
        for other in self.placements[existing.pk]:
            if other.pk == getattr(current, "pk", None) or not other.is_active:
                continue
            if other.start_date <= placement.end_date and other.end_date >= placement.start_date:
                row.errors.append(
                    gettext("This officer is already placed with %(host)s from %(start)s to %(end)s.")
                    % {
                        "host": other.host_department.name,
                        "start": date_format(other.start_date),
                        "end": date_format(other.end_date),
                    }
                )

    def check_capacity(self, row: Row, host: Department, used_per_host: Counter) -> None:
        offer = self.offers.get(host.pk)
        if offer is None:
            row.errors.append(
                gettext("%(department)s has offered no places in this cohort. Add a host offer first.")
                % {"department": host.name}
            )
            return
        used_per_host[host.pk] += 1
        taken = self.taken[host.pk] + used_per_host[host.pk]
        if taken > offer.places:
            row.errors.append(
                ngettext(
                    "%(department)s offered %(places)d place in this cohort; this row would be number %(n)d.",
                    "%(department)s offered %(places)d places in this cohort; this row would be number %(n)d.",
                    offer.places,
                )
                % {"department": host.name, "places": offer.places, "n": taken}
            )


def field_messages(invalid: ValidationError) -> list[str]:
    """Each message as "column: message", leaving out "cannot be blank" (said once per empty column)."""
    return [
        f"{name}: {message}"
        for name, errors in invalid.error_dict.items()
        for error in errors
        if error.code not in ("blank", "null")
        for message in error.messages
    ]


def nomination_preview(*, cohort: Cohort, rows: list[dict], notices: list[str] | None = None) -> Preview:
    """What importing `rows` into `cohort` would do, row by row, and every error. Writes nothing."""
    checker = Checker(cohort, rows)
    return Preview(rows=checker.check(rows), notices=list(notices or []))


# -- 3. writing, all or nothing ------------------------------------------------------------


@transaction.atomic
def nomination_import(*, cohort: Cohort, rows: list[dict], by: AbstractBaseUser, file_name: str) -> NominationImport:
    """Write every row of a checked file, or nothing (ImportRefused, with the fresh preview)."""
    # Lock what the rows touch, in the order placement_save locks (placement,
    # officer, offer), so a coordinator saving at the same moment waits
    # rather than deadlocks; then check again against what is stored now.
    list(Placement.objects.select_for_update().filter(cohort=cohort).values_list("pk", flat=True))
    emails = sorted({row["work_email"].strip().lower() for row in rows})
    for part in chunks(emails):
        list(
            Participant.objects.annotate(email_key=Lower("work_email"))
            .filter(email_key__in=part)
            .select_for_update()
            .values_list("pk", flat=True)
        )
    list(HostOffer.objects.select_for_update().filter(cohort=cohort).values_list("pk", flat=True))
    preview = nomination_preview(cohort=cohort, rows=rows)
    if not preview.ok:
        raise ImportRefused(preview)

    record = NominationImport.objects.create(cohort=cohort, file_name=file_name[:255], uploaded_by=by)
    reason = gettext("Nomination import: %(file)s") % {"file": file_name}
    now = timezone.now()
    new_officers = [row.participant for row in preview.rows if row.officer == "create"]
    changed_officers = [row.participant for row in preview.rows if row.officer == "update"]
    for officer in changed_officers:
        officer.version += 1
    try:
        with transaction.atomic():
            bulk_create_with_history(
                new_officers,
                Participant,
                batch_size=1000,
                default_user=by,
                default_change_reason=reason,
                default_date=now,
            )
            if changed_officers:
                bulk_update_with_history(
                    changed_officers,
                    Participant,
                    ["home_department", "work_email", *OFFICER_FIELDS, "version"],
                    batch_size=1000,
                    default_user=by,
                    default_change_reason=reason,
                    default_date=now,
                )
            new_placements, changed_placements = [], []
            for row in preview.rows:
                placement = row.record
                placement.participant = row.participant  # now saved: sets participant_id
                if row.placement == "create":
                    new_placements.append(placement)
                elif row.placement == "update":
                    placement.version += 1
                    placement.updated_at = now
                    changed_placements.append(placement)
            bulk_create_with_history(
                new_placements,
                Placement,
                batch_size=1000,
                default_user=by,
                default_change_reason=reason,
                default_date=now,
            )
            if changed_placements:
                bulk_update_with_history(
                    changed_placements,
                    Placement,
                    [*PLACEMENT_FIELDS, "host_department", "field", "version", "updated_at"],
                    batch_size=1000,
                    default_user=by,
                    default_change_reason=reason,
                    default_date=now,
                )
    except IntegrityError as error:
        refusal = refused_by_database(error)
        raise ValidationError(
            (
                refusal.messages[0]
                if refusal
                else gettext("Another coordinator changed these placements at the same moment.")
            )
            + " "
            + gettext("Nothing was imported; upload the file again to see the current state.")
        ) from error
    # bulk_create and bulk_update send no signals: tell the cached pages (placements/freshness.py).
    freshness.changed()
    record.row_count = len(rows)
    record.created = len(new_placements) + len(new_officers)
    record.updated = len(changed_placements) + len(changed_officers)
    record.imported_at = timezone.now()
    record.save()
    return record


def template_csv() -> bytes:
    """The nomination file template: the header row, in UTF-8 with a BOM so Excel reads Chinese."""
    out = io.StringIO()
    csv.writer(out).writerow(KEYS)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def template_xlsx() -> bytes:
    """The template as a workbook: the columns to fill in, and a sheet explaining each."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "nominations"
    sheet.append(KEYS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for column in sheet.columns:
        sheet.column_dimensions[column[0].column_letter].width = max(14, len(column[0].value) + 4)
    guide = workbook.create_sheet(gettext("Columns"))
    guide.append([gettext("Column"), gettext("Required"), gettext("What to write"), gettext("Example")])
    for cell in guide[1]:
        cell.font = Font(bold=True)
    for column in COLUMNS:
        guide.append([column.key, gettext("yes") if column.required else "", str(column.help), column.example])
    guide.column_dimensions["A"].width = 20
    guide.column_dimensions["C"].width = 70
    guide.column_dimensions["D"].width = 40
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
