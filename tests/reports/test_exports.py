"""CSV and XLSX exports: what the filters show, Chinese intact, formulae inert, no contact data."""

import csv
import datetime as dt
import io

import openpyxl
import pytest
from django.http import StreamingHttpResponse

from placements.exports import csv_chunks, escape_formula, headers
from placements.models import PlacementStatus
from tests.factories import CohortFactory, ParticipantFactory, PlacementFactory, ShenzhenDepartmentFactory
from tests.reports.bulk import bulk_placements


@pytest.fixture
def cohort(db):
    cohort = CohortFactory(name_en="Shenzhen–Hong Kong, batch 1", name_zh="深港公務員交流第一批")
    PlacementFactory(
        cohort=cohort,
        participant=ParticipantFactory(
            name_en="Chan Tai-man",
            name_zh="陳大文",
            grade="Senior Engineer",
            work_email="chan.taiman@example.gov.hk",
            work_phone="+852 2345 6789",
        ),
        host_department=ShenzhenDepartmentFactory(name_en="Futian District Government", name_zh="福田区人民政府"),
        status=PlacementStatus.CONFIRMED,
        supervisor_name="Supervisor Zhang",
        supervisor_contact="zhang@example.gov.cn",
    )
    PlacementFactory(
        cohort=cohort,
        # What a malicious or careless entry could look like: each would run in a spreadsheet.
        participant=ParticipantFactory(name_en='=HYPERLINK("http://evil.example","x")', name_zh="@SUM(A1)", grade="+1"),
        role_en="-2+3",
        status=PlacementStatus.WITHDRAWN,
    )
    return cohort


def read_csv(response) -> list[list[str]]:
    assert isinstance(response, StreamingHttpResponse)
    body = b"".join(response.streaming_content)
    assert body.startswith("\ufeff".encode())  # the BOM Excel needs to read UTF-8
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


def read_xlsx(response) -> list[list]:
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    sheet = workbook.worksheets[0]
    return [[cell for cell in row] for row in sheet.iter_rows()]


def test_csv_reads_back_with_chinese_names_and_inert_formulae(official_client, cohort):
    response = official_client.get(f"/reports/cohorts/{cohort.pk}/placements.csv")

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith(f'attachment; filename="cohort-{cohort.pk}-placements-')
    rows = read_csv(response)
    assert rows[0] == headers()
    by_name = {row[1]: row for row in rows[1:]}
    chan = by_name["Chan Tai-man"]
    assert chan[2] == "陳大文"
    assert chan[0] == "Shenzhen–Hong Kong, batch 1"
    assert chan[7] == "Futian District Government"
    assert chan[11:15] == ["2023-12-15", "2024-03-14", "91", "Confirmed"]
    evil = by_name['\'=HYPERLINK("http://evil.example","x")']
    assert evil[2] == "'@SUM(A1)"
    assert evil[3] == "'+1"
    assert evil[10] == "'-2+3"


def test_xlsx_reads_back_with_chinese_names_and_formulae_as_text(official_client, cohort):
    response = official_client.get(f"/reports/cohorts/{cohort.pk}/placements.xlsx")

    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    rows = read_xlsx(response)
    assert [cell.value for cell in rows[0]] == headers()
    by_name = {row[1].value: row for row in rows[1:]}
    chan = by_name["Chan Tai-man"]
    assert chan[2].value == "陳大文"
    assert chan[11].value == dt.datetime(2023, 12, 15)  # a real date Excel can sort
    assert chan[13].value == 91
    evil = by_name['=HYPERLINK("http://evil.example","x")']
    assert evil[1].data_type == "s"  # stored as text: Excel shows it, never runs it
    assert evil[2].value == "@SUM(A1)"
    assert evil[3].value == "+1"
    assert all(cell.data_type != "f" for row in rows for cell in row)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_exports_hold_no_contact_details(official_client, cohort, fmt):
    response = official_client.get(f"/reports/cohorts/{cohort.pk}/placements.{fmt}")
    rows = read_csv(response) if fmt == "csv" else [[c.value for c in r] for r in read_xlsx(response)]
    text = repr(rows)
    for private in ("chan.taiman@example.gov.hk", "+852 2345 6789", "Supervisor Zhang", "zhang@example.gov.cn"):
        assert private not in text


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_cohort_export_holds_exactly_what_the_filters_show(official_client, cohort, fmt):
    query = "status=confirmed"
    page = official_client.get(f"/reports/cohorts/{cohort.pk}/?{query}")
    shown = [p.officer_en for p in page.context["placements"]]

    response = official_client.get(f"/reports/cohorts/{cohort.pk}/placements.{fmt}?{query}")
    rows = read_csv(response) if fmt == "csv" else [[c.value for c in r] for r in read_xlsx(response)]

    assert [row[1] for row in rows[1:]] == shown == ["Chan Tai-man"]


