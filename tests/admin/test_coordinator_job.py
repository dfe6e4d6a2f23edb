"""A coordinator (staff, in the Coordinators group, not a superuser) does the
whole day's work through the admin, with nothing but the group's permissions."""

import datetime as dt
import re

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils.html import escape

from placements.models import HostOffer, Placement, PlacementStatus
from tests.factories import (
    AgreementFactory,
    CohortFactory,
    EventFactory,
    FieldFactory,
    HongKongDepartmentFactory,
    HostOfferFactory,
    ParticipantFactory,
    PlacementFactory,
    ShenzhenDepartmentFactory,
    UserFactory,
)

MODELS = ["agreement", "cohort", "department", "field", "participant", "placement", "event", "hostoffer"]


def placement_form(placement_or_none=None, **values) -> dict:
    """The POST data of the placement form, from a placement's values or none."""
    p = placement_or_none
    data = {
        "participant": p.participant_id if p else "",
        "cohort": p.cohort_id if p else "",
        "host_department": p.host_department_id if p else "",
        "field": p.field_id if p else "",
        "role_en": p.role_en if p else "",
        "role_zh": p.role_zh if p else "",
        "start_date": p.start_date.isoformat() if p else "",
        "end_date": p.end_date.isoformat() if p else "",
        "status": p.status if p else PlacementStatus.PROPOSED,
        "supervisor_name": p.supervisor_name if p else "",
        "supervisor_title": p.supervisor_title if p else "",
        "supervisor_contact": p.supervisor_contact if p else "",
        "objectives": p.objectives if p else "",
        "host_feedback": p.host_feedback if p else "",
    }
    return data | values


def field_errors(response, field: str) -> list[str]:
    """The messages shown in the error list that the admin renders above one field."""
    match = re.search(rf'<ul class="errorlist" id="id_{field}_error">(.*?)</ul>', response.content.decode(), re.S)
    return re.findall(r"<li>(.*?)</li>", match.group(1)) if match else []


def shown(response) -> set[int]:
    return {obj.pk for obj in response.context["cl"].result_list}


def message_texts(response) -> list[tuple[str, str]]:
    return [(m.level_tag, m.message) for m in get_messages(response.wsgi_request)]


@pytest.fixture
def vacancy(db):
    """A cohort, a Shenzhen host with two places in it, and an unplaced officer from Hong Kong."""
    offer = HostOfferFactory(places=2)
    return {
        "cohort": offer.cohort,
        "host": offer.department,
        "participant": ParticipantFactory(),
        "field": FieldFactory(),
    }


@pytest.fixture
def scene(db):
    """Three placements a coordinator tells apart by cohort, status, district and name."""
    futian = ShenzhenDepartmentFactory(name_en="Futian District Government", name_zh="福田區政府", district="Futian")
    qianhai = ShenzhenDepartmentFactory(name_en="Qianhai Authority", name_zh="前海管理局", district="Qianhai")
    # Chinese names without digits: a search for "batch 1" looks for "1" too.
    batch_1 = CohortFactory(name_en="Shenzhen–Hong Kong, batch 1", name_zh="深港第一批")
    batch_2 = CohortFactory(name_en="Shenzhen–Hong Kong, batch 2", name_zh="深港第二批", agreement=batch_1.agreement)
    return {
        "batch_1": batch_1,
        "chan": PlacementFactory(
            cohort=batch_1,
            host_department=futian,
            participant=ParticipantFactory(name_en="CHAN Tai-man", name_zh="陳大文"),
        ),
        "lee": PlacementFactory(
            cohort=batch_1,
            host_department=qianhai,
            participant=ParticipantFactory(name_en="LEE Siu-ming", name_zh="李小明"),
            status=PlacementStatus.CONFIRMED,
        ),
        "wong": PlacementFactory(
            cohort=batch_2,
            host_department=futian,
            participant=ParticipantFactory(name_en="WONG Ka-yan", name_zh="黃嘉欣"),
        ),
    }


# -- getting in ------------------------------------------------------------------


@pytest.mark.parametrize("model", MODELS)
def test_coordinator_opens_every_changelist_and_add_form(coordinator_client, model):
    for view in ("changelist", "add"):
        response = coordinator_client.get(reverse(f"admin:placements_{model}_{view}"))
        assert response.status_code == 200, (model, view)


