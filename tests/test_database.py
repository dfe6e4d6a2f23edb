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
