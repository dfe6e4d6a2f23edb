"""Take the screenshots of the officials' reports in docs/screenshots/.

    .venv/bin/python docs/screenshots/take.py [--chromium /usr/bin/chromium]

Builds a throw-away SQLite database with the demo programme (`load_demo`:
the seed cohort of ten officers in Futian and Qianhai) plus a small generated
one (`generate_data --placements 2500 --cohorts 24`, so the overview has a
history to show), serves it with `runserver` on a free local port, signs in
as the demo official and saves, with headless Chromium through Playwright:

- reports-overview-en.png, reports-overview-zh-hant.png   /reports/
- cohort-report-en.png, cohort-report-zh-hant.png         /reports/cohorts/<seed cohort>/
- cohort-report-print.png                                 the same, emulating print media
- cohort-report-print.pdf                                 the A4 PDF Chromium prints

Needs Playwright (pip) and a Chromium (the system's: the script never
downloads a browser).
"""

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(__file__).resolve().parent
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]


def manage(env: dict, *args: str) -> str:
    return subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    ).stdout


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp}/screens.sqlite3", "DEMO_PASSWORD": "demo"}
        env.pop("PRODUCTION", None)
        manage(env, "compile_translations")
        manage(env, "migrate", "--verbosity", "0")
        manage(env, "load_demo")
        manage(env, "generate_data", "--placements", "2500", "--cohorts", "24", "--seed", "2023")
        code = (
            "from django.test import Client; from django.contrib.auth import get_user_model; "
            "from placements.models import Cohort; c = Client(); "
            "c.force_login(get_user_model().objects.get(username='official')); "
            "print(c.cookies['sessionid'].value, Cohort.objects.get(name_en='Shenzhen–Hong Kong, batch 1').pk)"
        )
        session, cohort = manage(env, "shell", "--no-imports", "-c", code).split()[-2:]

        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen(  # noqa: S603 - our own manage.py
            [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            for _ in range(50):
                try:
                    # Our own server on the loopback address, over http.
                    urllib.request.urlopen(f"{base}/healthz", timeout=1)  # noqa: S310  # nosec
                    break
                except OSError:
                    time.sleep(0.2)
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=args.chromium, args=CHROMIUM_ARGS)
                context = browser.new_context(viewport={"width": 1280, "height": 900})
                context.add_cookies([{"name": "sessionid", "value": session, "url": base}])
                page = context.new_page()
                shots = [
                    ("reports-overview-{lang}.png", "/reports/"),
                    ("cohort-report-{lang}.png", f"/reports/cohorts/{cohort}/"),
                ]
                for lang in ("en", "zh-hant"):
                    context.add_cookies([{"name": "django_language", "value": lang, "url": base}])
                    for name, path in shots:
                        page.goto(base + path)
                        page.screenshot(path=OUT / name.format(lang=lang), full_page=True)
                        print(OUT / name.format(lang=lang))
                context.add_cookies([{"name": "django_language", "value": "en", "url": base}])
                page.set_viewport_size({"width": 794, "height": 1123})  # A4 at 96 dpi
                page.emulate_media(media="print")
                page.goto(f"{base}/reports/cohorts/{cohort}/")
                page.screenshot(path=OUT / "cohort-report-print.png", full_page=True)
                page.pdf(path=OUT / "cohort-report-print.pdf", format="A4", print_background=True)
                print(OUT / "cohort-report-print.png")
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