def test_coordinator_opens_the_change_form_of_every_kind_of_record(coordinator_client, scene):
    placement = scene["chan"]
    for model, pk in [
        ("agreement", placement.cohort.agreement_id),
        ("cohort", placement.cohort_id),
        ("department", placement.host_department_id),
        ("field", placement.field_id),
        ("participant", placement.participant_id),
        ("placement", placement.pk),
        ("hostoffer", placement.cohort.host_offers.first().pk),
        ("event", EventFactory(cohort=placement.cohort).pk),
    ]:
        response = coordinator_client.get(reverse(f"admin:placements_{model}_change", args=[pk]))
        assert response.status_code == 200, model


def test_the_admin_names_the_programme_and_the_workplace(coordinator_client):
    response = coordinator_client.get(reverse("admin:index"))
    assert "Civil Servant Exchange Programme" in response.content.decode()
    assert escape("Coordinators' workplace") in response.content.decode()


def test_coordinator_cannot_delete_an_agreement(coordinator_client):
    agreement = AgreementFactory()
    response = coordinator_client.get(reverse("admin:placements_agreement_delete", args=[agreement.pk]))
    assert response.status_code == 403


def test_official_is_sent_to_the_admin_login(client, official):
    client.force_login(official)
    for url in (reverse("admin:index"), reverse("admin:placements_placement_changelist")):
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("admin:login"))


def test_anonymous_visitor_is_sent_to_the_admin_login(client, db):
    response = client.get(reverse("admin:placements_placement_changelist"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))


# -- adding and changing placements ------------------------------------------------


