"""/reports/: the programme overview."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from placements.models import Agreement, CohortStatus, Field, Jurisdiction, PlacementStatus
from tests.factories import (
    AgreementFactory,
    CohortFactory,
    FieldFactory,
    HostOfferFactory,
    PlacementFactory,
    ShenzhenDepartmentFactory,
)
from tests.reports.bulk import bulk_placements


def test_overview_counts_officers_per_year_and_field(official_client):
    planning = FieldFactory(name_en="Urban planning", name_zh="城市規劃")
    transport = FieldFactory(name_en="Transportation", name_zh="交通運輸")
    first = CohortFactory(start_date=dt.date(2023, 12, 11), end_date=dt.date(2024, 3, 31))
    second = CohortFactory(start_date=dt.date(2024, 12, 9), end_date=dt.date(2025, 3, 31))
    PlacementFactory(cohort=first, field=planning)
    PlacementFactory(cohort=first, field=transport)
    PlacementFactory(cohort=first, field=transport, status=PlacementStatus.WITHDRAWN)
    PlacementFactory(cohort=second, field=planning, start_date=dt.date(2024, 12, 15), end_date=dt.date(2025, 3, 14))

    response = official_client.get("/reports/")

    overview = response.context["overview"]
    assert overview.years == [2023, 2024]
    assert overview.fields_by_year == [("Transportation", [1, 0], 1), ("Urban planning", [1, 1], 2)]
    assert overview.year_totals == [2, 1]
    assert [(row.label, row.count) for row in overview.per_field.rows] == [("Urban planning", 2), ("Transportation", 1)]
    assert overview.totals.placements == 4
    assert overview.totals.active == 3
    assert overview.totals.withdrawn == 1


def test_completion_and_withdrawal_rates(official_client):
    cohort = CohortFactory()  # ended long ago: every placement has ended
    PlacementFactory(cohort=cohort, status=PlacementStatus.COMPLETED)
    PlacementFactory(cohort=cohort, status=PlacementStatus.COMPLETED)
    PlacementFactory(cohort=cohort, status=PlacementStatus.IN_PROGRESS)  # ended, never closed
    PlacementFactory(cohort=cohort, status=PlacementStatus.WITHDRAWN)

    response = official_client.get("/reports/")

    totals = response.context["overview"].totals
    assert totals.completion_rate == pytest.approx(2 / 3)
    assert totals.withdrawal_rate == pytest.approx(1 / 4)
    html = response.content.decode()
    assert "67%" in html
    assert "25%" in html
    (line,) = response.context["overview"].cohorts
    assert (line.rates.active, line.rates.withdrawn, line.rates.completed) == (3, 1, 2)


def test_placements_not_yet_ended_do_not_count_against_completion(official_client):
    today = timezone.localdate()
    cohort = CohortFactory(start_date=today - dt.timedelta(days=30), end_date=today + dt.timedelta(days=100))
    start = today - dt.timedelta(days=20)
    PlacementFactory(
        cohort=cohort, start_date=start, end_date=cohort.agreement.standard_end(start), status="in_progress"
    )

    totals = official_client.get("/reports/").context["overview"].totals

    assert totals.ended == 0
    assert totals.completion_rate is None  # shown as a dash, not 0%


def test_cohorts_by_year_host_city_and_status(official_client):
    CohortFactory(status=CohortStatus.COMPLETED)
    CohortFactory(status=CohortStatus.COMPLETED)
    CohortFactory(status=CohortStatus.PLANNING, start_date=dt.date(2024, 12, 9), end_date=dt.date(2025, 3, 31))
    CohortFactory(
        status=CohortStatus.PLANNING,
        host_jurisdiction=Jurisdiction.GUANGZHOU,
        start_date=dt.date(2024, 12, 9),
        end_date=dt.date(2025, 3, 31),
    )

    rows = official_client.get("/reports/").context["overview"].cohorts_by_year

    statuses = [status for status, _ in CohortStatus.choices]
    assert [(r.year, r.host_jurisdiction, r.total) for r in rows] == [
        (2024, "guangzhou", 1),
        (2024, "shenzhen", 1),
        (2023, "shenzhen", 2),
    ]
    assert rows[2].by_status[statuses.index(CohortStatus.COMPLETED)] == 2


def test_agreements_in_force_with_their_cohorts_and_officers(official_client):
    current = AgreementFactory(short_title="GBA–HK 2023")
    AgreementFactory(
        short_title="CSEP 2005",
        signed_on=dt.date(2005, 1, 1),
        in_force_from=dt.date(2005, 1, 1),
        in_force_until=dt.date(2013, 12, 31),
    )
    cohort = CohortFactory(agreement=current)
    PlacementFactory(cohort=cohort)
    PlacementFactory(cohort=cohort, status=PlacementStatus.WITHDRAWN)
    CohortFactory(agreement=current)

    (line,) = official_client.get("/reports/").context["overview"].agreements

    assert line.agreement == current
    assert (line.cohorts, line.officers) == (2, 1)


def test_every_cohort_links_to_its_report(official_client):
    cohorts = [CohortFactory() for _ in range(3)]
    html = official_client.get("/reports/").content.decode()
    for cohort in cohorts:
        assert f'href="/reports/cohorts/{cohort.pk}/"' in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("year=2024", {"2024 cohort"}),
        ("host_city=guangzhou", {"Guangzhou cohort"}),
        ("agreement={agreement}", {"2024 cohort"}),
        ("field={field}", {"2023 cohort"}),
        ("", {"2023 cohort", "2024 cohort", "Guangzhou cohort"}),
    ],
)
def test_filters_narrow_the_whole_overview(official_client, query, expected):
    rare = FieldFactory(name_en="Water resources")
    old = CohortFactory(name_en="2023 cohort")
    PlacementFactory(cohort=old, field=rare)
    PlacementFactory(cohort=old)
    later = CohortFactory(
        name_en="2024 cohort",
        agreement=AgreementFactory(),
        start_date=dt.date(2024, 12, 9),
        end_date=dt.date(2025, 3, 31),
    )
    PlacementFactory(cohort=later, start_date=dt.date(2024, 12, 15), end_date=dt.date(2025, 3, 14))
    guangzhou = CohortFactory(name_en="Guangzhou cohort", host_jurisdiction=Jurisdiction.GUANGZHOU)
    HostOfferFactory(cohort=guangzhou, department=ShenzhenDepartmentFactory(jurisdiction=Jurisdiction.GUANGZHOU))

    url = "/reports/?" + query.format(agreement=later.agreement_id, field=rare.pk)
    overview = official_client.get(url).context["overview"]

    assert {line.cohort.name_en for line in overview.cohorts} == expected
    if "field" in query:
        assert overview.totals.active == 1  # only the officers in that field


def test_charts_are_accessible_svg_with_the_figures_in_tables(official_client):
    PlacementFactory()
    html = official_client.get("/reports/").content.decode()
    charts = re.findall(r"<svg[^>]*>", html)
    assert len(charts) >= 3
    for svg in charts:
        assert 'role="img"' in svg and "aria-labelledby" in svg
        for ref in re.search(r'aria-labelledby="([^"]+)"', svg).group(1).split():
            assert f'id="{ref}"' in html
    assert "<desc" in html
    assert "<table" in html


def test_overview_reads_in_chinese(client, official):
    PlacementFactory(cohort=CohortFactory(name_zh="深港公務員交流第一批"), field=FieldFactory(name_zh="城市規劃"))
    client.force_login(official)
    html = client.get("/reports/", headers={"accept-language": "zh-hant"}).content.decode()
    assert "深港公務員交流第一批" in html
    assert "城市規劃" in html
    assert "深圳" in html  # the host city's label


def build_programme(placements: int) -> None:
    """A programme of four cohorts under two agreements sharing `placements` placements."""
    agreements = [AgreementFactory(), AgreementFactory()]
    cohorts = [CohortFactory(agreement=agreements[i % 2]) for i in range(4)]
    for i, cohort in enumerate(cohorts):
        share = placements // 4 + (1 if i < placements % 4 else 0)
        bulk_placements(cohort, share)


@pytest.mark.parametrize("placements", [10, 1000])
@pytest.mark.parametrize("filtered", [False, True])
def test_overview_runs_the_same_queries_for_10_or_1000_placements(
    client, official, django_assert_num_queries, placements, filtered
):
    build_programme(placements)
    client.force_login(official)
    agreement, field = Agreement.objects.order_by("pk").first(), Field.objects.order_by("pk").first()
    url = (
        f"/reports/?year=2023&host_city=shenzhen&agreement={agreement.pk}&field={field.pk}" if filtered else "/reports/"
    )
    # 1-2  session, user
    # 3    the user's permissions, their own and their groups' (exchange/auth.py)
    # 4    the years that have cohorts (year filter choices)
    #      filtered only: +1 the chosen agreement, +1 the chosen field (form validation)
    # 5    the cohorts, with their agreements
    # 6    the fields' names
    # 7    the placements' counts per cohort × field: every officer figure and rate is a sum of these
    # 8    agreements in force
    # 9    cohorts by year × host city, a count per status
    # 10   agreements (filter choices)
    # 11   fields (filter choices)
    with django_assert_num_queries(13 if filtered else 11):
        response = client.get(url)
    assert response.status_code == 200
    assert not response.context["filters"].form.errors
    assert response.context["overview"].totals.active > 0


def test_overview_of_an_empty_programme(official_client):
    response = official_client.get("/reports/")
    assert response.status_code == 200
    assert "No cohorts match these filters." in response.content.decode()
    assert response.context["overview"].totals.completion_rate is None


def test_a_value_that_is_not_a_choice_is_ignored_everywhere_and_flagged(official_client):
    PlacementFactory(cohort=CohortFactory(name_en="2023 cohort"))
    response = official_client.get("/reports/?year=1850&host_city=shenzhen")
    assert response.status_code == 200
    overview = response.context["overview"]
    assert [line.cohort.name_en for line in overview.cohorts] == ["2023 cohort"]
    assert overview.totals.active == 1
    assert response.context["filters"].form.errors["year"]
    assert 'class="invalid-feedback d-block"' in response.content.decode()
