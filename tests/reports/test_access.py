"""Who may read the reports: every report URL × every role.

Officials and coordinators hold placements.view_reports and get in; an
anonymous visitor is sent to log in; any other signed-in user (a seconded
officer, or an account with no role) gets 403. The project-wide access matrix
should list these URLs too.
"""

import pytest
from django.conf import settings
from django.shortcuts import resolve_url

from tests.factories import CohortFactory, ParticipantFactory, PlacementFactory, UserFactory


@pytest.fixture
def cohort(db):
    return PlacementFactory().cohort


def report_urls(cohort) -> list[str]:
    return [
        "/reports/",
        "/reports/placements.csv",
        "/reports/placements.xlsx",
        f"/reports/cohorts/{cohort.pk}/",
        f"/reports/cohorts/{cohort.pk}/placements.csv",
        f"/reports/cohorts/{cohort.pk}/placements.xlsx",
    ]


URL_INDEXES = range(6)


@pytest.mark.parametrize("index", URL_INDEXES)
def test_anonymous_visitor_is_sent_to_log_in(client, cohort, index):
    url = report_urls(cohort)[index]
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(resolve_url(settings.LOGIN_URL) + "?next=")


@pytest.mark.parametrize("index", URL_INDEXES)
def test_seconded_officer_gets_403(client, cohort, index):
    officer = ParticipantFactory(user=UserFactory()).user
    client.force_login(officer)
    assert client.get(report_urls(cohort)[index]).status_code == 403


@pytest.mark.parametrize("index", URL_INDEXES)
def test_user_without_a_role_gets_403(client, cohort, index):
    client.force_login(UserFactory())
    assert client.get(report_urls(cohort)[index]).status_code == 403


@pytest.mark.parametrize("persona", ["official", "coordinator"])
@pytest.mark.parametrize("index", URL_INDEXES)
def test_officials_and_coordinators_get_in(client, cohort, index, persona, request):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(report_urls(cohort)[index]).status_code == 200


def test_unknown_cohort_is_404(client, official):
    client.force_login(official)
    assert client.get("/reports/cohorts/999999/").status_code == 404
    assert client.get("/reports/cohorts/999999/placements.csv").status_code == 404


def test_unknown_export_format_is_404(client, official, cohort):
    client.force_login(official)
    assert client.get("/reports/placements.pdf").status_code == 404
    assert client.get(f"/reports/cohorts/{cohort.pk}/placements.json").status_code == 404


def test_reports_are_read_only(client, official, cohort):
    client.force_login(official)
    assert client.post("/reports/").status_code == 405
    assert client.post(f"/reports/cohorts/{cohort.pk}/").status_code == 405


def test_unused_cohort_factory_still_reports(client, official):
    # A cohort with no placement yet (planning) has a report too.
    cohort = CohortFactory()
    client.force_login(official)
    assert client.get(f"/reports/cohorts/{cohort.pk}/").status_code == 200
