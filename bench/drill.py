"""The failure drill's client (bench/load.sh): steady requests, and what came back each second.

    python bench/drill.py http://127.0.0.1:8700 bench/results/load --seconds 40 --threads 8

Threads ask in turn for an officer's /my/, a cohort report, /healthz and
/bench/bare, for --seconds seconds (bench/load.sh stops PostgreSQL meanwhile).
Every answer is kept as (second, page, status); an answer whose body shows a
stack trace or Django's debug page is counted apart. Prints a per-second
table and a JSON summary line.
"""

import argparse
import http.client
import json
import re
import threading
import time
from collections import Counter, defaultdict
from pathlib import Path
from urllib.parse import urlsplit

LEAKS = (b"Traceback", b"django.db.utils", b"psycopg2", b"OperationalError", b"technical_500")


def request_list(folder: Path, name: str) -> list[tuple[str, str]]:
    return re.findall(r'\{"([^"]*)", "([^"]*)"\}', (folder / f"{name}.lua").read_text())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("base")
    parser.add_argument("folder", type=Path)
    parser.add_argument("--seconds", type=float, default=40)
    parser.add_argument("--threads", type=int, default=8)
    options = parser.parse_args()

    pages = {
        "my": request_list(options.folder, "my"),
        "report": request_list(options.folder, "report"),
        "healthz": [("/healthz", "")],
        "bare": [("/bench/bare", "")],
    }
    host = urlsplit(options.base)
    started = time.monotonic()
    answers: list[tuple[int, str, int]] = []
    leaks: list[str] = []
    lock = threading.Lock()

    def run(offset: int) -> None:
        connection = http.client.HTTPConnection(host.hostname, host.port, timeout=15)
        turn = offset
        while (now := time.monotonic() - started) < options.seconds:
            name = list(pages)[turn % len(pages)]
            path, cookie = pages[name][turn % len(pages[name])]
            turn += 1
            headers = {"X-Forwarded-Proto": "https", "Accept-Language": "en"}
            if cookie:
                headers["Cookie"] = cookie
            try:
                connection.request("GET", path, headers=headers)
                response = connection.getresponse()
                body = response.read()
                status = response.status
            except (OSError, http.client.HTTPException):
                connection.close()
                connection = http.client.HTTPConnection(host.hostname, host.port, timeout=15)
                status, body = 0, b""  # no answer at all
            with lock:
                answers.append((int(now), name, status))
                if any(leak in body for leak in LEAKS):
                    leaks.append(f"{name} {status}")

    workers = [threading.Thread(target=run, args=(i,)) for i in range(options.threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()

    per_second: dict[int, Counter] = defaultdict(Counter)
    for second, name, status in answers:
        per_second[second][(name, status)] += 1
    names = list(pages)
    print("second | " + " | ".join(names))
    for second in sorted(per_second):
        cells = []
        for name in names:
            counts = {status: n for (page, status), n in per_second[second].items() if page == name}
            cells.append(" ".join(f"{n}×{status}" for status, n in sorted(counts.items())))
        print(f"{second:>6} | " + " | ".join(cells))

    statuses = Counter((name, status) for _second, name, status in answers)
    outage = [second for second, name, status in answers if status == 503]
    summary = {
        "answers": len(answers),
        "by_page_and_status": {f"{name} {status}": n for (name, status), n in sorted(statuses.items())},
        "first_503_second": min(outage) if outage else None,
        "last_503_second": max(outage) if outage else None,
        "server_errors_500": sum(n for (name, status), n in statuses.items() if status == 500),
        "no_answer": sum(n for (name, status), n in statuses.items() if status == 0),
        "stack_traces": len(leaks),
        "after_outage_all_2xx": all(
            200 <= status < 300 for second, name, status in answers if outage and second > max(outage) + 1
        ),
    }
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
