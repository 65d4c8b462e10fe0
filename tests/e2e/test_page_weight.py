"""What a phone downloads on its first visit to each public form, served as in production.

The test's usual live server hands out static files through Django's finders, uncompressed. Here a
second live server serves them as production does: collected by WhiteNoise's
CompressedManifestStaticFilesStorage (hashed names, gzip and Brotli copies) and sent by WhiteNoise's
middleware with the encoding the browser accepts. The browser then counts what crossed the wire
(`transferSize`: headers and encoded body of the page and of every file it loaded).
"""

from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test.testcases import LiveServerThread
from django.test.utils import override_settings

from sectors.models import SurveyResponse
from tests.conftest import make_user
from tests.e2e.test_sectors import answer_survey
from tests.world import build_world

BUDGET = 100_000  # bytes, compressed, for a first visit (an empty cache)

TRANSFER = """() => {
  const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
  return entries.map(e => ({name: new URL(e.name).pathname, transfer: e.transferSize, body: e.decodedBodySize}));
}"""


def as_served(handler):
    """No test-only static handler in front: WhiteNoise's middleware serves the files, as in production."""
    return handler


@pytest.fixture(scope="module")
def production_server(live_server, tmp_path_factory):
    """A live server with the static files collected, hashed and compressed, served by WhiteNoise."""
    production_static = override_settings(
        STATIC_ROOT=tmp_path_factory.mktemp("staticfiles"),
        STORAGES={
            **settings.STORAGES,
            "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
        },
        WHITENOISE_USE_FINDERS=False,
        WHITENOISE_AUTOREFRESH=False,
    )
    production_static.enable()
    try:
        call_command("collectstatic", interactive=False, verbosity=0)
        host = urlsplit(live_server.url).hostname
        server = LiveServerThread(host, static_handler=as_served)
        server.daemon = True
        server.start()
        server.is_ready.wait()
        if server.error:
            raise server.error
        yield f"http://{host}:{server.port}"
        server.terminate()
    finally:
        production_static.disable()


@pytest.fixture
def public_forms(transactional_db):
    world = build_world(make_user)
    return {"workshop": world.respond_url, "call": world.apply_url, "survey": world.survey_url}


def first_visit(open_page, url):
    page = open_page()
    responses = []
    page.on("response", lambda response: responses.append(response))
    page.goto(url, wait_until="load")
    return page, page.evaluate(TRANSFER), responses


@pytest.mark.parametrize("form", ["workshop", "call", "survey"])
def test_a_first_visit_to_a_public_form_transfers_under_100_kb(form, public_forms, production_server, open_page):
    page, entries, responses = first_visit(open_page, production_server + public_forms[form])
    total = sum(entry["transfer"] for entry in entries)
    listing = "\n".join(f"{e['transfer']:>8} B on the wire ({e['body']:>7} B) {e['name']}" for e in entries)
    assert total < BUDGET, f"{total} B transferred on a first visit to {page.url}:\n{listing}"
    # What a phone is spared: no HTMX and no Bootstrap JavaScript on a public form.
    loaded = " ".join(entry["name"] for entry in entries)
    assert "htmx" not in loaded and "bootstrap.bundle" not in loaded, listing
    # The style sheets and scripts came compressed, under hashed names a browser may keep for good.
    static = [r for r in responses if urlsplit(r.url).path.startswith("/" + settings.STATIC_URL.lstrip("/"))]
    assert static, listing
    for response in static:
        headers = response.all_headers()
        assert headers.get("content-encoding") in {"gzip", "br"}, (response.url, headers)
        assert "immutable" in headers.get("cache-control", ""), (response.url, headers)


def test_the_survey_still_works_on_the_light_page(public_forms, production_server, open_page):
    """The public page keeps what the form needs: the language menu and sending the answers."""
    page, _entries, _responses = first_visit(open_page, production_server + public_forms["survey"])
    assert page.get_attribute("html", "lang") == "vi"
    with page.expect_navigation():
        page.select_option("#language-select", "en")  # our own script sends the menu when it changes
    assert page.get_attribute("html", "lang") == "en"
    assert "lang=en" in page.url
    page.select_option("select[name=sector]", index=1)
    answer_survey(page)
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    assert "/thanks/" in page.url, page.inner_text("main")
    assert page.get_attribute("html", "lang") == "en"
    assert SurveyResponse.objects.count() == 1
