"""Two coordinators, each logged in on their own, work on the same record.
The first save wins; the second is refused with a message naming the
conflict and a link to reload, and nothing of the first is lost."""

import re

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse

from placements.models import Placement, PlacementStatus
from tests.factories import PlacementFactory, UserFactory


@pytest.fixture
def lin(db):
    client = Client()
    client.force_login(
        UserFactory(username="lin", first_name="Lin", last_name="Wai", is_staff=True, groups=["Coordinators"])
    )
    return client


@pytest.fixture
def ho(db):
    client = Client()
    client.force_login(
        UserFactory(username="ho", first_name="Ho", last_name="Ka", is_staff=True, groups=["Coordinators"])
    )
    return client


def form_data(response) -> dict:
    """What the browser would send back for the change form it was given, unchanged."""
    form = response.context["adminform"].form
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is None:
            continue
        data[name] = value.isoformat() if hasattr(value, "isoformat") else value
    return data


def messages_of(response) -> list[str]:
    return [m.message for m in get_messages(response.wsgi_request)]


def test_the_second_save_of_a_placement_is_refused_and_names_the_conflict(lin, ho):
    placement = PlacementFactory(participant__name_en="CHAN Tai-man")
    url = reverse("admin:placements_placement_change", args=[placement.pk])
    lin_form, ho_form = form_data(lin.get(url)), form_data(ho.get(url))

    first = lin.post(url, lin_form | {"end_date": "2024-03-20", "supervisor_name": "Ms Lin"})
    assert first.status_code == 302
    second = ho.post(url, ho_form | {"objectives": "Learn how Futian plans transport."})

    assert second.status_code == 200  # the form again, with Ho's input
    (error,) = second.context["adminform"].form.non_field_errors()
    assert re.fullmatch(
        r"Lin Wai changed “CHAN Tai-man → .*” at .*, after you opened it \(Ends on, Host supervisor\)\. "
        r"Your changes were not saved, so nothing of theirs is lost: reload it to see the current version, "
        r'then make your changes again\. <a href="" class="reload-link">Reload</a>',
        error,
    ), error
    assert second.context["adminform"].form["objectives"].value() == "Learn how Futian plans transport."
    placement.refresh_from_db()
    assert (str(placement.end_date), placement.supervisor_name, placement.objectives, placement.version) == (
        "2024-03-20",
        "Ms Lin",
        "",
        2,
    )


def test_after_reloading_the_second_coordinator_saves(lin, ho):
    placement = PlacementFactory()
    url = reverse("admin:placements_placement_change", args=[placement.pk])
    ho_form = form_data(ho.get(url))
    lin.post(url, form_data(lin.get(url)) | {"supervisor_name": "Ms Lin"})
    assert ho.post(url, ho_form | {"objectives": "Transport."}).status_code == 200

    reloaded = form_data(ho.get(url))
    assert ho.post(url, reloaded | {"objectives": "Transport."}).status_code == 302
    placement.refresh_from_db()
    assert (placement.supervisor_name, placement.objectives) == ("Ms Lin", "Transport.")


@pytest.mark.parametrize(
    ("model", "change"),
    [
        ("cohort", {"name_en": "Batch one"}),
        ("participant", {"grade": "Chief Engineer"}),
        ("department", {"district": "Luohu"}),
    ],
)
def test_the_same_holds_for_cohorts_participants_and_departments(lin, ho, model, change):
    placement = PlacementFactory()
    record = {
        "cohort": placement.cohort,
        "participant": placement.participant,
        "department": placement.host_department,
    }[model]
    url = reverse(f"admin:placements_{model}_change", args=[record.pk])
    lin_page, ho_page = lin.get(url), ho.get(url)
    inline_data = inline_management_forms(lin_page)

    assert lin.post(url, form_data(lin_page) | inline_data | change).status_code == 302
    # Ho saves the page as loaded: even that would put back the old values.
    second = ho.post(url, form_data(ho_page) | inline_data)

    assert second.status_code == 200, messages_of(second)
    assert "Lin Wai changed" in second.context["adminform"].form.non_field_errors()[0]
    record.refresh_from_db()
    assert all(getattr(record, name) == value for name, value in change.items())


def inline_management_forms(response) -> dict:
    """Each inline's rows as shown, unchanged, with their management forms."""
    data = {}
    for inline in response.context.get("inline_admin_formsets", []):
        formset = inline.formset
        data |= {
            f"{formset.prefix}-TOTAL_FORMS": len(formset.forms),
            f"{formset.prefix}-INITIAL_FORMS": formset.initial_form_count(),
        }
        for form in formset.forms:
            for name in form.fields:
                value = form[name].value()
                if value is not None:
                    data[form.add_prefix(name)] = value.isoformat() if hasattr(value, "isoformat") else value
    return data


def test_an_action_on_a_placement_changed_since_the_list_was_shown_is_refused(lin, ho):
    placement = PlacementFactory(participant__name_en="CHAN Tai-man")
    changelist = reverse("admin:placements_placement_changelist")
    shown = ho.get(changelist).content.decode()
    version = re.search(rf'name="_version_{placement.pk}" value="(\d+)"', shown).group(1)

    url = reverse("admin:placements_placement_change", args=[placement.pk])
    lin.post(url, form_data(lin.get(url)) | {"host_department": placement.host_department_id, "role_en": "Adviser"})
    response = ho.post(
        changelist,
        {"action": "confirm_placements", "_selected_action": [placement.pk], f"_version_{placement.pk}": version},
    )

    (message,) = messages_of(response)
    assert message.startswith("CHAN Tai-man → ")
    assert "Lin Wai changed" in message and "(Role at the host (English))" in message
    assert message.endswith('<a href="" class="reload-link">Reload</a>')
    assert Placement.objects.get().status == PlacementStatus.PROPOSED


def test_list_editable_dates_changed_since_the_list_was_shown_are_refused(lin, ho):
    placement = PlacementFactory()
    changelist = reverse("admin:placements_placement_changelist")
    ho.get(changelist)
    url = reverse("admin:placements_placement_change", args=[placement.pk])
    lin.post(url, form_data(lin.get(url)) | {"supervisor_name": "Ms Lin"})

    response = ho.post(
        changelist,
        {
            "form-TOTAL_FORMS": 1,
            "form-INITIAL_FORMS": 1,
            "form-0-id": placement.pk,
            "form-0-start_date": "2023-12-18",
            "form-0-end_date": "2024-03-17",
            f"_version_{placement.pk}": 1,
            "_save": "Save",
        },
    )

    assert response.status_code == 200
    assert any("Lin Wai changed" in message for message in messages_of(response))
    placement.refresh_from_db()
    assert (str(placement.start_date), placement.supervisor_name) == ("2023-12-15", "Ms Lin")


def test_list_editable_dates_are_saved_from_the_current_version(ho):
    placement = PlacementFactory()
    response = ho.post(
        reverse("admin:placements_placement_changelist"),
        {
            "form-TOTAL_FORMS": 1,
            "form-INITIAL_FORMS": 1,
            "form-0-id": placement.pk,
            "form-0-start_date": "2023-12-18",
            "form-0-end_date": "2024-03-17",
            f"_version_{placement.pk}": 1,
            "_save": "Save",
        },
    )
    assert response.status_code == 302
    placement.refresh_from_db()
    assert (str(placement.start_date), placement.version) == ("2023-12-18", 2)
