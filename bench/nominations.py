#!/usr/bin/env python
"""Time a large nomination file through read, preview and import.

    python bench/nominations.py [--rows 20000]                       # a throw-away SQLite file
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/exchange_nominations_bench python bench/nominations.py

The database named by DATABASE_URL (default: bench/results/nominations.sqlite3,
made afresh) is migrated, given one cohort with a host department offering a
place for every row, and then receives a file of --rows officers, as a
coordinator's upload does (placements/nominations.py). Prints the seconds of
each step and rows per second. On PostgreSQL, use a database made for the
purpose: the script writes --rows officers and placements into it.
"""

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
RESULTS = ROOT / "bench" / "results"
if "DATABASE_URL" not in os.environ:
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "nominations.sqlite3").unlink(missing_ok=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{RESULTS / 'nominations.sqlite3'}"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "exchange.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from placements.models import HostOffer, Placement  # noqa: E402
from placements.nominations import nomination_file_read, nomination_import, nomination_preview  # noqa: E402
from tests.factories import UserFactory  # noqa: E402
from tests.nominations.conftest import build_scene, csv_bytes, officer_row  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=20_000)
    rows = parser.parse_args().rows

    call_command("migrate", verbosity=0)
    place = build_scene()  # the nomination tests' cohort
    HostOffer.objects.filter(department=place["futian"]).update(places=rows)
    data = csv_bytes([officer_row(n, name_zh=f"陳{n}") for n in range(rows)])
    coordinator = UserFactory(username="bench-nominations")

    timings = {}
    started = time.perf_counter()
    read = nomination_file_read(data=data)
    timings["read"] = time.perf_counter() - started
    started = time.perf_counter()
    preview = nomination_preview(cohort=place["cohort"], rows=read.rows)
    timings["preview"] = time.perf_counter() - started
    if not preview.ok:
        raise SystemExit(f"the file did not check out: {[row.errors for row in preview.rows if row.errors][:3]}")
    started = time.perf_counter()
    nomination_import(cohort=place["cohort"], rows=read.rows, by=coordinator, file_name="bench.csv")
    timings["import"] = time.perf_counter() - started
    assert Placement.objects.filter(cohort=place["cohort"]).count() == rows

    total = sum(timings.values())
    print(f"{rows} rows, {len(data) / 1e6:.1f} MB, {connection.vendor}, {os.cpu_count()} cores")
    for step, seconds in timings.items():
        print(f"  {step:8s} {seconds:6.2f} s  {rows / seconds:8.0f} rows/s")
    print(f"  {'total':8s} {total:6.2f} s  {rows / total:8.0f} rows/s")


if __name__ == "__main__":
    main()