def test_cohort_export_keeps_the_chosen_order(official_client, cohort):
    rows = read_csv(official_client.get(f"/reports/cohorts/{cohort.pk}/placements.csv?sort=-officer"))
    assert [row[1] for row in rows[1:]] == ["Chan Tai-man", '\'=HYPERLINK("http://evil.example","x")']


def test_programme_export_follows_the_overview_filters(official_client, cohort):
    other = CohortFactory(start_date=dt.date(2024, 12, 9), end_date=dt.date(2025, 3, 31))
    PlacementFactory(cohort=other, start_date=dt.date(2024, 12, 15), end_date=dt.date(2025, 3, 14))

    everything = read_csv(official_client.get("/reports/placements.csv"))
    only_2024 = read_csv(official_client.get("/reports/placements.csv?year=2024"))

    assert len(everything) == 1 + 3
    assert len(only_2024) == 1 + 1
    assert only_2024[1][0] == other.name_en


def test_export_in_chinese_uses_the_readers_script(client, official, cohort):
    client.force_login(official)
    rows = read_csv(client.get(f"/reports/cohorts/{cohort.pk}/placements.csv", headers={"accept-language": "zh-hant"}))
    chan = next(row for row in rows if row[1] == "Chan Tai-man")
    assert chan[0] == "深港公務員交流第一批"
    assert chan[7] == "福田区人民政府"
    assert chan[14] == "已確認"


def test_escape_formula_leaves_ordinary_values_alone():
    assert escape_formula("Chan Tai-man") == "Chan Tai-man"
    assert escape_formula("陳大文") == "陳大文"
    assert escape_formula(-5) == -5
    assert escape_formula(dt.date(2024, 1, 1)) == dt.date(2024, 1, 1)
    for dangerous in ("=1+1", "+1", "-1", "@A1", "\tx", "\rx"):
        assert escape_formula(dangerous) == "'" + dangerous


def test_csv_is_produced_in_chunks_not_all_at_once():
    records = [("a", "b")] * 1200
    chunks = list(csv_chunks(records, rows_per_chunk=500))
    assert len(chunks) == 3
    assert chunks[0].startswith("\ufeff")


@pytest.mark.parametrize("placements", [10, 1000])
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_exports_run_the_same_queries_for_10_or_1000_placements(
    client, official, django_assert_num_queries, placements, fmt
):
    cohort = CohortFactory()
    bulk_placements(cohort, placements)
    client.force_login(official)
    # 1-3  session, user, the user's permissions (their own and their groups')
    # 4    the cohort
    # 5-7  the cohort's fields, districts and grades (the filter's choices)
    # 8    the audit log's row for this export
    # 9-11 cohort, department and field names (looked up, not joined per row)
    # 12   the placements, read through a server-side cursor on PostgreSQL
    #      (its DECLARE/FETCH statements are not counted separately)
    with django_assert_num_queries(12):
        response = client.get(f"/reports/cohorts/{cohort.pk}/placements.{fmt}?status=completed")
        body = b"".join(response.streaming_content)
    assert body
