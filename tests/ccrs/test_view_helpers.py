"""The one way a button's view runs a service (ccrs.decorators.object_action, ccrs.forms.action_done) and a
state step locks its row (ccrs.states)."""

import pytest
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.cache import SessionStore
from django.core.exceptions import ValidationError
from django.http import Http404
from django.test import RequestFactory

from ccrs.decorators import object_action
from ccrs.forms import action_done
from ccrs.models import InvitationStatus
from ccrs.states import locked, moved
from cities import selectors as city_selectors


def post(user):
    request = RequestFactory().post("/")
    request.user = user
    request.session = SessionStore()
    request._messages = FallbackStorage(request)
    return request


def said(request):
    return [(message.level_tag, message.message) for message in get_messages(request)]


def refuse():
    raise ValidationError(["Not now.", "Ask the city team."])


def test_a_refused_service_is_one_error_message_and_nothing_said_of_success(staff):
    request = post(staff)
    assert action_done(request, refuse, success="Done.") is None
    assert said(request) == [("error", "Not now. Ask the city team.")]


def test_a_service_that_ran_says_its_success_from_what_it_returned(staff):
    request = post(staff)
    assert action_done(request, lambda: 3, success=lambda n: f"{n} sent.").result == 3
    assert said(request) == [("success", "3 sent.")]


renamed = object_action(
    city_selectors.city_get,
    kwarg="slug",
    perm="cities.manage_team",
    act=lambda request, city: city.name.upper(),
    success=lambda city, shouted: f"{city.slug}: {shouted}",
    back=lambda city: f"/cities/{city.slug}/",
)


def test_a_button_acts_on_its_object_says_so_and_goes_back(lead_a, city_a):
    request = post(lead_a)
    response = renamed(request, slug=city_a.slug)
    assert response.status_code == 302 and response["Location"] == f"/cities/{city_a.slug}/"
    assert said(request) == [("success", f"{city_a.slug}: CAN THO")]


def test_a_button_keeps_the_object_check(member_b, city_a):
    """Another city's object is not found; a GET is not a button press."""
    with pytest.raises(Http404):
        renamed(post(member_b), slug=city_a.slug)
    request = RequestFactory().get("/")
    request.user = member_b
    assert renamed(request, slug=city_a.slug).status_code == 405


def test_a_state_step_refuses_a_row_in_another_state(invitation_a):
    moved(invitation_a, InvitationStatus.REVOKED)
    with pytest.raises(ValidationError, match="Only a pending one"):
        locked(invitation_a, {InvitationStatus.PENDING}, "Only a pending one.")
    invitation_a.refresh_from_db()
    assert invitation_a.status == InvitationStatus.REVOKED


def test_a_state_step_reads_the_row_again(invitation_a):
    """The row is read from the database, not taken from the caller's copy."""
    stale = type(invitation_a).objects.get(pk=invitation_a.pk)
    type(invitation_a).objects.filter(pk=invitation_a.pk).update(status=InvitationStatus.REVOKED)
    assert locked(stale, {InvitationStatus.REVOKED}, "Refused.").status == InvitationStatus.REVOKED
