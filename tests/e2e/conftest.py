"""Browser tests: Playwright drives Debian's Chromium against the live server, on a 360-px phone.

A failing test leaves a full-page screenshot in test-artifacts/.
"""

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
def open_page(browser, live_server, request):
    """Open a phone-sized page in a fresh context; `locale` sets the browser's Accept-Language."""
    contexts = []
    blocked = []

    def make(locale="en-GB"):
        context = browser.new_context(viewport={"width": 360, "height": 740}, locale=locale, base_url=live_server.url)
        context.set_default_timeout(15_000)
        contexts.append(context)
        page = context.new_page()
        page.on(
            "console",
            lambda message: "Content Security Policy" in message.text and blocked.append(f"{page.url}: {message.text}"),
        )
        return page

    make.csp_violations = blocked  # a test that provokes one on purpose clears it
    yield make
    failed = getattr(request.node, "report_call", None) and request.node.report_call.failed
    for number, context in enumerate(contexts):
        if failed:
            ARTIFACTS.mkdir(exist_ok=True)
            for page in context.pages:
                page.screenshot(path=str(ARTIFACTS / f"{request.node.name}-{number}.png"), full_page=True)
        context.close()
    assert not blocked, f"the Content-Security-Policy blocked something the page needs: {blocked}"


@pytest.fixture
def can_tho(transactional_db):
    """Can Tho, in Vietnamese, for the browser tests (which need a live server, hence a transactional database)."""
    from cities.models import City

    return City.objects.create(
        slug="can-tho",
        name="Can Tho",
        local_name="Cần Thơ",
        country="VN",
        time_zone="Asia/Ho_Chi_Minh",
        languages=["vi"],
    )
