"""The project's own middleware: staff two-factor enrolment, input without NUL characters, and the cache
generations read once per request.

Program staff must enrol two-factor authentication where the deployment requires it. Until they
have, a signed-in staff account reaches only the page that says where its enrolment link went, and
allauth's enrolment pages once that link was opened: not the admin, not the password or address
pages (a stolen password must not be enough to change either, or to enrol another device).
"""

from django.shortcuts import redirect
from django.urls import reverse

from . import generations
from .services import staff_enrolment_needed

OPEN_PREFIXES = ("/static/", "/language/", "/healthz", "/staff/enrol/", "/accounts/logout/")
# allauth's pages that enrol the authenticator: open only once the e-mailed enrolment link was opened.
ENROLMENT_PREFIXES = ("/accounts/2fa/", "/accounts/reauthenticate/")
ENROLMENT_SESSION_KEY = "ccrs_staff_enrolment"


class StaffTwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and not request.path.startswith(OPEN_PREFIXES)
            and not (
                request.path.startswith(ENROLMENT_PREFIXES) and request.session.get(ENROLMENT_SESSION_KEY) == user.pk
            )
            and staff_enrolment_needed(user=user)
        ):
            return redirect(reverse("staff_enrolment"))
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


class GenerationsMiddleware:
    """Each cache generation read once per request (ccrs.generations.one_reading)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with generations.one_reading():
            return self.get_response(request)
