"""Every page the permission matrix opens to program staff or to a city team fits a 360-px phone.

The world is the matrix's own (tests/test_permission_matrix.py), its process with all five phases
planned (the longest labels a timeline shows); one browser context signs in as each persona in turn
by its session cookie, staff reading English and the city team Vietnamese. Django's admin is not
walked: it is Django's own.
"""

from datetime import date

import pytest
from django.test import Client

from cocreation import services
from cocreation.models import PHASE_ORDER, Process
from tests import test_permission_matrix as matrix
from tests.permissions import OK

world = matrix.world  # the matrix's objects, all of city A

PERSONAS = {"staff": "en", "member_a": "vi"}  # program staff, and an officer of city A's team


def plan_every_phase(process):
    for month, kind in enumerate(PHASE_ORDER, start=7):
        services.phase_schedule(process=process, kind=kind, starts_on=date(2026, month, 15), ends_on=date(2026, 11, 30))


def pages_for(world, persona):
    """The GET pages the matrix answers with 200 for the persona, by URL name."""
    for name, rule in matrix.declared_rules(world):
        if name == "admin" or name.startswith("admin:") or rule.method != "get":
            continue
        if rule.outcomes[persona] == OK:
            yield name, matrix.url_of(world, name, rule)


def session_cookie(user, base_url):
    client = Client()
    client.force_login(user, backend="allauth.account.auth_backends.AuthenticationBackend")
    cookie = client.cookies["sessionid"]
    return {"name": "sessionid", "value": cookie.value, "url": base_url}


@pytest.mark.browser
def test_staff_and_city_team_pages_fit_a_phone(world, open_page, live_server, axe_check):
    for process in Process.objects.all():
        plan_every_phase(process)
    axe_check.once_per_path = True  # axe-core checks each page once, as staff: the city team sees the same page
    page = open_page()
    too_wide, opened = [], 0
    for persona, language in PERSONAS.items():
        page.set_extra_http_headers({"Accept-Language": language})
        page.context.clear_cookies()
        page.context.add_cookies([session_cookie(world["users"][persona], live_server.url)])
        for name, url in pages_for(world, persona):
            kind = page.request.head(url).headers.get("content-type", "")
            if not kind.startswith("text/html"):  # a file download (CSV, XLSX, PDF) is no page to measure
                continue
            page.goto(url)
            opened += 1
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > 360:
                too_wide.append(f"{persona} {name} {url}: {width}px")
    print(f"{opened} pages at 360 px; axe-core checked {axe_check.pages_checked} in {axe_check.seconds:.1f} s")
    assert opened > 50, f"only {opened} pages opened: the matrix's sets came out empty?"
    assert not too_wide, "wider than a 360-px phone:\n" + "\n".join(too_wide)
