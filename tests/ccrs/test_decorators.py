"""The one object check of every view: 404 for what a person may not see, 403 for what they may not do."""

import pytest
from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.test import RequestFactory

from ccrs.decorators import NOT_OPEN, object_required, require
from ccrs.forms import add_service_errors
from cities import selectors as city_selectors


@object_required(city_selectors.city_get, kwarg="slug", perm="cities.manage_team")
def team_view(request, city):
    return HttpResponse(city.name)


@object_required(city_selectors.city_get, kwarg="slug")
def city_view(request, city):
    return HttpResponse(city.name)


def call(view, user, **kwargs):
    request = RequestFactory().get("/")
    request.user = user
    return view(request, **kwargs)


def test_a_city_of_ones_own_is_loaded_and_passed(member_a, city_a):
    assert call(city_view, member_a, slug=city_a.slug).content.decode() == "Can Tho"


def test_another_citys_object_is_not_found_whatever_is_typed(member_b, city_a):
    """A Da Nang officer asking for Can Tho gets the same 404 as for an address that does not exist."""
    with pytest.raises(Http404) as refused:
        call(city_view, member_b, slug=city_a.slug)
    with pytest.raises(Http404) as missing:
        call(city_view, member_b, slug="no-such-city")
    assert str(refused.value) == str(missing.value) == str(NOT_OPEN)


def test_seeing_is_not_acting(member_a, lead_a, city_a):
    """An officer may see the city but not manage its team (403); its lead may."""
    with pytest.raises(PermissionDenied):
        call(team_view, member_a, slug=city_a.slug)
    assert call(team_view, lead_a, slug=city_a.slug).status_code == 200


def test_anonymous_visitors_are_sent_to_sign_in(city_a):
    from django.contrib.auth.models import AnonymousUser

    response = call(city_view, AnonymousUser(), slug=city_a.slug)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_require_refuses_without_the_permission(member_a, lead_a, city_a):
    with pytest.raises(PermissionDenied):
        require(member_a, "cities.manage_team", city_a)
    require(lead_a, "cities.manage_team", city_a)


class NameForm(forms.Form):
    name = forms.CharField()


def test_service_errors_land_on_their_fields():
    form = NameForm({"name": "x"})
    form.is_valid()
    add_service_errors(form, ValidationError({"name": "Too short.", "elsewhere": "Not a field here."}))
    assert form.errors["name"] == ["Too short."] and form.non_field_errors() == ["Not a field here."]
    other = NameForm({"name": "x"})
    other.is_valid()
    add_service_errors(other, ValidationError("Refused."))
    assert other.non_field_errors() == ["Refused."]


def step_get(*, user, slug, step_id):
    city = city_selectors.city_get(user=user, slug=slug)
    return None if city is None else f"{city.name}/{step_id}"


@object_required(step_get, kwarg="step_id", also=("slug",))
def step_view(request, step):
    return HttpResponse(step)


def test_a_nested_object_is_loaded_with_the_further_url_values(member_a, member_b, city_a):
    """`also` hands the city's slug to the selector too; the view gets only the object."""
    assert call(step_view, member_a, slug=city_a.slug, step_id=3).content.decode() == "Can Tho/3"
    with pytest.raises(Http404):
        call(step_view, member_b, slug=city_a.slug, step_id=3)
