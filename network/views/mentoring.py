"""Pages of mentoring: the pairs a person may see, staff pairing (with each mentor's load), a pair's page
with its sessions and actions, and the forms that log a session, agree an action and mark it done."""

from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from ccrs.decorators import object_action, object_required, permission_required
from ccrs.forms import form_page, form_saved

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
    return form_page(request, "network/mentoring/pair_form.html", form, {"mentors": selectors.mentor_load()})


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


action_complete = require_POST(
    permission_required("network.view_mentoring")(
        object_action(
            selectors.action_get,
            perm="network.log_mentoring",
            target=lambda action: action.pair,
            act=lambda request, action: services.action_complete(action=action, by=request.user),
            success=gettext_lazy("The action is marked done."),
            back=lambda action: action.pair.get_absolute_url(),
        )
    )
)
