"""The city pages write numbers, money, countries, languages and counts as the reader's language does."""

from decimal import Decimal

import pytest
from django.urls import reverse

from ccrs.models import CityRole
from tests.cities.factories import MembershipFactory

NBSP = "\u00a0"


def page(client_for, user, name, city, language) -> str:
    url = reverse(f"cities:{name}", kwargs={"slug": city.slug})
    return client_for(user, HTTP_ACCEPT_LANGUAGE=language).get(url).content.decode()


@pytest.mark.parametrize(
    ("language", "population", "gdp", "country", "languages"),
    [
        ("vi", "1.240.000", f"2.300.000.000.000{NBSP}₫", "Việt Nam", "Tiếng Việt, Tiếng Anh"),
        ("id", "1.240.000", "₫2.300.000.000.000", "Vietnam", "Vietnam, Inggris"),
        ("en", "1,240,000", "₫2,300,000,000,000", "Vietnam", "Vietnamese, English"),
        ("th", "1,240,000", "₫2,300,000,000,000", "เวียดนาม", "เวียดนาม, อังกฤษ"),
    ],
)
def test_city_profile_writes_figures_country_and_languages_in_the_readers_language(
    client_for, member_a, city_a, language, population, gdp, country, languages
):
    """Vietnamese readers saw "1240000" and "vi, en"; every language now groups, names the country and languages."""
    city_a.gdp, city_a.currency, city_a.languages = Decimal("2300000000000.00"), "VND", ["vi", "en"]
    city_a.save(update_fields=["gdp", "currency", "languages"])
    body = page(client_for, member_a, "profile", city_a, language)
    assert population in body and "1240000" not in body
    assert gdp in body and "2300000000000" not in body
    assert f">{country}<" in body
    assert f">{languages}<" in body


def test_city_dashboard_counts_team_roles_in_singular_and_plural(client_for, member_a, city_a):
    """One officer is "1 officer", not "1 officers"; two are "2 officers"."""
    body = page(client_for, member_a, "dashboard", city_a, "en")
    assert "0 leads · 1 officer · 0 viewers" in body
    MembershipFactory(city=city_a, role=CityRole.OFFICER)
    MembershipFactory(city=city_a, role=CityRole.LEAD)
    body = page(client_for, member_a, "dashboard", city_a, "en")
    assert "1 lead · 2 officers · 0 viewers" in body
