from tests.factories import PlacementFactory


def test_a_factory_placement_passes_every_rule(db):
    placement = PlacementFactory()
    placement.full_clean()


def test_healthz_answers_ok_when_the_database_answers(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\n"
