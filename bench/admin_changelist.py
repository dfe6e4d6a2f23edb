#!/usr/bin/env python
"""Time the coordinators' placement list in the admin against a filled database.

    DATABASE_URL=... python bench/admin_changelist.py [--requests 30]

Run it against a database that `manage.py generate_data` filled (see
bench/README.md); it never runs inside the test suite. It goes through the
whole Django stack with the test Client — middleware, session, admin view,
templates — logged in as a coordinator, against the real database, with the
settings the app runs with (DEBUG off). It prints the median and 95th
percentile time of each page over --requests requests, after a few warm-up
requests, and the number of SQL queries one request makes.

It adds one row to the database if it is missing: a staff user
"bench-coordinator" in the Coordinators group, with no usable password.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "exchange.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from placements.models import Placement  # noqa: E402

CHANGELIST = "/admin/placements/placement/"
WARM_UP = 3


def coordinator():
    user, _ = get_user_model().objects.get_or_create(
        username="bench-coordinator", defaults={"is_staff": True, "password": "!"}
    )
    user.groups.add(Group.objects.get(name="Coordinators"))
    return user


def percentile(samples: list[float], percent: int) -> float:
    return statistics.quantiles(samples, n=100, method="inclusive")[percent - 1]


def measure(client: Client, url: str, requests: int) -> dict:
    for _ in range(WARM_UP):
        response = client.get(url)
    if response.status_code != 200:
        raise SystemExit(
            f"GET {url} answered {response.status_code}"
            + (f" (redirect to {response['Location']})" if response.status_code in (301, 302) else "")
            + ". Is placements/admin.py registering Placement, with this filter or search?"
        )
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    query_count = len(queries)  # read it now: the next request clears the connection's query log
    samples = []
    for _ in range(requests):
        started = time.perf_counter()
        client.get(url)
        samples.append((time.perf_counter() - started) * 1000)
    return {
        "url": url,
        "queries": query_count,
        "median": statistics.median(samples),
        "p95": percentile(samples, 95),
        "min": min(samples),
        "max": max(samples),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=30, help="timed requests per page (default 30)")
    parser.add_argument("--filter", default="status__exact=in_progress", help="query string of the filtered list")
    parser.add_argument("--search", default="Chan", help="search term for the searched list")
    args = parser.parse_args()

    # The test Client calls itself "testserver"; let it in without touching the settings file.
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    client = Client()
    client.force_login(coordinator())

    database = connection.settings_dict
    print(
        f"database: {connection.vendor} {database['NAME']}, {Placement.objects.count()} placements; "
        f"{args.requests} requests per page after {WARM_UP} warm-up requests; DEBUG={settings.DEBUG}"
    )
    pages = [
        ("list", CHANGELIST),
        ("filter", f"{CHANGELIST}?{args.filter}"),
        ("search", f"{CHANGELIST}?q={args.search}"),
    ]
    print(f"{'page':8} {'median ms':>10} {'p95 ms':>8} {'min ms':>8} {'max ms':>8} {'queries':>8}  url")
    for name, url in pages:
        r = measure(client, url, args.requests)
        timings = f"{r['median']:10.1f} {r['p95']:8.1f} {r['min']:8.1f} {r['max']:8.1f}"
        print(f"{name:8} {timings} {r['queries']:8d}  {r['url']}")


if __name__ == "__main__":
    main()
