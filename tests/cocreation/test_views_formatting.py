"""Co-creation pages write amounts, dates and counts as the reader's language does."""

from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from cocreation import services
from cocreation.models import Call

from .conftest import url

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("language", "budget"),
    [("vi", f"500.000.000{NBSP}₫"), ("en", "₫500,000,000"), ("id", "₫500.000.000")],
)
def test_call_budget_is_written_as_the_readers_language_writes_money(client_for, member_a, call_a, language, budget):
    """The call page showed "500000000.00 VND" in every language."""
    body = client_for(member_a, HTTP_ACCEPT_LANGUAGE=language).get(url("call", pk=call_a.pk)).content.decode()
    assert budget in body and "500000000" not in body


def test_sme_sees_an_indonesian_budget_in_rupiah_without_decimals(client, call_a, call_link):
    """The public proposal form of an IDR call: "Rp900.000.000", never "900000000.00 IDR"."""
    Call.objects.filter(pk=call_a.pk).update(budget="900000000.00", currency="IDR")
    _invitation, link = call_link
    body = client.get(link + "?lang=id").content.decode()
    assert "Rp900.000.000" in body and "900000000" not in body


def test_call_deadline_uses_the_languages_one_date_style(client_for, member_a, call_a):
    """Vietnamese pages write dates one way ("… tháng 7, 2026"), not "2026-07-01" beside "Ngày 01 tháng 7 năm 2026";
    the deadline in the city's time, as its label says."""
    body = client_for(member_a, HTTP_ACCEPT_LANGUAGE="vi").get(url("call", pk=call_a.pk)).content.decode()
    local = call_a.deadline.astimezone(ZoneInfo(call_a.process.city.time_zone))
    assert f"{local:%H:%M}, {local.day} tháng {local.month}, {local.year}" in body
    assert "Ngày " not in body and f"{local:%Y-%m-%d}" not in body


def test_process_list_counts_workshops_and_calls_in_singular_and_plural(officer, city_a, process_a, workshop_a, call_a):
    """ "1 workshop · 1 call", not "1 workshops · 1 calls"; a second workshop makes "2 workshops"."""
    listing = officer.get(url("processes", slug=city_a.slug)).content.decode()
    assert "1 workshop · 1 call" in listing
    services.workshop_schedule(
        process=process_a,
        title="Second",
        kind="ideation",
        starts_at=workshop_a.starts_at,
        ends_at=workshop_a.ends_at,
        input_closes_at=workshop_a.input_closes_at,
    )
    listing = officer.get(url("processes", slug=city_a.slug)).content.decode()
    assert "2 workshops · 1 call" in listing


def test_program_dashboard_counts_the_stakeholder_registry(client_for, staff, stakeholder_a, sme_b):
    """The "stakeholders" tile showed user accounts (1) while the registry held more: it counts the registry."""
    body = client_for(staff, HTTP_ACCEPT_LANGUAGE="en").get(reverse("program_dashboard")).content.decode()
    assert '<div class="display-6">2</div><div class="text-muted">stakeholders</div>' in body
    sme_b.delete()
    body = client_for(staff, HTTP_ACCEPT_LANGUAGE="en").get(reverse("program_dashboard")).content.decode()
    assert '<div class="display-6">1</div><div class="text-muted">stakeholder</div>' in body
