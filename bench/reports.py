"""Time the officials' reports against a large database (see bench/README.md).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/exchange_reports_bench .venv/bin/python bench/reports.py

Pages: median and 95th percentile of server time (Django's test Client, the
real settings with DEBUG off, the real database; no network, no browser)
over --requests requests after 3 warm-up requests, and the queries of one
request. Exports: each format in a fresh child process, so its peak resident
memory is its own: rows per second for the whole download, and how far the
peak resident set grew above what the process held just before the request.
"""

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "exchange.settings")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from placements.models import Cohort, Placement  # noqa: E402

TARGETS = {"overview": 150.0, "cohort": 60.0}


def official_client() -> Client:
    user, _ = get_user_model().objects.get_or_create(username="bench-official")
    user.set_unusable_password()
    user.save()
    user.groups.add(Group.objects.get(name="Officials"))
    client = Client()
    client.force_login(user)
    return client


def time_page(client: Client, url: str, requests: int) -> dict:
    for _ in range(3):
        assert client.get(url).status_code == 200, url
    times = []
    for _ in range(requests):
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, url
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    times.sort()
    return {
        "url": url,
        "median_ms": statistics.median(times),
        "p95_ms": times[min(len(times) - 1, round(0.95 * len(times)) - 1)],
        "min_ms": times[0],
        "max_ms": times[-1],
        "queries": len(queries),
        "bytes": len(response.content),
    }


def rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def reset_peak_rss() -> None:
    """Start counting the peak resident set afresh (Linux 4.0+), so it is the request's own."""
    try:
        with open("/proc/self/clear_refs", "w") as clear_refs:
            clear_refs.write("5")
    except OSError:  # elsewhere the peak may be an earlier one: the growth is then an upper bound
        pass


def peak_rss_mb() -> float:
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def export_child(url: str) -> None:
    """In a child process: download one export once and print what it took, as JSON."""
    client = official_client()
    client.get("/reports/?year=1900")  # warm up imports, templates, the connection
    before = rss_mb()
    reset_peak_rss()
    started = time.perf_counter()
    response = client.get(url)
    assert response.status_code == 200, url
    size, lines = 0, 0
    for chunk in response.streaming_content:
        size += len(chunk)
        lines += chunk.count(b"\n")
    seconds = time.perf_counter() - started
    print(
        json.dumps(
            {"seconds": seconds, "bytes": size, "lines": lines, "rss_before_mb": before, "peak_mb": peak_rss_mb()}
        )
    )


def time_export(url: str, rows: int) -> dict:
    result = subprocess.run(  # noqa: S603 - our own script, with a URL we built
        [sys.executable, __file__, "--export-child", url], check=True, capture_output=True, text=True, env=os.environ
    )
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    if url.endswith(".csv"):
        assert figures["lines"] == rows + 1, f"{url}: {figures['lines']} lines for {rows} rows"
    return {
        "url": url,
        "rows": rows,
        "seconds": figures["seconds"],
        "rows_per_s": rows / figures["seconds"],
        "mb": figures["bytes"] / 2**20,
        "memory_growth_mb": figures["peak_mb"] - figures["rss_before_mb"],
        "peak_rss_mb": figures["peak_mb"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=30, help="timed requests per page (default 30)")
    parser.add_argument("--skip-exports", action="store_true")
    parser.add_argument("--export-child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.export_child:
        export_child(args.export_child)
        return

    placements = Placement.objects.count()
    cohorts = list(Cohort.objects.annotate(n=Count("placements")).order_by("n").values_list("pk", "n"))
    if not cohorts:
        sys.exit("The database has no cohorts: fill it with `manage.py generate_data` first.")
    typical, largest = cohorts[len(cohorts) // 2], cohorts[-1]
    year = Cohort.objects.order_by("-start_date").values_list("start_date", flat=True).first().year
    print(f"{connection.vendor}: {placements} placements, {len(cohorts)} cohorts", flush=True)

    client = official_client()
    pages = [
        ("overview", "programme overview", "/reports/"),
        ("overview", "programme overview, one year", f"/reports/?year={year}"),
        ("cohort", f"cohort report, median cohort ({typical[1]} placements)", f"/reports/cohorts/{typical[0]}/"),
        ("cohort", f"cohort report, largest cohort ({largest[1]} placements)", f"/reports/cohorts/{largest[0]}/"),
        (
            "cohort",
            "cohort report, largest cohort, filtered and sorted",
            f"/reports/cohorts/{largest[0]}/?status=completed&sort=-officer",
        ),
    ]
    print("\n| page | median | p95 | min | max | queries | target p50 |\n|---|---|---|---|---|---|---|")
    for kind, label, url in pages:
        r = time_page(client, url, args.requests)
        print(
            f"| {label} (`{url}`) | {r['median_ms']:.0f} ms | {r['p95_ms']:.0f} ms | {r['min_ms']:.0f} ms | "
            f"{r['max_ms']:.0f} ms | {r['queries']} | ≤ {TARGETS[kind]:.0f} ms "
            f"{'✓' if r['median_ms'] <= TARGETS[kind] else '✗'} |",
            flush=True,
        )
    if args.skip_exports:
        return
    print(
        "\n| export | rows | time | rows/s | size | peak memory growth | peak RSS |\n|---|---|---|---|---|---|---|",
        flush=True,
    )
    for url, rows in [
        ("/reports/placements.csv", placements),
        ("/reports/placements.xlsx", placements),
        (f"/reports/cohorts/{largest[0]}/placements.csv", largest[1]),
    ]:
        r = time_export(url, rows)
        print(
            f"| `{url}` | {r['rows']} | {r['seconds']:.2f} s | {r['rows_per_s']:,.0f} | {r['mb']:.1f} MB | "
            f"{r['memory_growth_mb']:.1f} MB | {r['peak_rss_mb']:.0f} MB |",
            flush=True,
        )


if __name__ == "__main__":
    main()
