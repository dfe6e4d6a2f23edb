"""/reports/cohorts/<id>/: one cohort's report."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from placements.models import PlacementStatus, Seniority
from tests.factories import (
    CohortFactory,
    FieldFactory,
    HongKongDepartmentFactory,
    HostOfferFactory,
    ParticipantFactory,
    PlacementFactory,
    ShenzhenDepartmentFactory,
)
from tests.reports.bulk import bulk_placements


@pytest.fixture
def cohort(db):
    """Three officers placed and one withdrawn, at two hosts in two districts."""
    cohort = CohortFactory(name_en="Shenzhen–Hong Kong, batch 1", name_zh="深港公務員交流第一批")
    futian = ShenzhenDepartmentFactory(
        name_en="Futian District Government", name_zh="福田区人民政府", district="Futian"
    )
    qianhai = ShenzhenDepartmentFactory(name_en="Qianhai Authority", name_zh="前海管理局", district="Qianhai")
    HostOfferFactory(cohort=cohort, department=futian, places=3)
    HostOfferFactory(cohort=cohort, department=qianhai, places=2)
    transport = HongKongDepartmentFactory(name_en="Transport Department", name_zh="運輸署")
    planning = FieldFactory(name_en="Urban planning", name_zh="城市規劃")
    governance = FieldFactory(name_en="Regional governance", name_zh="區域治理")
    PlacementFactory(
        cohort=cohort,
        host_department=futian,
        field=governance,
        status=PlacementStatus.COMPLETED,
        participant=ParticipantFactory(
            name_en="Chan Tai-man", name_zh="陳大文", grade="Senior Engineer", home_department=transport
        ),
    )
    PlacementFactory(
        cohort=cohort,
        host_department=futian,
        field=planning,
        status=PlacementStatus.CONFIRMED,
        participant=ParticipantFactory(
            name_en="Wong Siu-ming",
            name_zh="黃小明",
            grade="Town Planner",
            seniority=Seniority.MIDDLE,
            work_email="wong.siuming@example.gov.hk",
        ),
    )
    PlacementFactory(
        cohort=cohort,
        host_department=qianhai,
        field=planning,
        status=PlacementStatus.CONFIRMED,
        participant=ParticipantFactory(name_en="Lee Ka-yan", name_zh="李嘉欣", grade="Senior Engineer"),
    )
    PlacementFactory(
        cohort=cohort,
        host_department=qianhai,
        field=planning,
        status=PlacementStatus.WITHDRAWN,
        participant=ParticipantFactory(name_en="Ho Chi-wai", name_zh="何志偉", grade="Town Planner"),
    )
    return cohort


def test_headline_figures(official_client, cohort):
    figures = official_client.get(f"/reports/cohorts/{cohort.pk}/").context["figures"]
    assert figures.officers == 3  # the withdrawn officer aside
    assert figures.withdrawn == 1
    assert figures.host_departments == 2
    assert figures.fields == 2
    assert figures.senior == 2
    assert figures.senior_share == pytest.approx(2 / 3)
    assert figures.placement_days == 3 * 91  # 15 Dec 2023 to 14 Mar 2024, both days counted
    assert dict((status, n) for status, _, n in figures.by_status) == {
        "proposed": 0,
        "confirmed": 2,
        "in_progress": 0,
        "completed": 1,
        "withdrawn": 1,
    }


def test_breakdowns_count_officers_placed(official_client, cohort):
    response = official_client.get(f"/reports/cohorts/{cohort.pk}/")
    breakdowns = {b.slug: [(row.label, row.count) for row in b.rows] for b, _ in response.context["breakdowns"]}
    assert breakdowns["field"] == [("Urban planning", 2), ("Regional governance", 1)]
    assert breakdowns["district"] == [("Futian", 2), ("Qianhai", 1)]
    assert breakdowns["grade"] == [("Senior Engineer", 2), ("Town Planner", 1)]
    assert breakdowns["seniority"] == [("Senior", 2), ("Middle", 1)]
    assert ("Transport Department", 1) in breakdowns["home-department"]
    assert sum(n for _, n in breakdowns["home-department"]) == 3


def test_each_breakdown_is_a_chart_and_a_table(official_client, cohort):
    html = official_client.get(f"/reports/cohorts/{cohort.pk}/").content.decode()
    for slug in ("field", "home-department", "district", "grade", "seniority"):
        section = html.split(f'id="breakdown-{slug}"')[1].split('class="breakdown ')[0]
        assert f'aria-labelledby="chart-{slug}-title chart-{slug}-desc"' in section
        assert "<title" in section and "<desc" in section
        assert "<table" in section


def test_host_capacity_used_and_offered(official_client, cohort):
    capacity = official_client.get(f"/reports/cohorts/{cohort.pk}/").context["capacity"]
    assert [(offer.department.name_en, offer.used, offer.places) for offer in capacity] == [
        ("Futian District Government", 2, 3),
        ("Qianhai Authority", 1, 2),  # the withdrawn officer frees a place
    ]


def test_timeline_has_a_labelled_bar_per_placement_and_marks_today(official_client):
    today = timezone.localdate()
    cohort = CohortFactory(start_date=today - dt.timedelta(days=40), end_date=today + dt.timedelta(days=80))
    start = today - dt.timedelta(days=30)
    PlacementFactory(
        cohort=cohort,
        start_date=start,
        end_date=cohort.agreement.standard_end(start),
        participant=ParticipantFactory(name_en="Chan Tai-man"),
        host_department=ShenzhenDepartmentFactory(name_en="Qianhai Authority"),
    )

    response = official_client.get(f"/reports/cohorts/{cohort.pk}/")

    timeline = response.context["timeline"]
    assert timeline.today_x == pytest.approx(40 / 121 * 1000, abs=0.1)
    (bar,) = timeline.bars
    assert bar.x == pytest.approx(10 / 121 * 1000, abs=0.1)
    html = response.content.decode()
    assert re.search(r"Chan Tai-man\s*<span[^>]*>→</span>\s*Qianhai Authority", html)
    assert 'class="gantt-today"' in html


def test_timeline_of_a_past_cohort_has_no_today_line(official_client, cohort):
    response = official_client.get(f"/reports/cohorts/{cohort.pk}/")
    assert response.context["timeline"].today_x is None
    assert len(response.context["timeline"].bars) == 4  # the withdrawn one too, drawn dashed
    assert 'class="gantt-today"' not in response.content.decode()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["Chan Tai-man", "Ho Chi-wai", "Lee Ka-yan", "Wong Siu-ming"]),
        ("status=confirmed", ["Lee Ka-yan", "Wong Siu-ming"]),
        ("district=Qianhai", ["Ho Chi-wai", "Lee Ka-yan"]),
        ("grade=Town+Planner", ["Ho Chi-wai", "Wong Siu-ming"]),
        ("sort=-officer", ["Wong Siu-ming", "Lee Ka-yan", "Ho Chi-wai", "Chan Tai-man"]),
        ("district=Futian&sort=host", ["Chan Tai-man", "Wong Siu-ming"]),
    ],
)
def test_placement_list_filters_and_sorts(official_client, cohort, query, expected):
    response = official_client.get(f"/reports/cohorts/{cohort.pk}/?{query}")
    assert [p.officer_en for p in response.context["placements"]] == expected


def test_field_filter_offers_only_this_cohorts_fields(official_client, cohort):
    FieldFactory(name_en="Water resources")  # in no placement of this cohort
    response = official_client.get(f"/reports/cohorts/{cohort.pk}/")
    choices = [label for _, label in response.context["filters"].form.fields["field"].choices]
    assert choices[1:] == ["Regional governance", "Urban planning"]
    planning = [value for value, label in response.context["filters"].form.fields["field"].choices][2]
    response = official_client.get(f"/reports/cohorts/{cohort.pk}/?field={planning}")
    assert len(response.context["placements"]) == 3


def test_no_contact_details_on_the_page(official_client, cohort):
    html = official_client.get(f"/reports/cohorts/{cohort.pk}/").content.decode()
    assert "wong.siuming@example.gov.hk" not in html
    assert "@example.gov.hk" not in html


def test_cohort_report_reads_in_chinese(client, official, cohort):
    client.force_login(official)
    html = client.get(f"/reports/cohorts/{cohort.pk}/", headers={"accept-language": "zh-hant"}).content.decode()
    assert "深港公務員交流第一批" in html
    assert "陳大文" in html
    assert "福田区人民政府" in html  # a Shenzhen body as it writes its name
    assert "城市規劃" in html
    assert "已確認" in html  # PlacementStatus.CONFIRMED


def test_print_view_keeps_charts_and_drops_navigation(official_client, cohort):
    html = official_client.get(f"/reports/cohorts/{cohort.pk}/").content.decode()
    assert re.search(r'<nav class="navbar[^"]*d-print-none', html)
    assert re.search(r'<form method="get" class="report-filters[^"]*d-print-none', html)
    css = official_client.get("/static/css/app.css")
    css_text = b"".join(css.streaming_content).decode() if css.streaming else css.content.decode()
    assert "@media print" in css_text and "size: A4" in css_text and "break-before: page" in css_text


@pytest.mark.parametrize("placements", [10, 1000])
@pytest.mark.parametrize("filtered", [False, True])
def test_cohort_report_runs_the_same_queries_for_10_or_1000_placements(
    client, official, django_assert_num_queries, placements, filtered
):
    cohort = CohortFactory()
    bulk_placements(cohort, placements)
    client.force_login(official)
    url = f"/reports/cohorts/{cohort.pk}/"
    if filtered:
        url += "?status=completed&district=Futian&grade=Senior+Engineer&sort=-officer"
    # 1-2  session, user
    # 3    the user's permissions, their own and their groups' (exchange/auth.py)
    # 4    the data stamp (placements/freshness.py)
    # 5    the cohort with its agreement
    # 6-10 officers by field, home department, host district, grade, seniority
    #      (they also give the filter's choices, so the form costs nothing more)
    # 11   the placements shown, with officer, home department, host and field
    # 12   headline figures and the count per status
    # 13   host offers with the places used
    with django_assert_num_queries(13):
        response = client.get(url)
    assert response.status_code == 200
    assert not response.context["filters"].form.errors
    assert len(response.context["placements"]) > 0

    # The next reader of the same page and filters, the data unchanged: 1-4 only.
    with django_assert_num_queries(4):
        again = client.get(url)
    body = response.content.decode().split('<div class="report">')[1]
    assert again.content.decode().split('<div class="report">')[1] == body


def test_the_chosen_filters_are_named_for_the_printed_page(official_client, cohort):
    html = official_client.get(f"/reports/cohorts/{cohort.pk}/?status=confirmed&district=Qianhai").content.decode()
    assert "Status: Confirmed" in html
    assert "Host district: Qianhai" in html
