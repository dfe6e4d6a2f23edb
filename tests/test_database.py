import os

import pytest
from django.db import connection


def test_the_suite_runs_on_the_database_that_database_url_names(db):
    # Guards the CI leg on PostgreSQL from silently falling back to SQLite.
    expected = "postgresql" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "sqlite"
    assert connection.vendor == expected


@pytest.mark.postgresql
def test_postgresql_server_version_is_reported(db):
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        version = cursor.fetchone()[0]
    print(f"PostgreSQL server {version}")
    assert int(version.split(".")[0]) >= 13


@pytest.mark.postgresql
def test_admin_searches_are_backed_by_trigram_indexes_on_postgresql(db):
    # Without them every coordinator search reads every officer and placement.
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname FROM pg_indexes WHERE indexname LIKE %s", ["%_trgm"])
        names = {row[0] for row in cursor.fetchall()}
    assert names == {
        "participant_name_en_trgm",
        "participant_name_zh_trgm",
        "placement_role_en_trgm",
        "placement_role_zh_trgm",
    }
