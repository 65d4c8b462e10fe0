"""The Content-Security-Policy in a real browser: our own scripts run, an injected inline script does not."""

import contextlib

from tests.e2e.test_smoke import sign_in, switch_language


def test_the_language_switcher_works_under_the_policy(demo, open_page):
    """Bootstrap's menu and the switcher's script are static files, so the policy lets them run."""
    page = open_page()
    sign_in(page, "officer.bangkok@ccrs.demo")
    switch_language(page, "vi")
    assert page.get_attribute("html", "lang") == "vi"


def test_an_injected_inline_script_does_not_run(transactional_db, open_page):
    """Text that slipped through as markup could not run: inline scripts are refused by the browser."""
    page = open_page()
    page.goto("/accounts/login/")
    with contextlib.suppress(Exception):  # Playwright may report the refused script as an error
        page.add_script_tag(content="window.injected = true;")
    assert page.evaluate("window.injected === undefined")
    assert any("Content Security Policy" in text for text in open_page.csp_violations)
    open_page.csp_violations.clear()
