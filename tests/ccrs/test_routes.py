"""ccrs.routes.route names a path after its view, and refuses a view that has no name of its own."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from ccrs import views
from ccrs.routes import route
from cocreation.views import calls


def test_a_path_is_named_after_its_view():
    assert route("program/", views.program_dashboard).name == "program_dashboard"


@pytest.mark.parametrize("view", [views.invitation_accept, calls.proposal_award], ids=["link_page", "object_action"])
def test_a_view_made_by_a_factory_must_be_named_by_hand(view):
    """Their functions are the factory's inner ones (every such view would be named "view" or "<lambda>")."""
    with pytest.raises(ImproperlyConfigured, match="no name of its own"):
        route("somewhere/", view)
