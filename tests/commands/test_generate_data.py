from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import IntegrityError, connection, transaction

from placements.models import (
    Agreement,
    Cohort,
    Department,
    Event,
    Field,
    HostOffer,
    Jurisdiction,
    LengthUnit,
    Participant,
    Placement,
    PlacementStatus,
)


def generate(**options) -> None:
    call_command("generate_data", verbosity=0, **{"agreements": 3, "cohorts": 6, "placements": 300, **options})


def test_generate_data_creates_exactly_what_was_asked(db):
    generate()

    assert Agreement.objects.count() == 3
    assert Cohort.objects.count() == 6
    assert Placement.objects.count() == 300
    # One placement per officer: the simplest way never to place anyone twice at once.
    assert Participant.objects.count() == 300
    assert Event.objects.count() == 6 * 3


def test_generated_records_have_their_first_history_line_despite_bulk_inserts(db):
    generate()
    for model in (Agreement, Cohort, Participant, Placement):
        assert model.history.filter(history_type="+").count() == model.objects.count(), model


def test_every_generated_record_passes_validation(db):
    generate()

    for model in (Field, Department, Agreement, Cohort, HostOffer, Event, Participant):
        for record in model.objects.all():
            record.full_clean()
    for placement in Placement.objects.all():
        placement.full_clean()


def test_generated_programme_has_both_lengths_and_both_directions(db):
    generate(agreements=4, cohorts=30, placements=60)

    assert set(Agreement.objects.values_list("standard_length_unit", flat=True)) == {
        LengthUnit.WEEKS,
        LengthUnit.MONTHS,
    }
    assert Cohort.objects.filter(home_jurisdiction=Jurisdiction.HKSAR).exists()
    assert Cohort.objects.filter(host_jurisdiction=Jurisdiction.HKSAR).exists()
    years = Cohort.objects.dates("start_date", "year")
    assert years.first().year >= 2010 and years.last().year <= 2026


def test_the_same_seed_generates_the_same_programme(db):
    def programme() -> list[tuple]:
        return list(
            Placement.objects.order_by("cohort__start_date", "participant__work_email").values_list(
                "participant__name_en", "cohort__name_en", "host_department__name_en", "start_date", "end_date"
            )
        )

    generate(seed=7)
    first = programme()
    generate(seed=7, clear=True)

    assert programme() == first
    assert Placement.objects.count() == 300  # --clear removed the first run's


def test_generated_data_reuses_the_demo_departments_and_fields(db):
    call_command("load_demo", stdout=StringIO())
    futian = Department.objects.get(jurisdiction=Jurisdiction.SHENZHEN, name_en="Futian District Government")

    generate()

    assert Field.objects.filter(name_en="Transportation").count() == 1
    assert Department.objects.filter(pk=futian.pk, name_zh=futian.name_zh).exists()
    assert Placement.objects.count() == 300 + 13


def test_generate_data_refuses_impossible_options(db):
    with pytest.raises(CommandError):
        generate(agreements=0)
    with pytest.raises(CommandError):
        generate(cohorts=0)
    with pytest.raises(CommandError):
        generate(cohorts=2, placements=10_001)


def test_generate_data_refuses_to_run_in_production(db, settings):
    settings.PRODUCTION = True
    with pytest.raises(CommandError, match="PRODUCTION"):
        generate()


@pytest.mark.postgresql
def test_generated_placements_pass_the_postgresql_no_overlap_constraint(db):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_constraint WHERE conname = 'placement_no_overlap'")
        assert cursor.fetchone(), "the exclusion constraint must be there for this test to mean anything"

    generate()  # bulk_create would raise IntegrityError on any overlap

    assert Placement.objects.count() == 300
    # ... as it does for a second, overlapping placement of a generated officer.
    placement = Placement.objects.exclude(status=PlacementStatus.WITHDRAWN).first()
    other_cohort = Cohort.objects.exclude(pk=placement.cohort_id).first()
    clash = Placement(
        participant=placement.participant,
        cohort=other_cohort,
        host_department=placement.host_department,
        field=placement.field,
        start_date=placement.start_date,
        end_date=placement.end_date,
    )
    with pytest.raises(IntegrityError, match="placement_no_overlap"), transaction.atomic():
        Placement.objects.bulk_create([clash])
