"""Program staff must enrol two-factor authentication where the deployment requires it."""

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

OPEN_PREFIXES = ("/accounts/", "/static/", "/language/", "/healthz")


class StaffTwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            settings.STAFF_MFA_REQUIRED
            and user is not None
            and user.is_authenticated
            and user.is_staff
            and not request.path.startswith(OPEN_PREFIXES)
            and not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
        ):
            messages.warning(
                request,
                _("Program staff must use two-factor authentication. Set up an authenticator app to continue."),
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)


class NulCharacterMiddleware:
    """Remove NUL characters from the names and values of every query and form field.

    PostgreSQL can neither store nor search for NUL in text, so `?q=%00` would end in a server
    error; nobody means to type it, and without it the request means the same.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.GET = _without_nul(request.GET)
        if request.method == "POST":
            request.POST = _without_nul(request.POST)
        return self.get_response(request)


def _without_nul(query):
    """The QueryDict itself when it holds no NUL; else an immutable copy with every NUL removed."""
    if not any("\x00" in key or any("\x00" in value for value in values) for key, values in query.lists()):
        return query
    clean = query.copy()
    clean.clear()
    for key, values in query.lists():
        clean.setlist(key.replace("\x00", ""), [value.replace("\x00", "") for value in values])
    clean._mutable = False
    return clean
