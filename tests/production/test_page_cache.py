"""The cached parts of /my/ and the cohort report (placements/freshness.py).

A page is served from the cache only while nothing under it has changed: each
test writes, lets the write commit as it does in use (transactional tests:
the stamp is replaced after the commit), and reads the page again.
"""

import datetime as dt
from unittest import mock

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.translation import gettext
from simple_history.models import HistoricalChanges

from placements import freshness
from placements.models import PlacementStatus
from placements.nominations import nomination_file_read, nomination_import
from placements.services import placement_move
from tests.factories import OfficerFactory, ShenzhenDepartmentFactory, UserFactory, placement_under_way
from tests.nominations.conftest import csv_bytes, officer_row

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True, params=["own cache", "shared cache"])
def cache_mode(request):
    """Every test twice: each process with its own cache (the default), and
    one cache shared by all (CACHE_URL), where the stamp is kept in the cache too."""
    if request.param == "shared cache":
        request.getfixturevalue("shared_cache")
    return request.param


def report_body(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode().split("<main", 1)[1]


def my_body(client: Client) -> str:
    response = client.get("/my/")
    assert response.status_code == 200
    return response.content.decode().split("<main", 1)[1]


@pytest.fixture
def futian():
    return ShenzhenDepartmentFactory(name_en="Futian District Government", name_zh="福田區人民政府")


@pytest.fixture
def placement(futian):
    return placement_under_way(
        participant=OfficerFactory(name_en="Chow Tat-wing", name_zh="周達榮"), host_department=futian
    )


@pytest.fixture
def official_client(client):
    # A transactional test before this one may have flushed the groups the migrations made.
    officials, _ = Group.objects.get_or_create(name="Officials")
    officials.permissions.add(Permission.objects.get(content_type__app_label="placements", codename="view_reports"))
    client.force_login(UserFactory(username="official", groups=["Officials"]))
    return client


def test_every_model_of_the_app_is_watched_or_named_as_not_shown():
    """A new model must be placed: its writes replace the stamp, or NOT_SHOWN says why not."""
    models = {
        model._meta.label
        for model in apps.get_app_config("placements").get_models(include_auto_created=True)
        if not issubclass(model, HistoricalChanges)
    }
    watched = {model._meta.label for model in freshness.watched_models()}
    assert set(freshness.NOT_SHOWN) <= models, "NOT_SHOWN names a model that does not exist"
    assert watched == models - set(freshness.NOT_SHOWN)
    assert {"placements.Placement", "placements.Department", "placements.Agreement_fields"} <= watched


def test_a_renamed_host_shows_in_the_cached_report_at_once(official_client, placement, futian):
    url = f"/reports/cohorts/{placement.cohort_id}/"
    assert "Futian District Government" in report_body(official_client, url)
    assert "Futian District Government" in report_body(official_client, url)  # from the cache

    futian.name_en = "Futian District People's Government"
    futian.save()

    assert "Futian District People&#x27;s Government" in report_body(official_client, url)


def test_a_status_move_shows_in_the_cached_report_and_on_the_officers_page(official_client, placement):
    url = f"/reports/cohorts/{placement.cohort_id}/?status=withdrawn"
    assert "Chow Tat-wing" not in report_body(official_client, url)
    officer = Client()
    officer.force_login(placement.participant.user)
    assert gettext("Withdrawn") not in my_body(officer)

    placement_move(placement=placement, move="withdraw", by=None, reason="Called back to Hong Kong")

    assert "Chow Tat-wing" in report_body(official_client, url)
    placement.refresh_from_db()
    assert placement.status == PlacementStatus.WITHDRAWN


def test_officers_never_see_each_others_cached_page(placement, futian):
    other = placement_under_way(participant=OfficerFactory(name_en="Lee Ka-yan"), host_department=futian)
    first, second = Client(), Client()
    first.force_login(placement.participant.user)
    second.force_login(other.participant.user)

    assert "Chow Tat-wing" in my_body(first)
    page = my_body(second)
    assert "Lee Ka-yan" in page
    assert "Chow Tat-wing" not in page


def test_each_session_gets_its_own_csrf_token_around_the_cached_part(placement):
    """The same officer on a phone and a laptop: the logout form works on both."""
    phone, laptop = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    for device in (phone, laptop):
        device.force_login(placement.participant.user)
        device.get("/my/")  # the laptop's page comes from the cache
    for device in (phone, laptop):
        token = device.get("/my/").content.decode().split('name="csrfmiddlewaretoken" value="', 1)[1].split('"')[0]
        assert token != freshness.CSRF_PLACEHOLDER
        assert device.post("/accounts/logout/", {"csrfmiddlewaretoken": token}).status_code == 302


def test_a_message_for_the_reader_is_shown_once_with_the_fresh_page():
    """The officer submits the end-of-placement report from a cached /my/."""
    placement = placement_under_way(participant=OfficerFactory(), days_in=80)
    officer = Client()
    officer.force_login(placement.participant.user)
    assert "Submitted on" not in my_body(officer)
    answers = {"learned": "Bus routes.", "apply_at_home": "Joint planning.", "contacts": ""}

    response = officer.post(f"/my/placements/{placement.pk}/report/", answers, follow=True)

    page = response.content.decode().split("<main", 1)[1]
    assert "your report has been submitted" in page
    assert "Submitted on" in page
    again = my_body(officer)
    assert "Submitted on" in again
    assert "your report has been submitted" not in again
    assert freshness.CSRF_PLACEHOLDER not in response.content.decode() + again


def test_each_language_and_each_set_of_filters_has_its_own_cached_page(official_client, placement):
    url = f"/reports/cohorts/{placement.cohort_id}/"
    assert "Programme reports" in report_body(official_client, url)
    official_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "zh-hant"
    with translation.override("zh-hant"):
        expected = gettext("Programme reports")
    assert expected != "Programme reports"
    assert expected in report_body(official_client, url)
    assert "周達榮" in report_body(official_client, url)
    assert "周達榮" not in report_body(official_client, url + "?status=completed")


def test_tomorrow_the_officers_page_counts_one_more_day(placement):
    officer = Client()
    officer.force_login(placement.participant.user)
    today = timezone.localdate()
    total = placement.duration_days()
    assert f"Day 30 of {total}" in my_body(officer)
    tomorrow = today + dt.timedelta(days=1)
    # The date moves on, the session's clocks (timezone.now) do not: it stays open.
    with mock.patch("django.utils.timezone.localdate", lambda value=None, timezone=None: tomorrow):
        assert f"Day 31 of {total}" in my_body(officer)


def test_a_rolled_back_write_keeps_the_stamp_and_a_transaction_replaces_it_once(placement, futian):
    before = freshness.current()
    with pytest.raises(RuntimeError), transaction.atomic():
        futian.name_en = "Never saved"
        futian.save()
        raise RuntimeError("the coordinator's save failed")
    assert freshness.current() == before

    with CaptureQueriesContext(connection) as queries, transaction.atomic():
        for name in ("One", "Two", "Three"):
            futian.name_en = name
            futian.save()
        placement.save()
    replaced = [q for q in queries.captured_queries if q["sql"].startswith("UPDATE") and "datastamp" in q["sql"]]
    assert len(replaced) == 1
    assert freshness.current() != before


def test_bulk_writes_replace_the_stamp_too(official_client, placement):
    """The nomination import and generate_data write with bulk_create, which sends no signals."""
    from placements.models import HostOffer

    cohort = placement.cohort
    url = f"/reports/cohorts/{cohort.pk}/"
    assert "CHAN Officer 1" not in report_body(official_client, url)
    department = placement.host_department
    HostOffer.objects.update_or_create(cohort=cohort, department=department, defaults={"places": 10})
    row = officer_row(
        1,
        host_department=department.name_en,
        home_department=placement.participant.home_department.short_name
        or placement.participant.home_department.name_en,
        field=placement.field.name_en,
        start_date=placement.start_date.isoformat(),
        end_date=placement.end_date.isoformat(),
    )
    read = nomination_file_read(data=csv_bytes([row]))
    nomination_import(cohort=cohort, rows=read.rows, by=UserFactory(), file_name="batch.csv")
    assert "CHAN Officer 1" in report_body(official_client, url)

    before = freshness.current()
    call_command("generate_data", placements=3, cohorts=1, verbosity=0)
    assert freshness.current() != before


def test_the_stamp_row_is_made_again_if_it_went_missing(futian, cache_mode):
    from django.core.cache import cache

    from placements.models import DataStamp

    DataStamp.objects.all().delete()
    if cache_mode == "shared cache":
        # The cache's copy is trusted for STAMP_TIMEOUT seconds; let them pass.
        assert freshness.current() != ""
        cache.delete(freshness.STAMP_KEY)
    assert freshness.current() == ""
    futian.save()
    assert freshness.current() != ""
