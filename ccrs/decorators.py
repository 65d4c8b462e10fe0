"""View decorators: sign in first, then the rules permission; one object check for every view.

`permission_required` checks a permission that needs no object (staff pages, lists). `object_required`
loads the URL's object through the app's selector, which returns nothing the user may not see, and
answers 404 with one message then; with a permission it answers 403 to a person who may see the
object but not do this to it. `require` is the same 403 check for a view that decides what to do
after loading (an action chosen by a button), so that no view calls `has_perm` itself. `object_action` is
the whole view of a button that changes one object: load and check, call the service, say how it went, go back.
"""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from .forms import action_done

NOT_OPEN = _("Nothing at this address is open to you.")


def permission_required(perm: str):
    """Anonymous visitors go to the sign-in page; signed-in people without `perm` get 403."""

    def decorator(view):
        @wraps(view)
        @login_required
        def wrapped(request, *args, **kwargs):
            if not request.user.has_perm(perm):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def require(user, perm: str, obj=None) -> None:
    """403 unless the user holds `perm` (on `obj`, e.g. the object's city, when given)."""
    if not user.has_perm(perm, obj):
        raise PermissionDenied


def object_required(
    load: Callable,
    *,
    kwarg: str = "pk",
    lookup: str | None = None,
    name: str | None = None,
    perm: str | None = None,
    target: Callable | None = None,
    also: tuple[str, ...] = (),
):
    """Sign in, load the URL's object with `load(user=..., <lookup>=<URL value>)`, check `perm`, pass it on.

    `load` is a selector that returns None for an object the user may not see (or that does not
    exist): 404 with one message. `perm`, when given, is checked against `target(obj)` (default: the
    object itself; e.g. `lambda pilot: pilot.city`): 403 when refused. The view receives the object
    instead of the URL value, as the keyword `name` (default: the name of the view's second
    parameter, e.g. `def pilot_edit(request, pilot)`). `also` names further URL values passed to `load`
    under their own names, for an object nested in another (e.g. a step of the city in the URL's slug).
    """
    lookup = lookup or kwarg

    def decorator(view):
        argument = name or view.__code__.co_varnames[1]

        @wraps(view)
        @login_required
        def wrapped(request, *args, **kwargs):
            value = kwargs.pop(kwarg)
            scope = {key: kwargs.pop(key) for key in also}
            obj = load(user=request.user, **{lookup: value}, **scope)
            if obj is None:
                raise Http404(NOT_OPEN)
            if perm is not None:
                require(request.user, perm, target(obj) if target else obj)
            return view(request, *args, **{argument: obj}, **kwargs)

        return wrapped

    return decorator


def object_action(load: Callable, *, act: Callable, back: Callable, success=None, **check):
    """The view of a button that changes one object (POST only): the object loaded and checked as
    `object_required(load, **check)` does, `act(request, obj)` run (the service call: its refusal is shown as
    one error message, otherwise `success`, a text or a function of the object and what the service returned),
    then back to `back(obj)` (an address, or an object with its own)."""

    @require_POST
    @object_required(load, name="obj", **check)
    def view(request, obj):
        said = (lambda result: success(obj, result)) if callable(success) else success
        action_done(request, lambda: act(request, obj), success=said)
        return redirect(back(obj))

    return view
