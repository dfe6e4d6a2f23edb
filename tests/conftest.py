"""Personas and database selection for the whole suite.

The suite runs twice in CI: on SQLite (the default) and on PostgreSQL
(DATABASE_URL=postgres://...). Tests marked `postgresql` need features only
PostgreSQL has and are deselected — not skipped — on SQLite, and `sqlite`
tests the other way round, so a green run never hides a skipped test.
"""

import pytest
from django.conf import settings

from tests.factories import OfficerFactory, UserFactory, placement_under_way

VENDOR = "postgresql" if "postgresql" in settings.DATABASES["default"]["ENGINE"] else "sqlite"


def pytest_report_header(config):
    return (
        f"database: {VENDOR} ({settings.DATABASES['default']['ENGINE']}, name {settings.DATABASES['default']['NAME']})"
    )


def pytest_collection_modifyitems(config, items):
    other = "sqlite" if VENDOR == "postgresql" else "postgresql"
    keep, drop = [], []
    for item in items:
        (drop if item.get_closest_marker(other) else keep).append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep


@pytest.fixture
def coordinator(db):
    return UserFactory(username="coord", is_staff=True, groups=["Coordinators"])


@pytest.fixture
def official(db):
    return UserFactory(username="official", groups=["Officials"])


@pytest.fixture
def coordinator_client(client, coordinator):
    client.force_login(coordinator)
    return client


@pytest.fixture(autouse=True)
def _english_unless_a_test_asks(settings):
    # A request in Chinese leaves its language active in the thread; start
    # every test in English so messages compare as written.
    from django.utils import translation

    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # PBKDF2's deliberate slowness buys nothing in tests and costs minutes.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    """Uploaded documents go to a throw-away folder, never the project's media/."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "media"), "base_url": None},
        },
    }


@pytest.fixture
def officer(db):
    """A seconded officer who logs in, one month into a confirmed placement."""
    participant = OfficerFactory(user__username="officer", name_en="Chow Tat-wing", name_zh="周達榮")
    placement_under_way(participant=participant)
    return participant.user


@pytest.fixture
def other_officer(db):
    participant = OfficerFactory(user__username="other.officer")
    placement_under_way(participant=participant)
    return participant.user


@pytest.fixture
def officer_client(client, officer):
    client.force_login(officer)
    return client
