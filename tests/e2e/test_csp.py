"""The admin and every page work in a real browser under the Content-Security-Policy.

The policy (settings.CONTENT_SECURITY_POLICY) is the same in development and
production, so these tests see the header production sends. Every page is
watched for what the browser reports: a CSP violation, any console error,
any uncaught script error. Each test also proves the page's scripts ran
(the admin's calendar, autocomplete, inline rows and action counter; the
language switcher of static/js/app.js), since a blocked script fails
silently otherwise.
"""

import pytest

from tests.e2e.scenario import PASSWORD, seconded_officer
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def watched(new_page):
    """watched() — a new page whose console errors, script errors and CSP violations land in watched.problems."""
    problems: list[str] = []

    def make(**options):
        page = new_page(**options)
        page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error: problems.append(f"uncaught: {error}"))
        page.on("response", lambda r: problems.append(f"{r.status} {r.url}") if r.status >= 400 else None)
        return page

    make.problems = problems
    return make


def log_in(page, username: str, lands_on: str) -> None:
    page.goto("/accounts/login/")
    page.locator('input[name="username"]').fill(username)
    page.locator('input[name="password"]').fill(PASSWORD)
    page.locator('main button[type="submit"]').click()
    page.wait_for_url(f"**{lands_on}")


def test_the_browser_enforces_the_policy(watched):
    # The control: an inline script is refused, and the refusal is seen.
    page = watched()
    response = page.goto("/accounts/login/")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    page.evaluate(
        "() => { const s = document.createElement('script'); s.textContent = 'window.ranInline = true';"
        " document.head.appendChild(s); }"
    )
    assert page.evaluate("window.ranInline") is None
    assert any("Content Security Policy" in problem for problem in watched.problems)


def test_the_admin_works_under_the_policy(watched):
    scenario = seconded_officer()
    UserFactory(username="coordinator.lee", is_staff=True, groups=["Coordinators"])
    page = watched()
    log_in(page, "coordinator.lee", "/admin/")

    # The placement list: the action bar's counter is written by actions.js.
    page.goto("/admin/placements/placement/")
    page.locator("#action-toggle").check()
    assert "selected" in page.locator(".action-counter").inner_text()

    # A placement: calendar shortcuts (DateTimeShortcuts.js) and autocomplete
    # (select2 through jQuery, asking /admin/autocomplete/ with fetch).
    page.goto(f"/admin/placements/placement/{scenario.placement.pk}/change/")
    page.locator("a[id^=calendarlink]").first.click()
    assert page.locator("#calendarbox0").is_visible()
    page.locator("#calendarbox0 .calendar-cancel a").click()
    page.locator(".field-host_department .select2-selection").click()
    page.locator(".select2-search__field").fill("Futian")
    option = page.locator(".select2-results__option", has_text="Futian Administration")
    option.wait_for()
    option.click()
    page.locator('input[name="_continue"]').click()
    page.wait_for_load_state()
    assert page.locator(".messagelist .success").is_visible()

    # Its history (django-simple-history's page).
    page.goto(f"/admin/placements/placement/{scenario.placement.pk}/history/")
    assert page.locator("#change-history").is_visible()

    # A cohort: "add another" rows of its inlines come from inlines.js.
    page.goto(f"/admin/placements/cohort/{scenario.placement.cohort_id}/change/")
    rows = page.locator("#host_offers-group tbody tr.form-row:not(.empty-form)")
    before = rows.count()
    page.locator("#host_offers-group .add-row a").click()
    assert rows.count() == before + 1

    # The audit log, read-only.
    page.goto("/admin/placements/auditevent/")
    assert page.locator("#result_list").is_visible()

    assert watched.problems == [], "\n".join(watched.problems)


def test_the_officers_and_officials_pages_work_under_the_policy(watched):
    scenario = seconded_officer()
    UserFactory(username="official.wong", groups=["Officials"])

    officer = watched()
    log_in(officer, scenario.username, "/my/")
    # static/js/app.js submits the language form when the choice changes.
    with officer.expect_navigation():
        officer.locator("#language-select").select_option("zh-hant")
    assert officer.locator("html").get_attribute("lang") == "zh-hant"
    officer.goto(f"/my/placements/{scenario.placement.pk}/report/")
    assert officer.locator("textarea").first.is_visible()
    # Bootstrap's own script: the menu button opens the menu on a narrow screen.
    officer.set_viewport_size({"width": 390, "height": 844})
    officer.locator(".navbar-toggler").click()
    officer.locator("#main-nav.show").wait_for()

    official = watched()
    log_in(official, "official.wong", "/reports/")
    official.goto(f"/reports/cohorts/{scenario.placement.cohort_id}/")
    assert official.locator("[data-print]").first.is_visible()
    assert official.locator("svg[role=img]").first.is_visible()

    assert watched.problems == [], "\n".join(watched.problems)
