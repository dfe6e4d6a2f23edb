"""CSV and XLSX exports of the placements a report shows.

Only what an official needs leaves the app: names, grade, stream, seniority,
departments, field, role, dates and status. No e-mail, phone, supervisor,
objectives, reports or feedback: the officers' and supervisors' contact
details are personal data, and the rest is not the official's business.

Both formats read the rows with `.values_list().iterator()`, so neither holds
the placements in memory: the CSV is streamed to the client as it is
written, the XLSX goes through openpyxl's write-only workbook into a
temporary file.
"""

import csv
import datetime as dt
import io
import tempfile
from collections.abc import Iterable, Iterator

from django.db.models import QuerySet
from django.http import FileResponse, StreamingHttpResponse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.utils import get_column_letter

from .models import Cohort, Department, Field, PlacementStatus, Seniority, Stream

# The columns, in order: (header, width in the spreadsheet).
COLUMNS = [
    (_("Cohort"), 36),
    (_("Officer (English name)"), 24),
    (_("Officer (Chinese name)"), 14),
    (_("Grade"), 24),
    (_("Professional stream"), 24),
    (_("Seniority"), 10),
    (_("Home department"), 36),
    (_("Host department"), 36),
    (_("Host district"), 14),
    (_("Field of exchange"), 24),
    (_("Role at the host"), 36),
    (_("Starts on"), 12),
    (_("Ends on"), 12),
    (_("Days"), 6),
    (_("Status"), 12),
]

# What is read from the database for one row; `rows` turns it into COLUMNS.
# Cohorts, departments and fields come as ids and are named from small
# dictionaries read once: 300 cohort names repeated over 100 000 rows were
# most of the bytes the database sent, and four joins most of its work.
FIELDS = (
    "cohort_id",
    "participant__name_en",
    "participant__name_zh",
    "participant__grade",
    "participant__stream",
    "participant__seniority",
    "participant__home_department_id",
    "host_department_id",
    "field_id",
    "role_en",
    "role_zh",
    "start_date",
    "end_date",
    "status",
)

# A spreadsheet runs a cell starting with one of these as a formula (CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_FORMULA_FIRST = frozenset(FORMULA_START)
CHUNK_SIZE = 2000


def escape_formula(value: object) -> object:
    """Text that a spreadsheet would run as a formula, made inert with a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def headers() -> list[str]:
    return [str(header) for header, _width in COLUMNS]


def _names(model, zh: bool, *extra: str) -> dict[int, tuple]:
    """id → (name in the reader's script, *extra) for every row of a small table (1 query)."""
    return {
        pk: ((chinese or english) if zh else (english or chinese), *rest)
        for pk, english, chinese, *rest in model.objects.values_list("pk", "name_en", "name_zh", *extra)
    }


def rows(placements: QuerySet) -> Iterator[tuple]:
    """One tuple per placement in COLUMNS order, read in chunks (never all at once); 4 queries."""
    # Decided once, not per row: in_reader_language() would ask for the language 100 000 times.
    zh = (get_language() or "").startswith("zh")
    streams, seniorities, statuses = (
        {value: str(label) for value, label in choices.choices} for choices in (Stream, Seniority, PlacementStatus)
    )
    cohorts = _names(Cohort, zh)
    departments = _names(Department, zh, "district")
    fields = _names(Field, zh)
    unknown = ("", "")
    for (
        cohort_id,
        officer_en,
        officer_zh,
        grade,
        stream,
        seniority,
        home_id,
        host_id,
        field_id,
        role_en,
        role_zh,
        start,
        end,
        status,
    ) in placements.values_list(*FIELDS).iterator(chunk_size=CHUNK_SIZE):
        host, district = departments.get(host_id, unknown)
        yield (
            cohorts.get(cohort_id, unknown)[0],
            officer_en,
            officer_zh,
            grade,
            streams.get(stream, stream),
            seniorities.get(seniority, seniority),
            departments.get(home_id, unknown)[0],
            host,
            district,
            fields.get(field_id, unknown)[0],
            # The role in the reader's script, falling back to the other one.
            (role_zh or role_en) if zh else (role_en or role_zh),
            start,
            end,
            (end - start).days + 1,
            statuses.get(status, status),
        )


# -- CSV ----------------------------------------------------------------------


def csv_chunks(records: Iterable[tuple], *, rows_per_chunk: int = 500) -> Iterator[str]:
    """The CSV text in chunks of a few hundred rows: a byte-order mark first, so
    Excel reads the file as UTF-8 (Chinese names intact), then the header."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    buffer.write("\ufeff")
    writer.writerow(headers())
    pending = 0
    for record in records:
        # escape_formula(), inlined: a function call per cell is a fifth of the export's time.
        writer.writerow(
            ["'" + value if value.__class__ is str and value[:1] in _FORMULA_FIRST else value for value in record]
        )
        pending += 1
        if pending == rows_per_chunk:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
            pending = 0
    yield buffer.getvalue()


def csv_response(placements: QuerySet, *, filename: str) -> StreamingHttpResponse:
    response = StreamingHttpResponse(csv_chunks(rows(placements)), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


# -- XLSX ---------------------------------------------------------------------


def _xlsx_value(sheet, value: object) -> object:
    if not isinstance(value, str):
        return value
    if not value.isprintable():
        # Control characters pasted into a name would make the file unreadable.
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
    if value.startswith(FORMULA_START):
        # openpyxl stores a string starting with "=" as a formula; a cell typed
        # as text keeps the characters as they were typed, and Excel shows
        # them without running anything.
        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"
        return cell
    return value


def write_xlsx(records: Iterable[tuple], target, *, title: str) -> None:
    """Write an XLSX workbook of the records to `target` (a path or binary file)."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31])
    sheet.freeze_panes = "A2"
    for index, (_header, width) in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.append(headers())
    for record in records:
        sheet.append([_xlsx_value(sheet, value) for value in record])
    workbook.save(target)


def xlsx_response(placements: QuerySet, *, filename: str, title: str) -> FileResponse:
    target = tempfile.TemporaryFile()  # noqa: SIM115 — FileResponse closes it once sent
    write_xlsx(rows(placements), target, title=title)
    target.seek(0)
    return FileResponse(
        target,
        as_attachment=True,
        filename=f"{filename}.xlsx",
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


def export_filename(stem: str, today: dt.date) -> str:
    return f"{stem}-{today.isoformat()}"
