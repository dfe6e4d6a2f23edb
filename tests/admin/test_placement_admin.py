"""What the placement, cohort and host-offer pages show, and how they save placements."""

import datetime as dt
import re

from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from placements.models import Cohort, Placement, PlacementStatus
from tests.factories import (
    AgreementFactory,
    CohortFactory,
    FieldFactory,
    HongKongDepartmentFactory,
    HostOfferFactory,
    ParticipantFactory,
    PlacementFactory,
    ShenzhenDepartmentFactory,
)


def cell(response, row_text: str, column: str) -> str:
    """The text of one column in the changelist row that mentions row_text."""
    for row in re.findall(r"<tr>(.*?)</tr>", response.content.decode(), re.S):
        if row_text in row:
            match = re.search(rf'<td class="field-{column}[^"]*">(.*?)</td>', row, re.S)
            return match.group(1).strip()
    raise AssertionError(f"no row mentions {row_text!r}")


# -- the placement list ----------------------------------------------------------------


def test_placement_list_shows_duration_and_days_remaining_of_a_current_placement(coordinator_client, db):
    today = timezone.localdate()
    agreement = AgreementFactory(in_force_from=today - dt.timedelta(days=400), signed_on=today - dt.timedelta(days=400))
    cohort = CohortFactory(
        agreement=agreement, start_date=today - dt.timedelta(days=40), end_date=today + dt.timedelta(days=120)
    )
    start = today - dt.timedelta(days=30)
    placement = PlacementFactory(
        cohort=cohort,
        participant=ParticipantFactory(name_en="CHAN Tai-man"),
        start_date=start,
        end_date=agreement.standard_end(start),
    )

    response = coordinator_client.get(reverse("admin:placements_placement_changelist"))

    assert cell(response, "CHAN Tai-man", "duration") == str(placement.duration_days())
    assert cell(response, "CHAN Tai-man", "days_remaining") == str((placement.end_date - today).days)
    assert placement.duration_days() == (placement.end_date - start).days + 1


def test_placement_list_shows_no_days_remaining_before_a_placement_starts(coordinator_client, db):
    PlacementFactory(participant=ParticipantFactory(name_en="LEE Siu-ming"))  # December 2023 to March 2024

    response = coordinator_client.get(reverse("admin:placements_placement_changelist"))

    assert cell(response, "LEE Siu-ming", "duration") == "91"
    assert cell(response, "LEE Siu-ming", "days_remaining") == "-"


def test_placement_list_shows_the_host_district(coordinator_client, db):
    PlacementFactory(
        participant=ParticipantFactory(name_en="WONG Ka-yan"),
        host_department=ShenzhenDepartmentFactory(district="Qianhai"),
    )
    response = coordinator_client.get(reverse("admin:placements_placement_changelist"))
    assert cell(response, "WONG Ka-yan", "host_district") == "Qianhai"


# -- the cohort and host-offer lists ------------------------------------------------------


def test_cohort_list_counts_active_placements_and_places_offered(coordinator_client, db):
    cohort = CohortFactory(name_en="Batch with officers")
    futian, qianhai = ShenzhenDepartmentFactory.create_batch(2)
    HostOfferFactory(cohort=cohort, department=futian, places=2)
    HostOfferFactory(cohort=cohort, department=qianhai, places=3)
    PlacementFactory.create_batch(2, cohort=cohort, host_department=futian)
    PlacementFactory(cohort=cohort, host_department=qianhai, status=PlacementStatus.WITHDRAWN)
    CohortFactory(name_en="Batch still planning")

    response = coordinator_client.get(reverse("admin:placements_cohort_changelist"))

    assert cell(response, "Batch with officers", "active_placements") == "2"
    assert cell(response, "Batch with officers", "places_offered") == "5"
    assert cell(response, "Batch still planning", "active_placements") == "0"
    assert cell(response, "Batch still planning", "places_offered") == "0"


def test_host_offer_list_counts_the_places_taken(coordinator_client, db):
    offer = HostOfferFactory(places=3, department=ShenzhenDepartmentFactory(name_en="Qianhai Authority"))
    PlacementFactory(cohort=offer.cohort, host_department=offer.department)
    PlacementFactory(cohort=offer.cohort, host_department=offer.department, status=PlacementStatus.WITHDRAWN)

    response = coordinator_client.get(reverse("admin:placements_hostoffer_changelist"))

    assert cell(response, "Qianhai Authority", "places") == "3"
    assert cell(response, "Qianhai Authority", "places_taken") == "1"


