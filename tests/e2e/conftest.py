"""Browser tests: Playwright for Python driving Debian's Chromium.

Never `playwright install` (it downloads a browser build); the apt packages
`chromium` and `fonts-noto-cjk` are enough (without the fonts Chinese
renders as empty boxes). Where they are missing:
- in CI (CI=true) the tests run and fail, because a skipped browser test
  would pass a build nobody looked at in a browser;
- on a laptop they are deselected, and the run ends with how to get them.
"""

import os
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CJK_FONT = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")  # from fonts-noto-cjk
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]
IN_CI = os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}
HINT = (
    "Browser tests (tests/e2e) need Debian's Chromium and CJK fonts, and {reason}. Install them with "
    "`sudo apt-get install chromium fonts-noto-cjk` (never `playwright install`), then run `make test` again."
)
HERE = Path(__file__).parent


def missing_browser() -> str | None:
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is missing"
    if not CJK_FONT.exists():
        return f"{CJK_FONT} is missing (Chinese would render as empty boxes)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed"
    return None


def pytest_collection_modifyitems(config, items):
    reason = missing_browser()
    if reason is None or IN_CI:
        return
    browser_tests = [item for item in items if HERE in item.path.parents]
    if browser_tests:
        config.hook.pytest_deselected(items=browser_tests)
        items[:] = [item for item in items if HERE not in item.path.parents]
        config.stash[hint_key] = HINT.format(reason=reason)


hint_key = pytest.StashKey[str]()


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if hint_key in config.stash:
        terminalreporter.write_sep("-", "browser tests")
        terminalreporter.write_line(config.stash[hint_key], yellow=True)


@pytest.fixture(scope="session")
def browser():
    reason = missing_browser()
    if reason is not None:
        pytest.fail(HINT.format(reason=reason) + " CI runs them or fails.", pytrace=False)
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the tests'
    # own database access (factories) is still plain synchronous code.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()
    if previous is None:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def new_page(browser, live_server):
    """new_page(viewport=...) — a page in a fresh browser context (own cookies)."""
    contexts = []

    def make(viewport=DESKTOP, **options):
        context = browser.new_context(
            base_url=live_server.url,
            viewport=viewport,
            locale="en-GB",
            timezone_id="Asia/Hong_Kong",
            accept_downloads=True,
            **options,
        )
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    return new_page()
