"""Turns the JSON lines bench/load.lua printed into the table docs/performance.md shows.

python bench/load_report.py bench/results/load-<time> 16 64
"""

import json
import sys
from pathlib import Path

PAGES = {"my": "/my/ (officers)", "report": "cohort report (official)", "admin": "admin lists (coordinator)"}
# Targets from the issue: these pages at ≥ 0.40 of the bare view's req/s; p95 ≤ 100 ms at 16 connections.
RATIO_TARGET = {"my": 0.40, "report": 0.40}
P95_TARGET_MS = 100.0


def results(folder: Path, connections: str) -> dict[str, dict]:
    found = {}
    for path in folder.glob(f"wrk-{connections}-*.txt"):
        for line in path.read_text().splitlines():
            if line.startswith("{"):
                row = json.loads(line)
                found[row["page"]] = row
    return found


def main() -> None:
    folder = Path(sys.argv[1])
    print("| connections | page | req/s | ÷ bare | p50 ms | p95 ms | p99 ms | non-2xx | socket errors | targets |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for connections in sys.argv[2:]:
        rows = results(folder, connections)
        bare = rows["bare"]["rps"]
        for page in ["bare", *PAGES]:
            row = rows[page]
            ratio = row["rps"] / bare
            checks = []
            if row["non2xx"] or row["socket_errors"]:
                checks.append("errors ✗")
            if page in RATIO_TARGET:
                checks.append(f"≥ {RATIO_TARGET[page]:.2f} {'✓' if ratio >= RATIO_TARGET[page] else '✗'}")
            if connections == "16" and page in ("my", "report"):
                checks.append(f"p95 ≤ 100 {'✓' if row['p95'] <= P95_TARGET_MS else '✗'}")
            print(
                f"| {connections} | {PAGES.get(page, '/bench/bare (no work)')} | {row['rps']:.0f} | {ratio:.2f} | "
                f"{row['p50']:.0f} | {row['p95']:.0f} | {row['p99']:.0f} | {row['non2xx']} | {row['socket_errors']} | "
                f"{', '.join(checks)} |"
            )


if __name__ == "__main__":
    main()
