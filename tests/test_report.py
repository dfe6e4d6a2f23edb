"""/my/placements/<id>/report/ — the end-of-placement report."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from placements.models import PlacementReport, PlacementStatus
from placements.services import placement_report_submit
from tests.factories import OfficerFactory, PlacementReportFactory, placement_under_way

ANSWERS = {
    "learned": "How Futian plans cross-boundary bus routes with the operators.",
    "apply_at_home": "Joint route planning with Shenzhen for the Northern Metropolis.",
    "contacts": "Futian Transport Administration, planning section.",
}


@pytest.fixture
def officer_near_the_end(db):
    """An officer with 10 days of their placement left: the report is open."""
    participant = OfficerFactory()
    placement = placement_under_way(participant=participant, days_in=80)
    assert placement.end_date - timezone.localdate() < dt.timedelta(days=14)
    return participant.user, placement


def url(placement) -> str:
    return f"/my/placements/{placement.pk}/report/"


def test_the_report_opens_in_the_last_two_weeks(db):
    placement = placement_under_way(days_in=10)
    assert placement.report_opens_on == placement.end_date - dt.timedelta(days=13)
    assert not placement.report_is_open(placement.report_opens_on - dt.timedelta(days=1))
    assert placement.report_is_open(placement.report_opens_on)
    assert placement.report_is_open(placement.end_date + dt.timedelta(days=365))


def test_before_then_the_page_says_when_it_opens(officer_client, officer):
    placement = officer.participant.placements.get()
    response = officer_client.get(url(placement))
    assert response.status_code == 200
    assert "The report opens on" in response.content.decode()
    assert "<form" not in response.content.decode().split("<main", 1)[1]
    officer_client.post(url(placement), ANSWERS)
    assert not PlacementReport.objects.exists()


def test_the_officer_writes_and_submits_the_report(client, officer_near_the_end):
    user, placement = officer_near_the_end
    client.force_login(user)
    html = client.get(url(placement)).content.decode()
    assert 'name="learned"' in html and 'name="apply_at_home"' in html and 'name="contacts"' in html
    assert "form-control" in html  # rendered by crispy-forms

    response = client.post(url(placement), ANSWERS, follow=True)
    assert response.redirect_chain == [("/my/", 302)]
    assert "your report has been submitted" in response.content.decode()
    report = PlacementReport.objects.get(placement=placement)
    assert report.learned == ANSWERS["learned"]
    assert report.submitted_at is not None


def test_learned_and_applicable_are_required(client, officer_near_the_end):
    user, placement = officer_near_the_end
    client.force_login(user)
    response = client.post(url(placement), {"learned": "  ", "apply_at_home": "", "contacts": ""})
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"learned", "apply_at_home"}
    assert not PlacementReport.objects.exists()


def test_once_submitted_it_is_read_only(client, officer_near_the_end):
    user, placement = officer_near_the_end
    PlacementReportFactory(placement=placement, learned="The first version.")
    client.force_login(user)

    html = client.get(url(placement)).content.decode()
    assert "The first version." in html
    assert 'name="learned"' not in html
    response = client.post(url(placement), ANSWERS)
    assert response.status_code == 302
    assert PlacementReport.objects.get().learned == "The first version."


def test_it_stays_open_after_the_placement_ends(client, db):
    participant = OfficerFactory()
    placement = placement_under_way(participant=participant, days_in=150, status=PlacementStatus.COMPLETED)
    client.force_login(participant.user)
    client.post(url(placement), ANSWERS)
    assert PlacementReport.objects.filter(placement=placement).exists()


def test_another_officers_report_is_not_found(officer_client, officer_near_the_end):
    _, theirs = officer_near_the_end
    assert officer_client.get(url(theirs)).status_code == 404
    assert officer_client.post(url(theirs), ANSWERS).status_code == 404
    PlacementReportFactory(placement=theirs)
    assert officer_client.get(url(theirs)).status_code == 404


def test_a_proposed_placement_has_no_report_page(client, db):
    participant = OfficerFactory()
    placement = placement_under_way(participant=participant, days_in=80, status=PlacementStatus.PROPOSED)
    client.force_login(participant.user)
    assert client.get(url(placement)).status_code == 404


def test_the_service_files_one_report_only(officer_near_the_end):
    _, placement = officer_near_the_end
    placement_report_submit(placement=placement, **ANSWERS)
    with pytest.raises(ValidationError, match="already been submitted"):
        placement_report_submit(placement=placement, **ANSWERS)


def test_the_service_refuses_a_report_before_it_opens(officer):
    placement = officer.participant.placements.get()
    with pytest.raises(ValidationError, match="The report opens on"):
        placement_report_submit(placement=placement, **ANSWERS)
