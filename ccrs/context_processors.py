"""Navigation that follows the user's roles, built only when a template uses it."""

import rules
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

from . import panels
from .rules import is_program_staff, is_stakeholder
from .selectors import memberships_of


def _nav_items(request):
    user = request.user
    if not user.is_authenticated:
        return []
    items = []
    if is_program_staff(user):
        items.append((_("Program"), reverse("program_dashboard")))
        items.append((_("Cities"), reverse("cities:list")))
    else:
        memberships = memberships_of(user=user)
        if len(memberships) == 1:
            items.append((memberships[0].city.name, memberships[0].city.get_absolute_url()))
        elif memberships:
            items.append((_("My cities"), reverse("cities:list")))
    items.extend(panels.nav_items(user=user))
    if is_stakeholder(user) or not items:
        items.append((_("My invitations"), reverse("invitations")))
    if rules.has_perm("network.view_network", user):  # the rule alone: Django's backend would query
        items.append((_("Network"), reverse("network:home")))
    if is_program_staff(user):
        items.append((_("Admin"), reverse("admin:index")))
    path = request.path
    return [{"label": label, "url": url, "active": path.startswith(url)} for label, url in items]


def navigation(request):
    return {"nav_items": SimpleLazyObject(lambda: _nav_items(request))}
