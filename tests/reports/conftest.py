import pytest


@pytest.fixture
def official_client(client, official):
    client.force_login(official)
    return client