# -- placements added inside a cohort --------------------------------------------------------


def cohort_form(cohort: Cohort, offer, new_placements: list[dict]) -> dict:
    """The cohort change form as submitted: the cohort, its one host offer, new placement rows."""
    data = {
        "agreement": cohort.agreement_id,
        "name_en": cohort.name_en,
        "name_zh": cohort.name_zh,
        "status": cohort.status,
        "home_jurisdiction": cohort.home_jurisdiction,
        "host_jurisdiction": cohort.host_jurisdiction,
        "start_date": cohort.start_date.isoformat(),
        "end_date": cohort.end_date.isoformat(),
        "host_offers-TOTAL_FORMS": 1,
        "host_offers-INITIAL_FORMS": 1,
        "host_offers-0-id": offer.pk,
        "host_offers-0-cohort": cohort.pk,
        "host_offers-0-department": offer.department_id,
        "host_offers-0-places": offer.places,
        "placements-TOTAL_FORMS": len(new_placements),
        "placements-INITIAL_FORMS": 0,
        "events-TOTAL_FORMS": 0,
        "events-INITIAL_FORMS": 0,
    }
    for i, row in enumerate(new_placements):
        data |= {f"placements-{i}-{name}": value for name, value in row.items()}
    return data


def new_row(offer, participant_name: str) -> dict:
    return {
        "participant": ParticipantFactory(name_en=participant_name).pk,
        "host_department": offer.department_id,
        "field": FieldFactory().pk,
        "start_date": "2023-12-15",
        "end_date": "2024-03-14",
        "status": PlacementStatus.PROPOSED,
    }


def test_coordinator_adds_placements_inside_the_cohort(coordinator_client, db):
    offer = HostOfferFactory(places=2)
    url = reverse("admin:placements_cohort_change", args=[offer.cohort.pk])

    data = cohort_form(offer.cohort, offer, [new_row(offer, "CHAN Tai-man"), new_row(offer, "LEE Siu-ming")])
    response = coordinator_client.post(url, data)

    assert response.status_code == 302
    assert set(offer.cohort.placements.values_list("participant__name_en", flat=True)) == {
        "CHAN Tai-man",
        "LEE Siu-ming",
    }


def test_rows_competing_for_the_last_place_are_refused_together_with_the_reason(coordinator_client, db):
    offer = HostOfferFactory(places=1, department=ShenzhenDepartmentFactory(name_en="Qianhai Authority"))
    url = reverse("admin:placements_cohort_change", args=[offer.cohort.pk])

    # Each row alone fits the one free place; together they do not.
    data = cohort_form(offer.cohort, offer, [new_row(offer, "CHAN Tai-man"), new_row(offer, "LEE Siu-ming")])
    data["name_en"] = "Renamed in the same submission"
    response = coordinator_client.post(url, data)

    assert response.status_code == 302
    assert response.url == url
    assert [(m.level_tag, m.message) for m in get_messages(response.wsgi_request)] == [
        (
            "error",
            "Nothing was saved. LEE Siu-ming → Qianhai Authority: "
            "Qianhai Authority offered 1 place in this cohort and it is taken.",
        )
    ]
    assert not Placement.objects.exists()
    offer.cohort.refresh_from_db()
    assert offer.cohort.name_en != "Renamed in the same submission"


def test_offers_and_placements_are_added_to_a_cohort_only_once_it_exists(coordinator_client, db):
    response = coordinator_client.get(reverse("admin:placements_cohort_add"))
    prefixes = {inline.formset.prefix for inline in response.context["inline_admin_formsets"]}
    assert prefixes == {"events"}


def test_an_offer_from_the_home_side_is_refused_inside_the_cohort(coordinator_client, db):
    offer = HostOfferFactory()
    url = reverse("admin:placements_cohort_change", args=[offer.cohort.pk])
    data = cohort_form(offer.cohort, offer, [])
    data["host_offers-0-department"] = HongKongDepartmentFactory(name_en="Transport Department").pk

    response = coordinator_client.post(url, data)

    assert response.status_code == 200
    (offers,) = [i.formset for i in response.context["inline_admin_formsets"] if i.formset.prefix == "host_offers"]
    assert offers.errors == [{"department": ["Transport Department is not in Shenzhen, the cohort's host city."]}]
