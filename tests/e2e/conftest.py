"""Browser tests: Playwright drives Debian's Chromium against the live server, on a 360-px phone.

Every document a test's pages load is checked by axe-core (WCAG 2.0 and 2.1, A and AA) before the
test next acts on the page, and each page again when the test ends; a serious or critical
violation fails the test.
A failing test leaves a full-page screenshot in test-artifacts/.
"""

import time
from pathlib import Path

import pytest

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}
AXE_FAILS_ON = {"serious", "critical"}


class AxeCheck:
    """Runs axe-core (from the axe-playwright-python package) on a page and keeps what fails."""

    def __init__(self):
        from axe_playwright_python.sync_playwright import Axe

        self.axe = Axe()
        self.violations = {}
        self.pages_checked = 0
        self.seconds = 0.0
        self.once_per_path = False  # a test that walks many personas over the same pages checks each page once
        self.paths = set()

    def check(self, page):
        if page.is_closed() or not page.url.startswith("http"):
            return
        # Not a page: a JSON answer, an image, a PDF, or an HTMX fragment opened on its own (no <head>).
        if not page.evaluate("document.contentType === 'text/html' && document.head.childElementCount > 0"):
            return
        path = page.url.split("?")[0]
        if self.once_per_path and path in self.paths:
            return
        self.paths.add(path)
        started = time.monotonic()
        response = self.axe.run(page, options=AXE_OPTIONS).response
        self.seconds += time.monotonic() - started
        self.pages_checked += 1
        for violation in response["violations"]:
            if violation["impact"] not in AXE_FAILS_ON:
                continue
            for node in violation["nodes"]:
                key = (violation["id"], path, " ".join(node["target"]))
                self.violations.setdefault(
                    key,
                    f"{violation['impact']} {violation['id']} on {page.url}: "
                    f"{node['html'][:160]} — {node['failureSummary']}",
                )

    def report(self):
        return "\n".join(self.violations.values())


class CheckedPage:
    """A Playwright page whose freshly loaded document axe-core checks before the test's next call."""

    def __init__(self, page, axe_check):
        self.__dict__.update(_page=page, _axe_check=axe_check, _loaded=False)
        page.on("load", self._on_load)

    def _on_load(self, _page):
        self.__dict__["_loaded"] = True  # checked from the test's own call: event handlers must not call the page

    def check_loaded(self):
        if self._loaded:
            self.check_now()

    def check_now(self):
        self.__dict__["_loaded"] = False
        self._axe_check.check(self._page)

    def __getattr__(self, name):
        attribute = getattr(self._page, name)
        if not callable(attribute):
            return attribute

        def call(*args, **kwargs):
            self.check_loaded()
            return attribute(*args, **kwargs)

        return call

    def __setattr__(self, name, value):
        setattr(self._page, name, value)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"report_{report.when}", report)


@pytest.fixture(scope="session")
def live_server(django_db_setup, live_server):
    """pytest-django's live server, stopped (and its connections closed) before the test database is dropped."""
    return live_server


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def axe_check():
    return AxeCheck()


@pytest.fixture
def open_page(browser, live_server, axe_check, request):
    """Open a phone-sized page in a fresh context; `locale` sets the browser's Accept-Language.

    The page is a `CheckedPage`: axe-core (`axe_check`) checks each document it loads, and its last one.
    """
    contexts = []
    pages = []
    blocked = []

    def make(locale="en-GB"):
        # Reduced motion: Bootstrap then draws no colour transitions, so axe-core never reads a button halfway
        # between its resting and hover colours (a flaky 1.33:1 "contrast" right after a click).
        context = browser.new_context(
            viewport={"width": 360, "height": 740}, locale=locale, base_url=live_server.url, reduced_motion="reduce"
        )
        context.set_default_timeout(15_000)
        contexts.append(context)
        page = context.new_page()
        page.on(
            "console",
            lambda message: "Content Security Policy" in message.text and blocked.append(f"{page.url}: {message.text}"),
        )
        checked = CheckedPage(page, axe_check)
        pages.append(checked)
        return checked

    make.csp_violations = blocked  # a test that provokes one on purpose clears it
    yield make
    failed = getattr(request.node, "report_call", None) and request.node.report_call.failed
    if not failed:
        for page in pages:
            page.check_now()
    for number, context in enumerate(contexts):
        if failed:
            ARTIFACTS.mkdir(exist_ok=True)
            for page in context.pages:
                page.screenshot(path=str(ARTIFACTS / f"{request.node.name}-{number}.png"), full_page=True)
        context.close()
    assert not blocked, f"the Content-Security-Policy blocked something the page needs: {blocked}"
    if not failed:
        assert not axe_check.violations, "axe-core found serious or critical violations:\n" + axe_check.report()


@pytest.fixture
def demo(transactional_db):
    """The demo data, for the browser tests that walk through it."""
    from django.core.management import call_command

    call_command("seed_demo", verbosity=0)


@pytest.fixture
def can_tho(transactional_db):
    """Can Tho, in Vietnamese, for the browser tests (which need a live server, hence a transactional database)."""
    from tests.cities.factories import CAN_THO, CityFactory

    return CityFactory(cohort=None, **CAN_THO)
