"""Whatever file a coordinator uploads, the import answers with a preview or a
clear refusal — never a server error — and writes every row or none.

Hypothesis builds nomination files out of valid rows spoiled in the ways
coordinators spoil them (an empty or misspelt cell, a department of the wrong
side, dates swapped or unreadable, an officer twice, too many for a host),
files with columns dropped or renamed, and bytes that are no file at all.
"""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from placements.models import NominationImport, Participant, Placement
from placements.nominations import KEYS, FileRefused, ImportRefused, nomination_file_read, nomination_import
from tests.factories import UserFactory
from tests.nominations.conftest import csv_bytes, officer_row, xlsx_bytes

SPOILED = {
    "name_en": ["", " ", "x" * 300],
    "work_email": ["", "not-an-address", "officer1@pland.gov.hk"],
    "home_department": ["", "Planing Department", "Futian District Government", "規劃署"],
    "host_department": ["", "Nowhere", "Planning Department", "Qianhai Authority", "前海管理局"],
    "field": ["", "Astronomy", "城市規劃"],
    "stream": ["", "Astronaut", "engineer", "工程師"],
    "seniority": ["", "junior", "senior"],
    "language": ["", "fr", "zh-hans"],
    "start_date": ["", "2024-03-14", "15/12/2023", "2023-02-30", "tomorrow", "2023-12-01"],
    "end_date": ["", "2023-12-15", "14/03/2024", "2024-13-01", "2024-05-31"],
}
TEXT = st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=20)


@st.composite
def rows(draw) -> list[dict]:
    count = draw(st.integers(min_value=1, max_value=6))
    made = []
    for n in range(count):
        row = officer_row(draw(st.integers(min_value=1, max_value=4)) if draw(st.booleans()) else n + 10)
        for key in draw(st.lists(st.sampled_from(list(SPOILED) + ["role_en", "objectives"]), max_size=3)):
            row[key] = draw(st.sampled_from(SPOILED.get(key, [""])) | TEXT)
        made.append(row)
    return made


@st.composite
def files(draw) -> bytes:
    kind = draw(st.sampled_from(["csv", "xlsx", "big5", "columns", "bytes"]))
    data_rows = draw(rows())
    if kind == "bytes":
        return draw(st.binary(max_size=300))
    if kind == "xlsx":
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

        # A workbook cannot hold control characters at all; Excel never writes them.
        return xlsx_bytes(
            [{key: ILLEGAL_CHARACTERS_RE.sub("", value) for key, value in row.items()} for row in data_rows]
        )
    if kind == "big5":
        try:
            return csv_bytes(data_rows, encoding="big5")
        except UnicodeEncodeError:
            return csv_bytes(data_rows, encoding="utf-8")
    if kind == "columns":
        header = list(KEYS)
        for index in draw(st.lists(st.integers(min_value=0, max_value=len(KEYS) - 1), max_size=3)):
            header[index] = draw(st.sampled_from(["", header[index][:-1], header[index] + "s", "remarks"]))
        return csv_bytes(data_rows, keys=KEYS, header=header)
    return csv_bytes(data_rows)


def counts() -> tuple[int, ...]:
    return (
        Participant.objects.count(),
        Placement.objects.count(),
        Participant.history.count(),
        Placement.history.count(),
        NominationImport.objects.count(),
    )


PROPERTY = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@PROPERTY
@given(data=files())
def test_an_import_writes_every_row_or_nothing(scene, data):
    with transaction.atomic():
        before = counts()
        try:
            read = nomination_file_read(data=data)
            record = nomination_import(cohort=scene["cohort"], rows=read.rows, by=UserFactory(), file_name="f.csv")
        except (FileRefused, ImportRefused) as refused:
            event(type(refused).__name__)
            assert counts() == before
        else:
            event("imported")
            officers, placements, officer_history, placement_history, imports = counts()
            assert imports == before[4] + 1
            assert record.row_count == len(read.rows)
            # Every row's officer and placement exist, each with its history.
            emails = {row["work_email"].strip().lower() for row in read.rows}
            stored = set(
                Placement.objects.filter(cohort=scene["cohort"]).values_list("participant__work_email", flat=True)
            )
            assert emails <= {email.lower() for email in stored}
            assert placement_history - before[3] == placements - before[1]
            assert officer_history - before[2] == officers - before[0]
        transaction.set_rollback(True)


@PROPERTY
@given(data=files(), extension=st.sampled_from(["csv", "xlsx", "txt", ""]))
def test_the_import_pages_never_answer_with_a_server_error(coordinator_client, scene, data, extension):
    with transaction.atomic():
        before = counts()
        upload = SimpleUploadedFile(f"nominations.{extension}", data)
        response = coordinator_client.post(
            reverse("admin:placements_nomination_import"), {"cohort": scene["cohort"].pk, "file": upload}
        )
        assert response.status_code == 200
        pending = response.context.get("pending")
        if pending is None:
            assert counts() == before
        else:
            response = coordinator_client.post(reverse("admin:placements_nomination_confirm", args=[pending.pk]))
            assert response.status_code == 302
        transaction.set_rollback(True)


@pytest.mark.parametrize("rows_count", [1, 3])
def test_a_clean_generated_file_is_imported_whole(scene, rows_count):
    read = nomination_file_read(data=csv_bytes([officer_row(n) for n in range(rows_count)]))
    nomination_import(cohort=scene["cohort"], rows=read.rows, by=UserFactory(), file_name="f.csv")
    assert Placement.objects.count() == rows_count
    assert Placement.objects.filter(start_date=dt.date(2023, 12, 15)).count() == rows_count
