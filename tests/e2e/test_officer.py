"""A seconded officer in a real browser: log in, read, switch language,
download the calendar, submit the report."""

import os
import re
from pathlib import Path

import icalendar
import pytest
from django.conf import settings

from placements.models import PlacementReport
from tests.e2e.conftest import PHONE
from tests.e2e.scenario import HOST_ZH, HOST_ZH_HANT, PASSWORD, seconded_officer

# serialized_rollback: put back what migrations created (the groups) after each flush.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
SCREENSHOTS = Path(settings.BASE_DIR, "docs", "screenshots")


def log_in(page, username: str) -> None:
    page.goto("/")
    assert page.url.endswith("/accounts/login/")
    page.locator('input[name="username"]').fill(username)
    page.locator('input[name="password"]').fill(PASSWORD)
    page.locator('main button[type="submit"]').click()
    page.wait_for_url("**/my/")


def switch_language(page, name: str) -> None:
    with page.expect_navigation():
        page.locator("#language-select").select_option(label=name)


def test_officer_reads_the_assignment_in_three_languages(page):
    scenario = seconded_officer()
    log_in(page, scenario.username)

    main = page.locator("main")
    assert main.get_by_role("heading", name="My placement").is_visible()
    assert main.get_by_text("Futian Administration, Shenzhen Municipal Transport Bureau").is_visible()
    assert main.get_by_text("Liu Fang").is_visible()
    assert main.locator(".event-next").inner_text().startswith(main.locator(".event-next time").inner_text())
    assert "Closing ceremony" in main.locator(".event-next").inner_text()
    assert main.get_by_text("Guangzhou Municipal Transport Bureau").is_visible()

    switch_language(page, "繁體中文")
    assert page.locator("html").get_attribute("lang") == "zh-hant"
    assert main.get_by_text(HOST_ZH_HANT).is_visible()  # converted from Simplified for this reader
    assert main.get_by_text("陳大文", exact=False).first.is_visible()
    assert "進行中" in main.inner_text()
    assert "深圳" in main.inner_text()

    switch_language(page, "简体中文")
    assert page.locator("html").get_attribute("lang") == "zh-hans"
    assert main.get_by_text(HOST_ZH).is_visible()
    assert main.get_by_text("陈大文", exact=False).first.is_visible()
    assert "进行中" in main.inner_text()

    # The choice is remembered: a new page of the same browser keeps it.
    page.goto("/my/")
    assert page.locator("html").get_attribute("lang") == "zh-hans"


def test_officer_downloads_the_calendar_and_a_document(page, tmp_path):
    scenario = seconded_officer()
    log_in(page, scenario.username)

    with page.expect_download() as download_info:
        page.locator('a[href="/my/calendar.ics"]').click()
    download = download_info.value
    assert download.suggested_filename == "placement.ics"
    calendar = icalendar.Calendar.from_ical(Path(download.path()).read_bytes())
    summaries = [str(entry["SUMMARY"]) for entry in calendar.walk("VEVENT")]
    assert len(summaries) == 1 + 5
    assert "Closing ceremony" in summaries

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Letter of appointment").click()
    assert Path(download_info.value.path()).read_bytes().startswith(b"%PDF")


def test_officer_submits_the_end_of_placement_report(page):
    scenario = seconded_officer()
    log_in(page, scenario.username)

    page.locator(f'a[href="/my/placements/{scenario.placement.pk}/report/"]').first.click()
    page.locator('textarea[name="learned"]').fill("How Futian coordinates bus feeders with new metro lines.")
    page.locator('textarea[name="apply_at_home"]').fill("Joint feeder planning for the Northern Metropolis.")
    page.locator('textarea[name="contacts"]').fill("Liu Fang, Planning Division.")
    page.locator("main").get_by_role("button").last.click()
    page.wait_for_url("**/my/")

    assert page.locator(".alert-success").is_visible()
    assert "Submitted on" in page.locator("main").inner_text()
    report = PlacementReport.objects.get(placement=scenario.placement)
    assert report.apply_at_home == "Joint feeder planning for the Northern Metropolis."


def test_another_officers_report_is_not_found_in_the_browser(page):
    scenario = seconded_officer()
    log_in(page, scenario.username)
    response = page.goto("/my/placements/999999/report/")
    assert response.status == 404


@pytest.mark.parametrize("language", ["en", "zh-hant", "zh-hans"])
def test_the_page_fits_a_phone_and_one_a4_sheet(new_page, language, tmp_path):
    scenario = seconded_officer()
    folder = SCREENSHOTS if os.environ.get("UPDATE_SCREENSHOTS") else tmp_path

    desktop = new_page()
    log_in(desktop, scenario.username)
    desktop.context.add_cookies([{"name": "django_language", "value": language, "url": desktop.url}])
    desktop.goto("/my/")
    assert desktop.locator("html").get_attribute("lang") == language
    desktop.screenshot(path=folder / f"my-{language}-desktop.png", full_page=True)

    # Printed, the page is one A4 sheet.
    desktop.emulate_media(media="print")
    pdf = desktop.pdf(format="A4", print_background=True)
    (tmp_path / f"my-{language}-print.pdf").write_bytes(pdf)
    assert len(re.findall(rb"/Type\s*/Page\b", pdf)) == 1

    phone = new_page(viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)
    phone.context.add_cookies([{"name": "django_language", "value": language, "url": desktop.url}])
    log_in(phone, scenario.username)
    # Nothing wider than the phone: no sideways scrolling.
    wide = phone.evaluate(
        "[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 391)"
        ".map(e => e.tagName + '.' + e.className).slice(0, 5)"
    )
    assert wide == []
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    phone.screenshot(path=folder / f"my-{language}-phone.png", full_page=True)
