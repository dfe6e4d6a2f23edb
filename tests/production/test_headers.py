"""Headers every response carries, in development as in production, and
`Cache-Control: no-store` on every page or file with personal data."""

from pathlib import Path

import pytest
from django.urls import reverse

from tests.factories import DocumentFactory


def test_every_page_carries_the_content_security_policy_and_the_other_headers(client, db):
    response = client.get("/accounts/login/")
    policy = dict(part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";"))
    assert policy["default-src"] == "'self'"
    assert policy["script-src"] == "'self'"  # no 'unsafe-inline', no 'unsafe-eval', no nonce
    assert policy["style-src"] == "'self'"
    assert policy["object-src"] == "'none'"
    assert policy["base-uri"] == "'none'"
    assert policy["frame-ancestors"] == "'none'"
    assert policy["form-action"] == "'self'"
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_no_template_has_an_inline_script_or_style_or_event_handler(settings):
    # What the CSP would block in a browser (tests/e2e/test_csp.py shows it does not).
    offenders = []
    for path in Path(settings.BASE_DIR, "templates").rglob("*.html"):
        html = path.read_text()
        for bad in (
            "<script>",
            '<script type="text/javascript">',
            "<style",
            ' style="',
            " onclick=",
            " onchange=",
            " onsubmit=",
            " onload=",
            "javascript:",
        ):
            if bad in html:
                offenders.append(f"{path.name}: {bad.strip()}")
    assert offenders == []


@pytest.fixture
def urls(officer):
    placement = officer.participant.placements.get()
    return {
        "officer": [
            "/my/",
            "/my/calendar.ics",
            reverse("placement_report", args=[placement.pk]),
            reverse("document_download", args=[DocumentFactory(placement=placement).pk]),
        ],
        "official": [
            "/reports/",
            "/reports/placements.csv",
            "/reports/placements.xlsx",
            f"/reports/cohorts/{placement.cohort_id}/",
            f"/reports/cohorts/{placement.cohort_id}/placements.csv",
        ],
        "coordinator": [
            "/admin/placements/participant/",
            f"/admin/placements/participant/{officer.participant.pk}/change/",
            "/admin/placements/placement/",
        ],
    }


@pytest.mark.parametrize("role", ["officer", "official", "coordinator"])
def test_pages_with_personal_data_are_never_stored(client, urls, role, request):
    client.force_login(request.getfixturevalue(role))
    for url in urls[role]:
        response = client.get(url)
        assert response.status_code == 200, url
        directives = {part.strip() for part in response["Cache-Control"].split(",")}
        assert {"no-store", "private"} <= directives, url
