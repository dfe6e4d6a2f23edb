"""Coordinators attach documents and read reports in the admin."""

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from placements.models import Document, PlacementReport
from tests.factories import AgreementFactory, CohortFactory, DocumentFactory, PlacementReportFactory


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
