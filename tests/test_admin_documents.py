"""Coordinators attach documents and read reports in the admin."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from placements.models import Document, PlacementReport
from tests.factories import (
    AgreementFactory,
    CohortFactory,
    DocumentFactory,
    PlacementFactory,
    PlacementReportFactory,
)


def test_coordinator_uploads_a_document_for_a_cohort(coordinator_client):
    cohort = CohortFactory()
    response = coordinator_client.post(
        "/admin/placements/document/add/",
        {
            "title": "Programme handbook",
            "file": SimpleUploadedFile("handbook.pdf", b"%PDF-1.4 handbook", content_type="application/pdf"),
            "cohort": cohort.pk,
            "placement": "",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    document = Document.objects.get()
    assert document.cohort == cohort
    assert document.file.read() == b"%PDF-1.4 handbook"


def test_the_admin_links_files_to_the_checked_download_only(coordinator_client, officer):
    document = DocumentFactory(placement=officer.participant.placements.get())
    changelist = coordinator_client.get("/admin/placements/document/").content.decode()
    assert f'href="/documents/{document.pk}/"' in changelist
    change = coordinator_client.get(f"/admin/placements/document/{document.pk}/change/").content.decode()
    assert f'href="/documents/{document.pk}/"' in change
    assert f'href="{document.file.url}"' not in change


def test_coordinators_read_reports_but_nobody_edits_them(coordinator_client, officer):
    report = PlacementReportFactory(placement=officer.participant.placements.get(), learned="Grid management.")
    assert (
        "Grid management."
        in coordinator_client.get(f"/admin/placements/placementreport/{report.pk}/change/").content.decode()
    )
    assert coordinator_client.get("/admin/placements/placementreport/add/").status_code == 403
    coordinator_client.post(f"/admin/placements/placementreport/{report.pk}/change/", {"learned": "Changed."})
    assert PlacementReport.objects.get().learned == "Grid management."
    assert coordinator_client.get(f"/admin/placements/placementreport/{report.pk}/delete/").status_code == 403


def test_officials_and_officers_have_no_admin(client, official, officer):
    for user in (official, officer):
        client.force_login(user)
        response = client.get("/admin/placements/document/")
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")


def test_the_placement_page_shows_its_report_and_documents(coordinator_client, officer):
    placement = officer.participant.placements.get()
    PlacementReportFactory(placement=placement, learned="Grid management.")
    document = DocumentFactory(placement=placement, title="Letter of appointment")

    html = coordinator_client.get(f"/admin/placements/placement/{placement.pk}/change/").content.decode()
    assert "Grid management." in html
    assert f'<a href="/documents/{document.pk}/">Letter of appointment</a>' in html
    assert f'href="/admin/placements/document/add/?placement={placement.pk}"' in html


def test_the_cohort_page_lists_its_documents(coordinator_client, officer):
    cohort = officer.participant.placements.get().cohort
    document = DocumentFactory(placement=None, cohort=cohort, title="Programme handbook")
    html = coordinator_client.get(f"/admin/placements/cohort/{cohort.pk}/change/").content.decode()
    assert f'<a href="/documents/{document.pk}/">Programme handbook</a>' in html
    assert f'href="/admin/placements/document/add/?cohort={cohort.pk}"' in html


def test_the_signed_agreement_is_linked_to_the_checked_download_and_downloads(coordinator_client, official):
    agreement = AgreementFactory()
    agreement.document.save("signed.pdf", ContentFile(b"%PDF-1.4 signed"), save=True)

    change = coordinator_client.get(f"/admin/placements/agreement/{agreement.pk}/change/").content.decode()
    assert f'href="/agreements/{agreement.pk}/document/"' in change
    assert f'href="{agreement.document.url}"' not in change

    download = coordinator_client.get(f"/agreements/{agreement.pk}/document/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == b"%PDF-1.4 signed"
    assert "no-store" in download["Cache-Control"]


def test_an_agreement_without_a_document_is_not_found(coordinator_client):
    assert coordinator_client.get(f"/agreements/{AgreementFactory().pk}/document/").status_code == 404


@pytest.mark.django_db(transaction=True)  # the file goes once the deletion is committed
def test_deleting_a_placement_or_a_document_removes_its_file_from_storage(admin_client):
    placement = PlacementFactory()
    kept, dropped = DocumentFactory(placement=placement), DocumentFactory(placement=placement)
    storage = dropped.file.storage
    names = [kept.file.name, dropped.file.name]
    assert all(storage.exists(name) for name in names)

    response = admin_client.post(f"/admin/placements/document/{dropped.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not storage.exists(names[1])
    assert storage.exists(names[0])

    placement.delete()  # the cascade takes the remaining document and its file
    assert not storage.exists(names[0])


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_deletion_keeps_the_file(db):
    document = DocumentFactory()
    with pytest.raises(RuntimeError), transaction.atomic():
        document.delete()
        raise RuntimeError("the deletion failed half-way")
    assert document.file.storage.exists(document.file.name)


@pytest.mark.django_db(transaction=True)
def test_a_document_given_a_new_file_drops_the_old_one(db):
    document = DocumentFactory()
    old = document.file.name
    document.file = ContentFile(b"%PDF-1.4 second edition", name="briefing.pdf")
    document.save()
    assert not document.file.storage.exists(old)
    assert document.file.storage.exists(document.file.name)
    document.title = "Renamed only"
    document.save()
    assert document.file.storage.exists(document.file.name)
