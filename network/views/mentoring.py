"""Pages of mentoring: the pairs a person may see, staff pairing (with each mentor's load), a pair's page
with its sessions and actions, and the forms that log a session, agree an action and mark it done."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ccrs.decorators import object_required, permission_required
from ccrs.forms import form_saved

from ..forms.mentoring import ActionForm, PairForm, SessionForm
from ..rules import mentoring_abilities
from ..selectors import mentoring as selectors
from ..services import mentoring as services


@permission_required("network.view_mentoring")
def pair_list(request):
    return render(
        request,
        "network/mentoring/pair_list.html",
        {"pairs": selectors.pair_list(user=request.user), **mentoring_abilities(request.user, None)},
    )


@permission_required("network.create_pair")
def pair_create(request):
    """Staff pair a mentor with a city's team or an SME, seeing how many pairs each mentor has."""
    form = PairForm(request.POST or None)
    saved = form_saved(
        request,
        form,
        lambda: services.pair_create(created_by=request.user, **form.cleaned_data),
        success=_("The mentoring pair is made."),
    )
    if saved:
        return redirect(saved.result.get_absolute_url())
    return render(
        request,
        "network/mentoring/pair_form.html",
        {"form": form, "mentors": selectors.mentor_load()},
        status=400 if form.errors else 200,
    )


def _pair_page(request, pair, *, session_form=None, action_form=None, status=200):
    abilities = mentoring_abilities(request.user, pair)
    people = selectors.pair_people(pair=pair) if abilities["can_log"] else []
    return render(
        request,
        "network/mentoring/pair_detail.html",
        {
            "pair": pair,
            "session_form": session_form or SessionForm(),
            "action_form": action_form or ActionForm(people=people),
            **abilities,
        },
        status=status,
    )


@permission_required("network.view_mentoring")
@object_required(selectors.pair_get, perm="network.view_pair")
def pair_detail(request, pair):
    return _pair_page(request, pair)


@require_POST
@permission_required("network.view_mentoring")
@object_required(selectors.pair_get, perm="network.log_mentoring")
def session_log(request, pair):
    form = SessionForm(request.POST)
    saved = form_saved(
        request,
        form,
        lambda: services.session_log(pair=pair, logged_by=request.user, **form.cleaned_data),
        success=_("The session is logged."),
    )
    if saved:
        return redirect(pair.get_absolute_url())
    return _pair_page(request, pair, session_form=form, status=400)


@require_POST
@permission_required("network.view_mentoring")
@object_required(selectors.pair_get, perm="network.log_mentoring")
def action_add(request, pair):
    form = ActionForm(request.POST, people=selectors.pair_people(pair=pair))
    saved = form_saved(
        request,
        form,
        lambda: services.action_add(pair=pair, **form.cleaned_data),
        success=_("The action is agreed."),
    )
    if saved:
        return redirect(pair.get_absolute_url())
    return _pair_page(request, pair, action_form=form, status=400)


@require_POST
@permission_required("network.view_mentoring")
@object_required(selectors.action_get, perm="network.log_mentoring", target=lambda action: action.pair)
def action_complete(request, action):
    try:
        services.action_complete(action=action, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The action is marked done."))
    return redirect(action.pair.get_absolute_url())