def test_coordinator_adds_a_placement(coordinator_client, vacancy):
    data = placement_form(
        participant=vacancy["participant"].pk,
        cohort=vacancy["cohort"].pk,
        host_department=vacancy["host"].pk,
        field=vacancy["field"].pk,
        role_en="Special assistant to the deputy head",
        start_date="2023-12-15",
        end_date="2024-03-14",
    )
    response = coordinator_client.post(reverse("admin:placements_placement_add"), data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    placement = Placement.objects.get()
    assert placement.participant == vacancy["participant"]
    assert placement.host_department == vacancy["host"]
    assert placement.status == PlacementStatus.PROPOSED
    assert placement.duration_days() == 91


def test_coordinator_changes_a_placement(coordinator_client, db):
    placement = PlacementFactory()
    data = placement_form(placement, supervisor_name="Ms Lin", objectives="Learn how a district plans transport.")
    response = coordinator_client.post(reverse("admin:placements_placement_change", args=[placement.pk]), data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    placement.refresh_from_db()
    assert placement.supervisor_name == "Ms Lin"
    assert placement.objectives == "Learn how a district plans transport."


def test_placement_ending_before_it_starts_is_refused_next_to_the_end_date(coordinator_client, vacancy):
    data = placement_form(
        participant=vacancy["participant"].pk,
        cohort=vacancy["cohort"].pk,
        host_department=vacancy["host"].pk,
        field=vacancy["field"].pk,
        start_date="2024-01-10",
        end_date="2024-01-01",
    )
    response = coordinator_client.post(reverse("admin:placements_placement_add"), data)

    assert response.status_code == 200
    assert field_errors(response, "end_date") == ["A placement must end after it starts."]
    assert not Placement.objects.exists()


def test_placement_with_a_host_on_the_home_side_is_refused_next_to_the_host(coordinator_client, vacancy):
    home_side = HongKongDepartmentFactory(name_en="Transport Department")
    data = placement_form(
        participant=vacancy["participant"].pk,
        cohort=vacancy["cohort"].pk,
        host_department=home_side.pk,
        field=vacancy["field"].pk,
        start_date="2023-12-15",
        end_date="2024-03-14",
    )
    response = coordinator_client.post(reverse("admin:placements_placement_add"), data)

    assert response.status_code == 200
    assert field_errors(response, "host_department") == [
        "Transport Department is in Hong Kong SAR, but this cohort is hosted by Shenzhen."
    ]
    assert not Placement.objects.exists()


def test_placement_beyond_the_host_places_is_refused_next_to_the_host(coordinator_client, db):
    offer = HostOfferFactory(places=1, department=ShenzhenDepartmentFactory(name_en="Qianhai Authority"))
    PlacementFactory(cohort=offer.cohort, host_department=offer.department)
    data = placement_form(
        participant=ParticipantFactory().pk,
        cohort=offer.cohort.pk,
        host_department=offer.department.pk,
        field=FieldFactory().pk,
        start_date="2023-12-15",
        end_date="2024-03-14",
    )
    response = coordinator_client.post(reverse("admin:placements_placement_add"), data)

    assert response.status_code == 200
    assert field_errors(response, "host_department") == [
        "Qianhai Authority offered 1 place in this cohort and it is taken."
    ]
    assert Placement.objects.count() == 1


# -- finding placements ----------------------------------------------------------------


def test_coordinator_filters_placements_by_cohort(coordinator_client, scene):
    response = coordinator_client.get(
        reverse("admin:placements_placement_changelist"), {"cohort__id__exact": scene["batch_1"].pk}
    )
    assert shown(response) == {scene["chan"].pk, scene["lee"].pk}


def test_coordinator_filters_placements_by_status(coordinator_client, scene):
    response = coordinator_client.get(
        reverse("admin:placements_placement_changelist"), {"status__exact": PlacementStatus.CONFIRMED}
    )
    assert shown(response) == {scene["lee"].pk}


def test_coordinator_filters_placements_by_host_district(coordinator_client, scene):
    response = coordinator_client.get(reverse("admin:placements_placement_changelist"), {"host_district": "Futian"})
    assert shown(response) == {scene["chan"].pk, scene["wong"].pk}


def test_host_district_filter_lists_each_hosting_district_once(coordinator_client, scene):
    ShenzhenDepartmentFactory(district="Nanshan")  # hosts nobody yet
    response = coordinator_client.get(reverse("admin:placements_placement_changelist"))
    (district_filter,) = [f for f in response.context["cl"].filter_specs if f.title == "host district"]
    assert district_filter.lookup_choices == [("Futian", "Futian"), ("Qianhai", "Qianhai")]


def test_coordinator_filters_placements_by_home_department(coordinator_client, scene):
    home = scene["lee"].participant.home_department
    response = coordinator_client.get(
        reverse("admin:placements_placement_changelist"), {"participant__home_department__id__exact": home.pk}
    )
    assert shown(response) == {scene["lee"].pk}


@pytest.mark.parametrize(
    ("query", "who"),
    [("陳大文", "chan"), ("CHAN Tai", "chan"), ("李小明", "lee"), ("siu-ming", "lee"), ("前海", "lee")],
)
def test_coordinator_finds_placements_by_chinese_or_english_name(coordinator_client, scene, query, who):
    response = coordinator_client.get(reverse("admin:placements_placement_changelist"), {"q": query})
    assert shown(response) == {scene[who].pk}


def test_a_surname_finds_those_officers_not_every_exchange_officer(coordinator_client, scene):
    """Every role in the scene is "Exchange officer", which holds "chan"; so
    does the name of the cohort and of the host given here."""
    url = reverse("admin:placements_placement_changelist")
    scene["batch_1"].name_en = "Civil Service Exchange Programme, batch 1"
    scene["batch_1"].save()
    exchange = scene["lee"].host_department
    exchange.name_en = "Qianhai Exchange Authority"
    exchange.save()
    assert shown(coordinator_client.get(url, {"q": "Chan"})) == {scene["chan"].pk}
    # Host and cohort names are found by the start of a word too.
    assert shown(coordinator_client.get(url, {"q": "exch auth"})) == {scene["lee"].pk}
    # A role is found by the start of any of its words.
    everyone = {scene["chan"].pk, scene["lee"].pk, scene["wong"].pk}
    assert shown(coordinator_client.get(url, {"q": "officer"})) == everyone
    assert shown(coordinator_client.get(url, {"q": "exchange"})) == everyone


def test_coordinator_filters_placements_by_start_year(coordinator_client, scene):
    url = reverse("admin:placements_placement_changelist")
    later = scene["wong"]
    later.cohort.start_date, later.cohort.end_date = dt.date(2025, 1, 6), dt.date(2025, 6, 30)
    later.cohort.save()
    later.start_date, later.end_date = dt.date(2025, 1, 13), dt.date(2025, 4, 12)
    later.save()
    page = coordinator_client.get(url)
    assert '?start_year=2025"' in page.content.decode()
    assert shown(coordinator_client.get(url, {"start_year": "2025"})) == {later.pk}
    # A year typed wrongly into the address filters nothing and breaks nothing.
    assert len(shown(coordinator_client.get(url, {"start_year": "20x5"}))) == 3


def test_coordinator_finds_participants_by_chinese_or_english_name(coordinator_client, scene):
    url = reverse("admin:placements_participant_changelist")
    assert shown(coordinator_client.get(url, {"q": "黃嘉欣"})) == {scene["wong"].participant_id}
    assert shown(coordinator_client.get(url, {"q": "wong ka"})) == {scene["wong"].participant_id}


# -- confirming ----------------------------------------------------------------------


def test_coordinator_confirms_proposed_placements_and_reads_each_refusal(coordinator_client, scene):
    response = coordinator_client.post(
        reverse("admin:placements_placement_changelist"),
        {"action": "confirm_placements", "_selected_action": [scene["chan"].pk, scene["lee"].pk]},
    )

    assert response.status_code == 302
    scene["chan"].refresh_from_db()
    assert scene["chan"].status == PlacementStatus.CONFIRMED
    assert message_texts(response) == [
        (
            "error",
            "LEE Siu-ming → Qianhai Authority: "
            "Only a proposed placement can be confirmed; this one is marked “Confirmed”.",
        ),
        ("success", "1 placement is now “Confirmed”."),
    ]


def test_confirming_a_placement_leaves_a_line_in_its_history(coordinator_client, scene, coordinator):
    coordinator_client.post(
        reverse("admin:placements_placement_changelist"),
        {"action": "confirm_placements", "_selected_action": [scene["chan"].pk]},
    )
    response = coordinator_client.get(reverse("admin:placements_placement_history", args=[scene["chan"].pk]))
    assert response.status_code == 200
    latest, created = response.context["page_obj"].object_list
    assert latest.history_user == coordinator
    assert latest.history_change_reason == "Confirm"
    # The readable diff leaves out the version and time every save moves on.
    assert [(c["field"], c["old"], c["new"]) for c in latest.history_delta_changes] == [
        ("Status", "Proposed", "Confirmed")
    ]


def test_of_proposals_competing_for_a_hosts_last_place_the_first_confirmed_gets_it(coordinator_client, db):
    # The host cut its places to one while two officers were proposed.
    offer = HostOfferFactory(places=2)
    first, second = PlacementFactory.create_batch(2, cohort=offer.cohort, host_department=offer.department)
    HostOffer.objects.filter(pk=offer.pk).update(places=1)
    response = coordinator_client.post(
        reverse("admin:placements_placement_changelist"),
        {"action": "confirm_placements", "_selected_action": [first.pk, second.pk]},
    )

    assert response.status_code == 302
    assert sorted(level for level, _ in message_texts(response)) == ["error", "success"]
    assert sorted(Placement.objects.values_list("status", flat=True)) == [
        PlacementStatus.CONFIRMED,
        PlacementStatus.PROPOSED,
    ]


@pytest.mark.parametrize(
    ("model", "field", "term"),
    [
        ("placement", "participant", "陳大文"),
        ("placement", "host_department", "前海"),
        ("placement", "cohort", "batch 1"),
        ("hostoffer", "department", "Qianhai"),
    ],
)
def test_coordinator_picks_related_records_by_typing_part_of_a_name(coordinator_client, scene, model, field, term):
    response = coordinator_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "placements", "model_name": model, "field_name": field, "term": term},
    )
    assert response.status_code == 200
    assert len(response.json()["results"]) == 1


def test_coordinator_sees_but_does_not_choose_an_officers_login_account(coordinator_client, db):
    # Choosing one would mean browsing every account, which coordinators may not.
    participant = ParticipantFactory(user=UserFactory(username="chan.taiman"))
    response = coordinator_client.get(reverse("admin:placements_participant_change", args=[participant.pk]))
    assert "user" not in response.context["adminform"].form.fields
    assert "chan.taiman" in response.content.decode()


def test_superuser_chooses_an_officers_login_account(client, db):
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    participant = ParticipantFactory()
    response = client.get(reverse("admin:placements_participant_change", args=[participant.pk]))
    assert "user" in response.context["adminform"].form.fields
