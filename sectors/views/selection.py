"""Pages of the selected sector: proposed by the city, decided by the program."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ccrs.decorators import object_required

from .. import forms, selectors, services
from .assessments import _assessment, _errors


@_assessment("sectors.propose_selection")
def selection_propose(request, assessment):
    city = assessment.city
    form = forms.SelectionForm(request.POST or None, assessment=assessment)
    if request.method == "POST" and form.is_valid():
        try:
            services.selection_propose(
                assessment=assessment,
                sector=form.cleaned_data["sector"],
                rationale=form.cleaned_data["rationale"],
                user=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Sector proposed; program staff will review it."))
            return redirect("sectors:workspace", slug=city.slug)
    return render(
        request,
        "sectors/selection_form.html",
        {"city": city, "assessment": assessment, "form": form},
        status=400 if form.errors else 200,
    )


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
    try:
        if form.cleaned_data["decision"] == "approve":
            services.selection_approve(selection=selection, user=request.user, comment=form.cleaned_data["comment"])
            messages.success(
                request,
                _("“%(name)s” is the selected sector; its values are now the baselines.")
                % {"name": selection.sector.local_name},
            )
        else:
            services.selection_reject(selection=selection, user=request.user, comment=form.cleaned_data["comment"])
            messages.success(request, _("The proposal was sent back to the city."))
    except ValidationError as error:
        _errors(request, error)
    return redirect("sectors:workspace", slug=city.slug)
