"""One seconded officer's programme, as the seed cohort has it, built with the factories.

Fictional officer; real bodies. Dates are relative to today so the page
always shows a placement under way: 80 days in, 11 to go, the report open
and the closing ceremony next.
"""

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from placements.models import EventKind, Jurisdiction, Placement, PlacementStatus
from tests.factories import (
    AgreementFactory,
    CohortFactory,
    DocumentFactory,
    EventFactory,
    FieldFactory,
    HongKongDepartmentFactory,
    OfficerFactory,
    PlacementFactory,
    PlacementReportFactory,
    ShenzhenDepartmentFactory,
    UserFactory,
    placement_under_way,
)

PASSWORD = "correct-horse-battery"
HOST_ZH = "深圳市交通运输局福田管理局"  # as Shenzhen writes it
HOST_ZH_HANT = "深圳市交通運輸局福田管理局"


@dataclass
class Scenario:
    username: str
    placement: Placement
    earlier: Placement


def seconded_officer(*, days_in: int = 80) -> Scenario:
    officer = OfficerFactory(
        user__username="chan.taiman",
        name_en="Chan Tai-man",
        name_zh="陳大文",
        grade="Senior Engineer",
        post_title="Senior Engineer (Transport Strategy)",
        home_department=HongKongDepartmentFactory(name_en="Transport Department", name_zh="運輸署"),
    )
    host = ShenzhenDepartmentFactory(
        name_en="Futian Administration, Shenzhen Municipal Transport Bureau",
        name_zh=HOST_ZH,
        district="Futian",
        address_en="6 Fuzhong 3rd Road, Futian District, Shenzhen",
        address_zh="深圳市福田区福中三路6号",
    )
    today = timezone.localdate()
    start = today - dt.timedelta(days=days_in - 1)
    agreement = AgreementFactory(
        title_en="Agreement on Civil Servants' Exchange and Cooperation between the Mainland Cities of the "
        "Greater Bay Area and the Hong Kong SAR",
        title_zh="大灣區內地城市與香港特別行政區公務員交流合作項目協議",
        signed_on=start - dt.timedelta(days=90),
        in_force_from=start - dt.timedelta(days=90),
    )
    cohort = CohortFactory(
        agreement=agreement,
        name_en="Shenzhen–Hong Kong, batch 1",
        name_zh="深港公务员交流第一批",
        start_date=start - dt.timedelta(days=3),
        end_date=start + dt.timedelta(days=100),
    )
    placement = placement_under_way(
        participant=officer,
        days_in=days_in,
        cohort=cohort,
        host_department=host,
        field=FieldFactory(name_en="Transportation", name_zh="交通運輸"),
        role_en="Transport strategy research: cross-boundary connectivity",
        role_zh="交通策略研究（跨境交通銜接）",
        status=PlacementStatus.IN_PROGRESS,
        supervisor_name="Liu Fang",
        supervisor_title="Deputy Director, Planning Division",
        supervisor_contact="liu.fang@futian.example.cn",
        objectives=(
            "Learn how Futian plans and runs cross-boundary bus and rail feeder services.\n\n"
            "Share Hong Kong's experience of public transport interchange design."
        ),
    )
    events = [
        (EventKind.LAUNCH, "Launch ceremony", "啟動儀式", 3, 15, "Qianhai, Shenzhen", "深圳前海"),
        (
            EventKind.ORIENTATION,
            "Orientation at the host",
            "接待單位簡介會",
            4,
            9,
            "Futian District Government",
            "福田区政府",
        ),
        (EventKind.MID_TERM_REVIEW, "Mid-term review", "中期檢討", 45, 14, "Futian District Government", "福田区政府"),
        (EventKind.VISIT, "Study visit: Qianhai cooperation zone", "前海合作區考察", 60, 10, "Qianhai", "前海"),
        (EventKind.CLOSING, "Closing ceremony", "結業儀式", days_in + 8, 15, "Qianhai, Shenzhen", "深圳前海"),
    ]
    for kind, title_en, title_zh, day, hour, venue_en, venue_zh in events:
        starts_at = timezone.make_aware(dt.datetime.combine(start + dt.timedelta(days=day - 1), dt.time(hour, 0)))
        EventFactory(
            cohort=cohort,
            kind=kind,
            title_en=title_en,
            title_zh=title_zh,
            starts_at=starts_at,
            ends_at=starts_at + dt.timedelta(hours=2),
            venue_en=venue_en,
            venue_zh=venue_zh,
        )
    DocumentFactory(placement=placement, title="Letter of appointment")
    DocumentFactory(placement=None, cohort=cohort, title="Programme handbook")

    # A four-week exchange years ago, under the programme that preceded the agreement.
    old_start = dt.date(today.year - 6, 6, 4)
    old_cohort = CohortFactory(
        agreement=AgreementFactory(
            title_en="Civil Service Exchange Programme",
            short_title="CSEP",
            signed_on=dt.date(2002, 1, 1),
            in_force_from=dt.date(2002, 1, 1),
            standard_length=4,
            standard_length_unit="weeks",
        ),
        name_en=f"Guangzhou exchange {old_start.year}",
        name_zh=f"{old_start.year}年广州交流",
        host_jurisdiction=Jurisdiction.GUANGZHOU,
        start_date=old_start,
        end_date=old_start + dt.timedelta(days=30),
    )
    earlier = PlacementFactory(
        participant=officer,
        cohort=old_cohort,
        host_department=ShenzhenDepartmentFactory(
            name_en="Guangzhou Municipal Transport Bureau",
            name_zh="广州市交通运输局",
            jurisdiction=Jurisdiction.GUANGZHOU,
            district="Tianhe",
        ),
        role_en="Exchange officer",
        start_date=old_start,
        end_date=old_start + dt.timedelta(days=27),
        status=PlacementStatus.COMPLETED,
    )
    PlacementReportFactory(placement=earlier)
    return Scenario(username=officer.user.username, placement=placement, earlier=earlier)


# -- every page type, for the outside checks (axe-core, the Nu HTML Checker) ----

COORDINATOR = "coordinator.lee"
OFFICIAL = "official.wong"


def people_and_pages() -> list[tuple[str | None, str]]:
    """The officer's programme, a coordinator and an official; and (username or
    None for anonymous, URL) for each page type they use."""
    scenario = seconded_officer()
    UserFactory(username=COORDINATOR, is_staff=True, groups=["Coordinators"])
    UserFactory(username=OFFICIAL, groups=["Officials"])
    placement = scenario.placement
    return [
        (None, "/accounts/login/"),
        (None, "/accounts/password/reset/"),
        (scenario.username, "/my/"),
        (scenario.username, f"/my/placements/{placement.pk}/report/"),
        (scenario.username, "/accounts/password/change/"),
        (OFFICIAL, "/reports/"),
        (OFFICIAL, f"/reports/cohorts/{placement.cohort_id}/"),
        (COORDINATOR, "/admin/"),
        (COORDINATOR, "/admin/placements/placement/"),
        (COORDINATOR, f"/admin/placements/placement/{placement.pk}/change/"),
        (COORDINATOR, "/admin/placements/participant/"),
        (COORDINATOR, f"/admin/placements/participant/{placement.participant_id}/change/"),
        (COORDINATOR, f"/admin/placements/cohort/{placement.cohort_id}/change/"),
        (COORDINATOR, "/admin/placements/auditevent/"),
        (None, "/no/such/page/"),  # the 404 page
    ]
