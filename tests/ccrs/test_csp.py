"""Every page carries a Content-Security-Policy that forbids inline scripts, and no template needs one."""

import re
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
TEMPLATES = sorted(
    path for folder in [ROOT / "templates", *ROOT.glob("*/templates")] for path in folder.rglob("*.html")
)


def directives(header):
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


@pytest.mark.parametrize("path", ["/accounts/login/", "/healthz", "/no-such-page/"])
def test_every_response_has_the_policy(client, db, path):
    policy = directives(client.get(path)["Content-Security-Policy"])
    assert policy["script-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"] and policy["frame-ancestors"] == ["'none'"]
    assert policy["form-action"] == ["'self'"] and policy["base-uri"] == ["'self'"]


def test_signed_in_pages_have_it_too(member_a, client_for):
    response = client_for(member_a).get("/cities/")
    assert "script-src 'self'" in response["Content-Security-Policy"]


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_template_has_an_inline_script_or_handler(path):
    """An inline script or an on…= handler would be refused by the browser: scripts live in static files. A JSON
    data block (`<script type="application/ld+json">`, schema.org for search engines) is never run, so it is allowed;
    any other inline <script> is not."""
    text = path.read_text()
    assert not re.search(r'<script(?![^>]*\bsrc=)(?![^>]*\btype="application/(?:ld\+)?json")[^>]*>', text), (
        "inline <script>"
    )
    assert not re.search(r"\son[a-z]+\s*=\s*[\"']", text), "inline event handler"
    assert "javascript:" not in text
