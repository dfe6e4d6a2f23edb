"""A cohort ready to receive a nomination file, and helpers to write such files."""

import csv
import datetime as dt
import io

import pytest

from placements.models import Jurisdiction
from placements.nominations import KEYS
from tests.factories import (
    AgreementFactory,
    CohortFactory,
    FieldFactory,
    HongKongDepartmentFactory,
    HostOfferFactory,
    ShenzhenDepartmentFactory,
)


@pytest.fixture
def scene(db):
    return build_scene()


def build_scene() -> dict:
    """Batch 1 (11 Dec 2023 – 31 Mar 2024, three-month placements): Futian offers
    three places, Qianhai one; officers come from the Planning Department.
    (Also used by bench/nominations.py.)"""
    agreement = AgreementFactory(short_title="GBA–HK 2023", in_force_from=dt.date(2023, 9, 1))
    cohort = CohortFactory(
        agreement=agreement,
        name_en="Shenzhen–Hong Kong, batch 1",
        start_date=dt.date(2023, 12, 11),
        end_date=dt.date(2024, 3, 31),
    )
    futian = ShenzhenDepartmentFactory(
        name_en="Futian District Government", name_zh="福田区人民政府", short_name="Futian"
    )
    qianhai = ShenzhenDepartmentFactory(name_en="Qianhai Authority", name_zh="前海管理局", district="Qianhai")
    HostOfferFactory(cohort=cohort, department=futian, places=3)
    HostOfferFactory(cohort=cohort, department=qianhai, places=1)
    planning = HongKongDepartmentFactory(
        name_en="Planning Department", name_zh="規劃署", short_name="PlanD", jurisdiction=Jurisdiction.HKSAR
    )
    field = FieldFactory(name_en="Urban planning", name_zh="城市規劃")
    return {"cohort": cohort, "futian": futian, "qianhai": qianhai, "planning": planning, "field": field}


def officer_row(n: int = 1, **overrides) -> dict:
    """One valid row: officer n, placed with Futian for three months."""
    row = {
        "name_en": f"CHAN Officer {n}",
        "name_zh": "陳大文",
        "work_email": f"officer{n}@pland.gov.hk",
        "home_department": "PlanD",
        "post_title": "Senior Town Planner",
        "grade": "Senior Town Planner",
        "stream": "Town Planner",
        "seniority": "Senior",
        "work_phone": "",
        "language": "zh-hant",
        "host_department": "Futian District Government",
        "field": "Urban planning",
        "role_en": "Special assistant",
        "role_zh": "",
        "start_date": "2023-12-15",
        "end_date": "2024-03-14",
        "supervisor_name": "",
        "supervisor_title": "",
        "supervisor_contact": "",
        "objectives": "",
    }
    return row | overrides


def csv_bytes(rows: list[dict], *, keys: list[str] = KEYS, header: list[str] | None = None, encoding="utf-8") -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header or keys)
    for row in rows:
        writer.writerow([row.get(key, "") for key in keys])
    return out.getvalue().encode(encoding)


def xlsx_bytes(rows: list[dict], *, keys: list[str] = KEYS) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(keys)
    for row in rows:
        sheet.append([row.get(key, "") for key in keys])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
