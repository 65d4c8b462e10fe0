"""One stakeholder form for the registry's inline add and its own page: the city's language, consent as a box."""

import re

import pytest
from django.test import override_settings

from cocreation.models import Stakeholder

from .conftest import STAKEHOLDER, body, csv_file, url

pytestmark = pytest.mark.django_db


def _selected_language(page: str) -> str:
    select = re.search(r'<select name="language"[^>]*>(.*?)</select>', page, re.S).group(1)
    return re.search(r'<option value="([^"]*)"[^>]*selected', select).group(1)


@pytest.mark.parametrize("page_name", ["stakeholders", "stakeholder_add"])
def test_a_can_tho_stakeholder_starts_in_vietnamese_from_either_place(officer, city_a, page_name):
    page = body(officer.get(url(page_name, slug=city_a.slug)))
    assert _selected_language(page) == "vi"


@pytest.mark.parametrize("page_name", ["stakeholders", "stakeholder_add"])
def test_neither_place_asks_staff_to_type_a_consent_version(officer, city_a, page_name):
    page = body(officer.get(url(page_name, slug=city_a.slug)))
    assert 'name="consent_version"' not in page
    assert 'type="checkbox" name="consent"' in page
    assert "The city of Can Tho and the Resilient Cities Network keep your name" in page
    assert len(re.findall(r'id="id_consent"', page)) == 1  # one id per page, also beside the CSV form


@override_settings(COCREATION_CONSENT_VERSION="2027-03")
@pytest.mark.parametrize("page_name", ["stakeholders", "stakeholder_add"])
def test_the_box_records_the_current_version_and_the_time(officer, city_a, page_name):
    assert "(version 2027-03)" in body(officer.get(url(page_name, slug=city_a.slug)))
    fields = STAKEHOLDER | {"consent": "on", "consent_version": "typed-by-staff", "add": "1"}
    response = officer.post(url(page_name, slug=city_a.slug), fields)
    assert response.status_code == 302
    person = Stakeholder.objects.get()
    assert person.consent_version == "2027-03" and person.consent_at is not None


@pytest.mark.parametrize("page_name", ["stakeholders", "stakeholder_add"])
def test_an_unticked_box_records_no_consent(officer, city_a, page_name):
    response = officer.post(url(page_name, slug=city_a.slug), STAKEHOLDER | {"add": "1"})
    assert response.status_code == 302
    person = Stakeholder.objects.get()
    assert person.consent_at is None and person.consent_version == ""


@override_settings(COCREATION_CONSENT_VERSION="2027-03")
@pytest.mark.parametrize("page_name", ["stakeholders", "stakeholder_import"])
def test_the_csv_import_records_the_current_version_and_the_citys_language(officer, city_a, page_name):
    text = "name,email,kind\nLan,lan@example.vn,sme\n"
    fields = {"file": csv_file(text), "consent": "on", "consent_version": "typed", "import": "1"}
    assert officer.post(url(page_name, slug=city_a.slug), fields).status_code == 302
    person = Stakeholder.objects.get()
    assert person.consent_version == "2027-03" and person.language == "vi"


def test_the_csv_import_without_the_box_records_no_consent(officer, city_a):
    fields = {"file": csv_file("name,email,kind\nLan,lan@example.vn,sme\n"), "import": "1"}
    assert officer.post(url("stakeholders", slug=city_a.slug), fields).status_code == 302
    assert Stakeholder.objects.get().consent_at is None
