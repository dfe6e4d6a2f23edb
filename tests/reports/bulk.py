"""Many placements at once, for the reports' query-count tests.

Factories create one placement in six INSERTs; a thousand would take a while,
so this writes them with bulk_create. The records keep every rule (home and
host sides, one placement per officer, places offered ≥ officers placed), so
the reports see data shaped like the real thing.
"""

import datetime as dt
import itertools

from placements.models import Cohort, HostOffer, Participant, Placement, PlacementStatus, Seniority, Stream
from tests.factories import FieldFactory, HongKongDepartmentFactory, ShenzhenDepartmentFactory

STATUSES = [
    PlacementStatus.COMPLETED,
    PlacementStatus.COMPLETED,
    PlacementStatus.IN_PROGRESS,
    PlacementStatus.CONFIRMED,
    PlacementStatus.PROPOSED,
    PlacementStatus.WITHDRAWN,
]
GRADES = ["Senior Engineer", "Town Planner", "Administrative Officer", "Systems Manager"]


def bulk_placements(cohort: Cohort, count: int, *, hosts: int = 4, homes: int = 3, fields: int = 3) -> list[Placement]:
    """`count` placements in `cohort`, spread over a few hosts, home departments, fields, grades and statuses."""
    host_departments = [ShenzhenDepartmentFactory(district=["Futian", "Qianhai"][i % 2]) for i in range(hosts)]
    home_departments = [HongKongDepartmentFactory() for _ in range(homes)]
    field_list = [FieldFactory() for _ in range(fields)]
    for department in host_departments:
        HostOffer.objects.update_or_create(cohort=cohort, department=department, defaults={"places": count})
    first = Participant.objects.count()
    participants = Participant.objects.bulk_create(
        Participant(
            name_en=f"Bulk Officer {first + i}",
            name_zh=f"批量官員{first + i}",
            grade=GRADES[i % len(GRADES)],
            stream=[Stream.ENGINEER, Stream.TOWN_PLANNER, Stream.ADMINISTRATIVE_OFFICER][i % 3],
            seniority=[Seniority.SENIOR, Seniority.MIDDLE][i % 2],
            home_department=home_departments[i % homes],
            work_email=f"bulk{first + i}@example.gov.hk",
        )
        for i in range(count)
    )
    cycle = itertools.count()
    placements = []
    for participant in participants:
        i = next(cycle)
        start = cohort.start_date + dt.timedelta(days=4 + i % 7)
        placements.append(
            Placement(
                participant=participant,
                cohort=cohort,
                host_department=host_departments[i % hosts],
                field=field_list[i % fields],
                start_date=start,
                end_date=cohort.agreement.standard_end(start),
                status=STATUSES[i % len(STATUSES)],
            )
        )
    return Placement.objects.bulk_create(placements)
