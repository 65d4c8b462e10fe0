"""Pages of the selected sector: proposed by the city, decided by the program."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ccrs.decorators import object_required
from ccrs.forms import action_done, form_page, form_saved

from .. import forms, selectors, services
from .assessments import _assessment


@_assessment("sectors.propose_selection")
def selection_propose(request, assessment):
    city = assessment.city
    form = forms.SelectionForm(request.POST or None, assessment=assessment)
    if form_saved(
        request,
        form,
        lambda: services.selection_propose(
            assessment=assessment,
            sector=form.cleaned_data["sector"],
            rationale=form.cleaned_data["rationale"],
            user=request.user,
        ),
        success=_("Sector proposed; program staff will review it."),
    ):
        return redirect("sectors:workspace", slug=city.slug)
    return form_page(request, "sectors/selection_form.html", form, {"city": city, "assessment": assessment})


@require_POST
@object_required(
    selectors.selection_get,
    kwarg="selection_id",
    also=("slug",),
    perm="sectors.decide_selection",
    target=lambda selection: selection.assessment.city,
)
def selection_decide(request, selection):
    city = selection.assessment.city
    form = forms.DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a decision."))
        return redirect("sectors:workspace", slug=city.slug)
    comment = form.cleaned_data["comment"]
    if form.cleaned_data["decision"] == "approve":
        action_done(
            request,
            lambda: services.selection_approve(selection=selection, user=request.user, comment=comment),
            success=_("“%(name)s” is the selected sector; its values are now the baselines.")
            % {"name": selection.sector.local_name},
        )
    else:
        action_done(
            request,
            lambda: services.selection_reject(selection=selection, user=request.user, comment=comment),
            success=_("The proposal was sent back to the city."),
        )
    return redirect("sectors:workspace", slug=city.slug)
