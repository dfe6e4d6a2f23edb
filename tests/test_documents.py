"""/documents/<id>/ — files only their officer and coordinators may download."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction

from placements.models import Document, PlacementStatus
from tests.factories import CohortFactory, DocumentFactory, OfficerFactory, PlacementFactory


@pytest.fixture
def placement(officer):
    return officer.participant.placements.get()


def download(client, document: Document):
    return client.get(f"/documents/{document.pk}/")


def test_the_officer_downloads_a_document_of_their_placement(officer_client, placement):
    document = DocumentFactory(placement=placement, title="Letter of appointment")
    response = download(officer_client, document)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 Letter of appointment\n"
    assert response["Content-Disposition"].startswith('attachment; filename="briefing')
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]


def test_the_officer_downloads_a_document_of_their_cohort(officer_client, placement):
    document = DocumentFactory(placement=None, cohort=placement.cohort)
    assert download(officer_client, document).status_code == 200


def test_another_officers_document_is_not_found(officer_client, other_officer):
    theirs = DocumentFactory(placement=other_officer.participant.placements.get())
    their_cohort = DocumentFactory(placement=None, cohort=other_officer.participant.placements.get().cohort)
    assert download(officer_client, theirs).status_code == 404
    assert download(officer_client, their_cohort).status_code == 404


def test_a_proposed_placement_gives_no_access_yet(client, db):
    participant = OfficerFactory()
    placement = PlacementFactory(participant=participant, status=PlacementStatus.PROPOSED)
    client.force_login(participant.user)
    assert download(client, DocumentFactory(placement=placement)).status_code == 404
    assert download(client, DocumentFactory(placement=None, cohort=placement.cohort)).status_code == 404


def test_coordinators_download_any_document(coordinator_client, other_officer):
    document = DocumentFactory(placement=other_officer.participant.placements.get())
    assert download(coordinator_client, document).status_code == 200


def test_officials_do_not(client, official, other_officer):
    client.force_login(official)
    assert download(client, DocumentFactory(placement=other_officer.participant.placements.get())).status_code == 404


def test_anonymous_visitors_are_sent_to_log_in(client, other_officer):
    document = DocumentFactory(placement=other_officer.participant.placements.get())
    response = download(client, document)
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next=/documents/{document.pk}/"


def test_files_have_no_public_url(client, placement):
    document = DocumentFactory(placement=placement)
    for url in (document.file.url, f"/media/{document.file.name}", f"/static/{document.file.name}"):
        assert client.get(url).status_code == 404


def test_a_file_missing_from_storage_is_not_found(officer_client, placement):
    document = DocumentFactory(placement=placement)
    document.file.storage.delete(document.file.name)
    assert download(officer_client, document).status_code == 404


def test_a_document_belongs_to_a_placement_or_a_cohort_not_both(placement):
    both = Document(placement=placement, cohort=placement.cohort, title="x", file=ContentFile(b"x", name="x.pdf"))
    with pytest.raises(ValidationError):
        both.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        Document.objects.create(title="neither", file=ContentFile(b"x", name="x.pdf"))


def test_only_office_files_are_accepted(db):
    document = Document(cohort=CohortFactory(), title="x", file=ContentFile(b"MZ", name="setup.exe"))
    with pytest.raises(ValidationError) as error:
        document.full_clean()
    assert "file" in error.value.message_dict
