"""Every non-admin URL × every role, with the answer each must get.

Outsiders get 404 (nothing tells them an object exists), the wrong role 403,
anonymous visitors the login page. A URL added without a row here fails
`test_every_url_has_a_row`, so nobody ships a page whose access was never
decided. The admin has its own tests.
"""

import pytest
from django.core.files.base import ContentFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.factories import DocumentFactory

ROLES = ["anonymous", "officer", "other_officer", "official", "coordinator"]
LOGIN = "login"  # a redirect to the login page, coming back to the URL asked for


def everyone(answer):
    return dict.fromkeys(ROLES, answer)


def logged_in(answer, **overrides):
    return {"anonymous": LOGIN, **dict.fromkeys(ROLES[1:], answer), **overrides}


# name: (method, data, expected answer per role). An answer is a status code,
# LOGIN, or the path a 302 leads to. Objects in URLs belong to `officer`.
MATRIX = {
    "home": (
        "get",
        None,
        {
            "anonymous": "/accounts/login/",
            "officer": "/my/",
            "other_officer": "/my/",
            "official": "/reports/",
            "coordinator": "/admin/",
        },
    ),
    "healthz": ("get", None, everyone(200)),
    "set_language": ("post", {"language": "zh-hant", "next": "/"}, everyone("/")),
    "login": ("get", None, {**everyone("/"), "anonymous": 200}),
    "logout": ("post", None, everyone("/accounts/login/")),
    "password_change": ("get", None, logged_in(200)),
    "password_change_done": ("get", None, logged_in(200)),
    "password_reset": ("get", None, everyone(200)),
    "password_reset_done": ("get", None, everyone(200)),
    "password_reset_confirm": ("get", None, everyone(200)),  # an invalid link says so
    "password_reset_complete": ("get", None, everyone(200)),
    "my": ("get", None, logged_in(200)),
    "my_calendar": ("get", None, logged_in(200, official=404, coordinator=404)),
    "placement_report": ("get", None, logged_in(404, officer=200)),
    "document_download": ("get", None, logged_in(404, officer=200, coordinator=200)),
    "agreement_document": ("get", None, logged_in(404, coordinator=200)),
    "reports": ("get", None, logged_in(403, official=200, coordinator=200)),
    "reports-export": ("get", None, logged_in(403, official=200, coordinator=200)),
    "cohort-report": ("get", None, logged_in(403, official=200, coordinator=200)),
    "cohort-report-export": ("get", None, logged_in(403, official=200, coordinator=200)),
}


def non_admin_url_names(patterns=None, prefix="") -> dict[str, str]:
    """{name: route} for every URL outside the admin."""
    found = {}
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            if pattern.app_name != "admin":
                found |= non_admin_url_names(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            found[pattern.name or f"<unnamed {prefix}{pattern.pattern}>"] = prefix + str(pattern.pattern)
    return found


def test_every_url_has_a_row():
    assert set(non_admin_url_names()) == set(MATRIX)


def signed_agreement(agreement):
    agreement.document.save("signed.pdf", ContentFile(b"%PDF-1.4 signed"), save=True)
    return agreement


@pytest.fixture
def world(officer, other_officer, official, coordinator):
    placement = officer.participant.placements.get()
    return {
        "users": {"officer": officer, "other_officer": other_officer, "official": official, "coordinator": coordinator},
        "kwargs": {
            "placement_report": {"pk": placement.pk},
            "document_download": {"pk": DocumentFactory(placement=placement).pk},
            "password_reset_confirm": {"uidb64": "MQ", "token": "set-by-nobody"},
            "reports-export": {"fmt": "csv"},
            "agreement_document": {"pk": signed_agreement(placement.cohort.agreement).pk},
            "cohort-report": {"pk": placement.cohort_id},
            "cohort-report-export": {"pk": placement.cohort_id, "fmt": "xlsx"},
        },
    }


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(MATRIX))
def test_access(client, world, name, role):
    method, data, answers = MATRIX[name]
    if role != "anonymous":
        client.force_login(world["users"][role])
    url = reverse(name, kwargs=world["kwargs"].get(name))
    response = getattr(client, method)(url, data or {})

    expected = answers[role]
    if expected == LOGIN:
        assert (response.status_code, response.get("Location")) == (302, f"/accounts/login/?next={url}")
    elif isinstance(expected, str):
        assert (response.status_code, response.get("Location")) == (302, expected)
    else:
        assert response.status_code == expected
