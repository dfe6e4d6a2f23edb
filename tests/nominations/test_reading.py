"""What the import makes of a file before it looks at any row: format,
encoding, columns."""

import pytest

from placements.nominations import KEYS, FileRefused, nomination_file_read
from tests.nominations.conftest import csv_bytes, officer_row, xlsx_bytes


def refusal(data: bytes) -> list[str]:
    with pytest.raises(FileRefused) as excinfo:
        nomination_file_read(data=data)
    return excinfo.value.messages


def test_a_csv_file_is_read_row_by_row_with_its_line_numbers():
    read = nomination_file_read(data=csv_bytes([officer_row(1), officer_row(2)]))
    assert [(row["_line"], row["work_email"]) for row in read.rows] == [
        (2, "officer1@pland.gov.hk"),
        (3, "officer2@pland.gov.hk"),
    ]
    assert read.notices == []


def test_an_xlsx_workbook_is_read_with_its_dates_as_days():
    import datetime as dt

    data = xlsx_bytes([officer_row(1, start_date=dt.datetime(2023, 12, 15), end_date=dt.date(2024, 3, 14))])
    (row,) = nomination_file_read(data=data).rows
    assert (row["start_date"], row["end_date"], row["name_zh"]) == ("2023-12-15", "2024-03-14", "陳大文")


def test_excels_utf8_csv_with_a_byte_order_mark_and_semicolons_is_read():
    data = "\ufeff" + csv_bytes([officer_row(1)]).decode().replace(",", ";")
    (row,) = nomination_file_read(data=data.encode("utf-8")).rows
    assert row["name_zh"] == "陳大文"


def test_a_big5_file_from_traditional_chinese_windows_is_read_and_said_so():
    data = csv_bytes([officer_row(1, name_zh="陳大文", role_zh="區長助理")], encoding="big5")
    read = nomination_file_read(data=data)
    assert (read.rows[0]["name_zh"], read.rows[0]["role_zh"]) == ("陳大文", "區長助理")
    assert read.notices[0].startswith("The file was saved as Big5, not UTF-8; it was read as Big5.")


def test_a_gbk_file_from_simplified_chinese_windows_is_read_and_said_so():
    data = csv_bytes(
        [officer_row(1, name_zh="陈大文", host_department="福田区人民政府", role_zh="区长助理")], encoding="gbk"
    )
    read = nomination_file_read(data=data)
    assert (read.rows[0]["name_zh"], read.rows[0]["host_department"]) == ("陈大文", "福田区人民政府")
    assert read.notices[0].startswith("The file was saved as GBK, not UTF-8; it was read as GBK.")


def test_a_file_in_an_encoding_that_cannot_be_told_says_exactly_how_to_save_as_utf8():
    data = csv_bytes([officer_row(1)]) + "é".encode("latin-1") + b"\xff\xfe\x81"
    (message,) = refusal(data)
    assert "not saved as UTF-8" in message
    assert "“CSV UTF-8 (Comma delimited) (*.csv)”" in message


@pytest.mark.parametrize("data", [b"", b"   \n\n", b"\xef\xbb\xbf"])
def test_an_empty_file_is_refused(data):
    assert refusal(data) == ["The file is empty."]


def test_a_file_with_only_the_header_is_refused():
    assert refusal(csv_bytes([])) == ["The file has a header row but no officers in it."]


@pytest.mark.parametrize(
    "data",
    [b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", b"MZ\x90\x00\x03\x00\x00\x00"],
)
def test_a_file_that_is_not_a_spreadsheet_is_refused(data):
    assert refusal(data)[0].startswith("This file is not a spreadsheet.")


def test_an_old_xls_file_is_refused_with_how_to_save_it():
    assert refusal(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)[0].startswith("This is an old-style Excel file")


def test_a_zip_that_is_not_a_workbook_is_refused():
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("notes.txt", "hello")
    assert refusal(out.getvalue())[0].startswith("This file looks like a zip archive but not like an Excel workbook")


def test_a_misspelt_column_is_named_with_the_likely_one():
    keys = [("home_departmnt" if key == "home_department" else key) for key in KEYS]
    messages = refusal(csv_bytes([officer_row(1)], keys=keys))
    assert messages[0] == "Column 4 is called “home_departmnt”: did you mean “home_department”?"
    assert messages[1] == "A required column is missing: home_department."


def test_missing_and_unknown_columns_are_all_listed():
    keys = [key for key in KEYS if key not in ("start_date", "end_date")] + ["remarks"]
    messages = refusal(csv_bytes([officer_row(1)], keys=keys))
    assert f"Column {len(keys)}, “remarks”, is not a column of the nomination file." in messages
    assert "Required columns are missing: start_date, end_date." in messages


def test_column_names_are_read_whatever_their_case_and_spacing():
    header = [f" {key.upper().replace('_', ' ')} " for key in KEYS]
    (row,) = nomination_file_read(data=csv_bytes([officer_row(1)], header=header)).rows
    assert row["work_email"] == "officer1@pland.gov.hk"


def test_blank_rows_are_skipped():
    data = csv_bytes([officer_row(1)]) + b",,,,\n\n" + csv_bytes([officer_row(2)]).split(b"\n", 1)[1]
    assert [row["work_email"] for row in nomination_file_read(data=data).rows] == [
        "officer1@pland.gov.hk",
        "officer2@pland.gov.hk",
    ]
