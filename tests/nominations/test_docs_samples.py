"""The sample files in docs/ do what docs/coordinators.md says, on the demo data."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from placements.models import Cohort
from placements.nominations import nomination_file_read, nomination_preview

DOCS = Path(__file__).resolve().parents[2] / "docs"


@pytest.fixture
def demo_cohort(db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("load_demo", stdout=StringIO())
    return Cohort.objects.get(name_en="Shenzhen–Hong Kong, batch 1")


def preview(cohort, name: str):
    read = nomination_file_read(data=(DOCS / name).read_bytes())
    return nomination_preview(cohort=cohort, rows=read.rows)


def test_the_sample_file_imports_cleanly_into_the_demo_cohort(demo_cohort):
    result = preview(demo_cohort, "nomination-sample.csv")
    assert result.ok, [row.errors for row in result.rows]


def test_the_sample_with_errors_shows_each_kind_of_error(demo_cohort):
    errors = {row.line: row.errors for row in preview(demo_cohort, "nomination-sample-with-errors.csv").rows}
    assert errors[2] == []
    assert errors[3][0].startswith("host_department: there is no department called “Futian District Govt” in Shenzhen.")
    assert errors[4][0] == "end_date (2023-12-18) is before start_date (2024-03-15): are the two columns swapped?"
    assert errors[5][0].startswith("home_department: there is no department called “Planning Dept”")
    assert errors[6] == ["Row 6 repeats row 2 exactly."]
