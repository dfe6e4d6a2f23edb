"""Every page type, in the three languages, and our style sheets, through the
Nu HTML Checker (vnu.jar from npm).

The pages are rendered by the app with the test client, as each role sees
them, and checked with the CSS files in one run of the checker: zero errors,
warnings aside. (A merge once left app.css with an unclosed rule, and
browsers silently dropped everything after it; the CSS check catches that.)
"""

import json
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client, RequestFactory
from django.utils import translation

from placements import errors, views
from tests import outside_tools
from tests.e2e.scenario import people_and_pages

pytestmark = pytest.mark.outside_tools
LANGUAGES = ["en", "zh-hant", "zh-hans"]
STYLE_SHEETS = sorted(Path(settings.BASE_DIR, "static", "css").glob("*.css"))
# The checker's CSS profile lacks `vector-effect` (SVG 2, in every browser),
# which keeps the charts' lines one pixel wide however the SVG is scaled.
KNOWN_CHECKER_GAPS = ["“vector-effect”: Property “vector-effect” doesn't exist"]


def render_every_page(folder) -> list[str]:
    """Write each page in each language to `folder`; return the names written."""
    clients = {}
    names = []
    pages = people_and_pages()
    for language in LANGUAGES:
        for username, url in pages:
            if username not in clients:
                clients[username] = Client()
                if username is not None:
                    from django.contrib.auth import get_user_model

                    clients[username].force_login(get_user_model().objects.get(username=username))
            response = clients[username].get(url, headers={"accept-language": language})
            assert response.status_code in (200, 404), (url, response.status_code)
            name = f"{language}{url.replace('/', '_')}.html"
            (folder / name).write_bytes(response.content)
            names.append(name)

        # Pages no link leads to: the lockout, 403 (an officer on the reports), and
        # the error pages rendered as the handlers render them.
        request = RequestFactory().get("/accounts/login/")
        request.user = None
        with translation.override(language):
            extra = {
                "locked-out": views.locked_out(RequestFactory().post("/accounts/login/")),
                "400": errors.bad_request(request),
                "403-csrf": errors._page("errors/403_csrf.html", 403),
                "500": errors.server_error(request),
                "503": errors._page("errors/503.html", 503),
            }
        extra["403"] = clients[pages[2][0]].get("/reports/", headers={"accept-language": language})
        for label, response in extra.items():
            name = f"{language}_{label}.html"
            (folder / name).write_bytes(response.content)
            names.append(name)
    return names


def test_every_page_is_valid_html(db, tmp_path):
    reason = outside_tools.missing()
    if reason:
        pytest.fail(outside_tools.HINT.format(reason=reason), pytrace=False)
    folder = tmp_path / "pages"
    folder.mkdir()
    names = render_every_page(folder)

    result = subprocess.run(  # noqa: S603 — java with the checker from node_modules
        [  # noqa: S607
            "java",
            "-jar",
            str(outside_tools.VNU),
            "--format",
            "json",
            "--errors-only",
            "--also-check-css",
            str(folder),
            *map(str, STYLE_SHEETS),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    found = [
        f"{message['url'].rsplit('/', 1)[-1]}:{message.get('lastLine')}: {message['message']}"
        f" [{message.get('extract', '').strip()}]"
        for message in messages
        if (message["type"] == "error" or message.get("subType") == "fatal")
        and not any(known in message["message"] for known in KNOWN_CHECKER_GAPS)
    ]
    assert len(names) == 3 * 21
    assert found == [], "\n".join(found)
