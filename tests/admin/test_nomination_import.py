"""A coordinator imports a nomination file in the admin: upload, preview, confirm."""

import pytest
from django.contrib.auth.models import Permission
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from placements.models import NominationImport, Participant, Placement
from tests.factories import UserFactory
from tests.nominations.conftest import csv_bytes, officer_row, scene, xlsx_bytes  # noqa: F401 (fixture)

UPLOAD = reverse("admin:placements_nomination_import")


def upload(client, cohort, data: bytes, name: str = "batch1.csv"):
    return client.post(UPLOAD, {"cohort": cohort.pk, "file": SimpleUploadedFile(name, data)})


def test_the_placement_list_offers_the_import_to_coordinators(coordinator_client, db):
    response = coordinator_client.get(reverse("admin:placements_placement_changelist"))
    assert UPLOAD in response.content.decode()


def test_coordinator_uploads_sees_every_row_then_confirms(coordinator_client, scene):  # noqa: F811
    response = upload(coordinator_client, scene["cohort"], xlsx_bytes([officer_row(1), officer_row(2)]), "b1.xlsx")

    assert response.status_code == 200
    preview = response.context["preview"]
    assert [(row.line, row.officer, row.placement) for row in preview.rows] == [
        (2, "create", "create"),
        (3, "create", "create"),
    ]
    page = response.content.decode()
    assert "officer1@pland.gov.hk" in page and "officer2@pland.gov.hk" in page
    assert not Placement.objects.exists()

    pending = response.context["pending"]
    response = coordinator_client.post(reverse("admin:placements_nomination_confirm", args=[pending.pk]))

    assert response.status_code == 302
    assert Placement.objects.filter(cohort=scene["cohort"]).count() == 2
    assert [m.message for m in get_messages(response.wsgi_request)] == [
        "Imported b1.xlsx: 2 rows, 4 records created, 0 updated."
    ]
    # The waiting rows are gone; what stays says who imported what, and when.
    (record,) = NominationImport.objects.all()
    assert (record.file_name, record.rows, record.row_count) == ("b1.xlsx", None, 2)


def test_a_file_with_a_bad_row_shows_every_error_and_cannot_be_confirmed(coordinator_client, scene):  # noqa: F811
    rows = [officer_row(1), officer_row(2, host_department="Nowhere"), officer_row(3, start_date="31/02/2024")]
    response = upload(coordinator_client, scene["cohort"], csv_bytes(rows))

    assert response.status_code == 200
    assert response.context["pending"] is None
    page = response.content.decode()
    assert "2 rows have errors. Nothing will be imported until the file is corrected" in page
    assert "host_department: there is no department called “Nowhere” in Shenzhen." in page
    assert "start_date: “31/02/2024” is not a date." in page
    assert not NominationImport.objects.exists()
    assert not Participant.objects.exists()


def test_a_file_that_cannot_be_read_is_refused_on_the_upload_form(coordinator_client, scene):  # noqa: F811
    response = upload(coordinator_client, scene["cohort"], b"%PDF-1.7 ...", "nominations.pdf")
    assert response.status_code == 200
    assert response.context["form"].errors["file"][0].startswith("This file is not a spreadsheet.")


def test_a_preview_confirmed_after_someone_took_the_last_place_imports_nothing(coordinator_client, scene):  # noqa: F811
    from tests.factories import PlacementFactory

    response = upload(
        coordinator_client, scene["cohort"], csv_bytes([officer_row(1, host_department="Qianhai Authority")])
    )
    PlacementFactory(cohort=scene["cohort"], host_department=scene["qianhai"])
    response = coordinator_client.post(
        reverse("admin:placements_nomination_confirm", args=[response.context["pending"].pk])
    )

    assert response.status_code == 200
    assert response.context["preview"].rows[0].errors == [
        "Qianhai Authority offered 1 place in this cohort; this row would be number 2."
    ]
    assert Placement.objects.count() == 1
    assert not NominationImport.objects.exists()


def test_one_coordinator_cannot_confirm_anothers_upload(coordinator_client, scene, client):  # noqa: F811
    response = upload(coordinator_client, scene["cohort"], csv_bytes([officer_row(1)]))
    other = UserFactory(username="other", is_staff=True, groups=["Coordinators"])
    client.force_login(other)
    response = client.post(reverse("admin:placements_nomination_confirm", args=[response.context["pending"].pk]))
    assert response.status_code == 404
    assert not Placement.objects.exists()


@pytest.mark.parametrize("extension", ["csv", "xlsx"])
def test_coordinator_downloads_the_template(coordinator_client, extension):
    response = coordinator_client.get(reverse("admin:placements_nomination_template", args=[extension]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="nominations-template.{extension}"'
    if extension == "csv":
        assert response.content.decode("utf-8-sig").startswith("name_en,name_zh,work_email,home_department")


def test_the_template_reads_back_as_a_file_with_no_officers(coordinator_client):
    from placements.nominations import FileRefused, nomination_file_read

    for extension in ("csv", "xlsx"):
        data = coordinator_client.get(reverse("admin:placements_nomination_template", args=[extension])).content
        with pytest.raises(FileRefused) as excinfo:
            nomination_file_read(data=data)
        assert excinfo.value.messages == ["The file has a header row but no officers in it."]


@pytest.mark.parametrize(
    "url",
    [UPLOAD, reverse("admin:placements_nomination_template", args=["csv"])],
)
def test_staff_outside_the_coordinators_cannot_import(client, db, url):
    staff = UserFactory(username="clerk", is_staff=True)
    staff.user_permissions.add(*Permission.objects.filter(codename__in=["view_placement", "change_placement"]))
    client.force_login(staff)
    assert client.get(url).status_code == 403


def test_officials_and_visitors_are_sent_to_log_in(client, official):
    assert client.get(UPLOAD).status_code == 302
    client.force_login(official)
    assert client.get(UPLOAD).status_code == 302
