"""The scene most rule tests start from: the first Shenzhen–Hong Kong cohort.

The cohort runs from 11 December 2023 to 31 March 2024 under an agreement
setting three-month placements, give or take 14 days. Futian District
Government offers it two places. `new_placement()` builds an unsaved placement
there that passes every rule, so a test overrides only what it is about.
"""

import datetime as dt

import pytest

from placements.models import Placement
from tests.factories import (
    AgreementFactory,
    CohortFactory,
    FieldFactory,
    HostOfferFactory,
    ParticipantFactory,
    PlacementFactory,
    ShenzhenDepartmentFactory,
)


@pytest.fixture
def agreement(db):
    return AgreementFactory(short_title="GBA–HK 2023", in_force_from=dt.date(2023, 9, 1))


@pytest.fixture
def cohort(agreement):
    return CohortFactory(
        agreement=agreement,
        name_en="Shenzhen–Hong Kong, batch 1",
        start_date=dt.date(2023, 12, 11),
        end_date=dt.date(2024, 3, 31),
    )


@pytest.fixture
def host(cohort):
    futian = ShenzhenDepartmentFactory(name_en="Futian District Government", name_zh="福田區人民政府")
    HostOfferFactory(cohort=cohort, department=futian, places=2)
    return futian


@pytest.fixture
def field(db):
    return FieldFactory(name_en="Urban planning")


@pytest.fixture
def new_placement(cohort, host, field):
    """Build (not save) a valid placement: 15 Dec 2023 – 14 Mar 2024 at Futian."""

    def build(**overrides) -> Placement:
        values = {
            "cohort": cohort,
            "host_department": host,
            "field": field,
            "start_date": dt.date(2023, 12, 15),
            "end_date": dt.date(2024, 3, 14),
            **overrides,
        }
        if "participant" not in values:
            values["participant"] = ParticipantFactory()
        return PlacementFactory.build(**values)

    return build
