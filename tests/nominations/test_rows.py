"""What the import checks in each row, and that it writes every row or none."""

import datetime as dt

import pytest

from placements.models import Cohort, NominationImport, Participant, Placement, PlacementStatus
from placements.nominations import ImportRefused, nomination_file_read, nomination_import, nomination_preview
from tests.factories import CohortFactory, ParticipantFactory, PlacementFactory, UserFactory
from tests.nominations.conftest import csv_bytes, officer_row


def preview_of(scene, rows: list[dict]):
    read = nomination_file_read(data=csv_bytes(rows))
    return nomination_preview(cohort=scene["cohort"], rows=read.rows)


def errors_of(scene, rows: list[dict]) -> dict[int, list[str]]:
    """Each row's errors by the row's line in the file (the header is line 1)."""
    return {row.line: row.errors for row in preview_of(scene, rows).rows if row.errors}


def import_rows(scene, rows: list[dict], by=None):
    read = nomination_file_read(data=csv_bytes(rows))
    return nomination_import(
        cohort=scene["cohort"], rows=read.rows, by=by or UserFactory(username="lin"), file_name="batch1.csv"
    )


def test_a_clean_file_previews_what_it_creates_and_writes_nothing(scene):
    preview = preview_of(scene, [officer_row(1), officer_row(2, host_department="前海管理局")])
    assert preview.ok
    assert [(row.line, row.officer, row.placement) for row in preview.rows] == [
        (2, "create", "create"),
        (3, "create", "create"),
    ]
    assert not Participant.objects.exists()
    assert not Placement.objects.exists()


def test_importing_a_clean_file_writes_every_row_with_history(scene):
    coordinator = UserFactory(username="lin")
    record = import_rows(scene, [officer_row(1), officer_row(2, host_department="Qianhai Authority")], by=coordinator)

    assert (record.row_count, record.created, record.updated) == (2, 4, 0)
    placements = Placement.objects.order_by("participant__work_email")
    assert [(p.participant.name_en, p.host_department.name_en, p.status) for p in placements] == [
        ("CHAN Officer 1", "Futian District Government", PlacementStatus.PROPOSED),
        ("CHAN Officer 2", "Qianhai Authority", PlacementStatus.PROPOSED),
    ]
    officer = Participant.objects.get(work_email="officer1@pland.gov.hk")
    assert (officer.home_department, officer.stream, officer.seniority, officer.language) == (
        scene["planning"],
        "town_planner",
        "senior",
        "zh-hant",
    )
    for record in [*Placement.history.all(), *Participant.history.all()]:
        assert (record.history_type, record.history_user, record.history_change_reason) == (
            "+",
            coordinator,
            "Nomination import: batch1.csv",
        )
    assert NominationImport.objects.get().rows is None  # nothing of the file is kept


def test_importing_the_same_file_again_changes_nothing(scene):
    import_rows(scene, [officer_row(1)])
    preview = preview_of(scene, [officer_row(1, work_email="OFFICER1@PlanD.gov.hk")])
    assert [(row.officer, row.placement) for row in preview.rows] == [("unchanged", "unchanged")]


def test_a_row_updates_the_officers_proposed_placement_and_moves_its_version_on(scene):
    import_rows(scene, [officer_row(1)])
    record = import_rows(scene, [officer_row(1, role_en="Assistant to the district head", grade="Chief Town Planner")])
    assert (record.created, record.updated) == (0, 2)
    placement = Placement.objects.get()
    assert (placement.role_en, placement.version, placement.participant.grade, placement.participant.version) == (
        "Assistant to the district head",
        2,
        "Chief Town Planner",
        2,
    )
    assert placement.history.latest().history_type == "~"


def test_a_row_cannot_change_a_confirmed_placement(scene):
    import_rows(scene, [officer_row(1)])
    Placement.objects.update(status=PlacementStatus.CONFIRMED)
    assert errors_of(scene, [officer_row(1, end_date="2024-03-10")]) == {
        2: ["The officer's placement in this cohort is already “Confirmed”: change it on its own page, not by import."]
    }


def test_an_unknown_department_is_named_with_a_likely_one(scene):
    assert errors_of(scene, [officer_row(1, home_department="Planing Department", host_department="Luohu Bureau")]) == {
        2: [
            "home_department: there is no department called “Planing Department” in Hong Kong SAR. "
            "Did you mean “Planning Department”?",
            "host_department: there is no department called “Luohu Bureau” in Shenzhen.",
        ]
    }


def test_a_department_on_the_wrong_side_is_not_found_there(scene):
    assert errors_of(scene, [officer_row(1, host_department="Planning Department")]) == {
        2: ["host_department: there is no department called “Planning Department” in Shenzhen."]
    }


def test_departments_and_fields_are_found_by_any_of_their_names(scene):
    preview = preview_of(scene, [officer_row(1, home_department="規劃署", host_department="futian", field="城市規劃")])
    assert preview.ok, preview.rows[0].errors


@pytest.mark.parametrize("day", ["15/13/2023", "2023-02-30", "next Monday", "45000"])
def test_a_bad_date_is_named_with_how_to_write_it(scene, day):
    assert errors_of(scene, [officer_row(1, start_date=day)]) == {
        2: [f"start_date: “{day}” is not a date. Write dates as 2024-03-14 (year-month-day)."]
    }


