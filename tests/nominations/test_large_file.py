"""A 20 000-row nomination file goes through read, preview and import whole.
(How long it takes is measured by bench/nominations.py: docs/performance.md.)"""

from placements.models import HostOffer, Participant, Placement
from placements.nominations import nomination_file_read, nomination_import, nomination_preview
from tests.factories import UserFactory
from tests.nominations.conftest import csv_bytes, officer_row

ROWS = 20_000


def test_a_20000_row_file_is_read_checked_and_imported_whole(scene):
    HostOffer.objects.filter(department=scene["futian"]).update(places=ROWS)
    data = csv_bytes([officer_row(n, name_zh=f"陳{n}") for n in range(ROWS)])
    coordinator = UserFactory()

    read = nomination_file_read(data=data)
    preview = nomination_preview(cohort=scene["cohort"], rows=read.rows)
    assert preview.ok, [row.errors for row in preview.rows if row.errors][:3]
    nomination_import(cohort=scene["cohort"], rows=read.rows, by=coordinator, file_name="everyone.csv")

    assert Participant.objects.count() == ROWS
    assert Placement.objects.count() == ROWS
    assert Placement.history.count() == ROWS