def test_swapped_dates_are_called_swapped(scene):
    errors = errors_of(scene, [officer_row(1, start_date="2024-03-14", end_date="2023-12-15")])
    assert errors[2][0] == "end_date (2023-12-15) is before start_date (2024-03-14): are the two columns swapped?"


def test_a_placement_ending_the_day_it_starts_is_refused_not_written(scene):
    # Found by the property test: it used to reach the database's check constraint.
    assert errors_of(scene, [officer_row(1, start_date="2024-03-14", end_date="2024-03-14")]) == {
        2: ["end_date: A placement must end after it starts."]
    }


def test_day_first_dates_as_hong_kong_writes_them_are_read(scene):
    preview = preview_of(scene, [officer_row(1, start_date="15/12/2023", end_date="14/03/2024")])
    assert preview.ok, preview.rows[0].errors


def test_the_placement_rules_of_the_model_apply_to_each_row(scene):
    errors = errors_of(scene, [officer_row(1, end_date="2024-05-14")])[2]
    assert "end_date: The placement ends after its cohort does (March 31, 2024)." in errors
    assert any(error.startswith("end_date: Placements under GBA–HK 2023 last 3 months") for error in errors)


def test_a_repeated_row_and_a_repeated_officer_are_both_pointed_out(scene):
    assert errors_of(scene, [officer_row(1), officer_row(2), officer_row(1), officer_row(2, role_en="Other")]) == {
        4: ["Row 4 repeats row 2 exactly."],
        5: [
            "This officer (officer2@pland.gov.hk) is already on row 3: one placement per officer per cohort.",
        ],
    }


def test_a_placement_overlapping_the_officers_placement_in_another_cohort_is_refused(scene):
    officer = ParticipantFactory(work_email="officer1@pland.gov.hk", home_department=scene["planning"])
    other = CohortFactory(agreement=scene["cohort"].agreement, start_date=dt.date(2023, 11, 1))
    PlacementFactory(
        participant=officer,
        cohort=other,
        host_department=scene["qianhai"],
        start_date=dt.date(2023, 11, 6),
        end_date=dt.date(2024, 2, 5),
    )
    assert errors_of(scene, [officer_row(1)]) == {
        2: ["This officer is already placed with Qianhai Authority from Nov. 6, 2023 to Feb. 5, 2024."]
    }


def test_rows_beyond_a_hosts_places_are_refused(scene):
    PlacementFactory(cohort=scene["cohort"], host_department=scene["futian"])  # one of three taken
    rows = [officer_row(n) for n in range(1, 4)] + [officer_row(4, host_department="Qianhai Authority")]
    assert errors_of(scene, rows) == {
        4: ["Futian District Government offered 3 places in this cohort; this row would be number 4."]
    }


def test_a_host_with_no_offer_is_refused(scene):
    from tests.factories import ShenzhenDepartmentFactory

    ShenzhenDepartmentFactory(name_en="Nanshan District Government")
    assert errors_of(scene, [officer_row(1, host_department="Nanshan District Government")]) == {
        2: ["Nanshan District Government has offered no places in this cohort. Add a host offer first."]
    }


def test_empty_required_cells_and_bad_choices_are_named(scene):
    errors = errors_of(scene, [officer_row(1, grade="", stream="Astronaut", work_email="not-an-address")])[2]
    assert "grade is empty." in errors
    assert any(e.startswith("stream: “Astronaut” is not one of Administrative Officer, Engineer") for e in errors)
    assert "work_email: Enter a valid email address." in errors


def test_one_bad_row_means_nothing_is_written(scene):
    rows = [officer_row(1), officer_row(2), officer_row(3, host_department="Nowhere")]
    with pytest.raises(ImportRefused) as excinfo:
        import_rows(scene, rows)
    assert excinfo.value.messages == ["1 row has an error; nothing was imported."]
    assert excinfo.value.preview.error_count == 1
    assert not Participant.objects.exists()
    assert not Placement.objects.exists()
    assert not NominationImport.objects.exists()


def test_the_import_checks_again_what_changed_since_the_preview(scene):
    rows = nomination_file_read(data=csv_bytes([officer_row(1, host_department="Qianhai Authority")])).rows
    assert nomination_preview(cohort=scene["cohort"], rows=rows).ok
    PlacementFactory(cohort=scene["cohort"], host_department=scene["qianhai"])  # someone took the one place
    with pytest.raises(ImportRefused):
        nomination_import(cohort=scene["cohort"], rows=rows, by=UserFactory(), file_name="batch1.csv")
    assert Placement.objects.count() == 1


def test_an_existing_officer_is_updated_not_duplicated(scene):
    officer = ParticipantFactory(work_email="Officer1@PlanD.gov.hk", home_department=scene["planning"])
    import_rows(scene, [officer_row(1)])
    assert Participant.objects.count() == 1
    officer.refresh_from_db()
    assert (officer.name_en, officer.version) == ("CHAN Officer 1", 2)
    assert Cohort.objects.get().placements.get().participant == officer
