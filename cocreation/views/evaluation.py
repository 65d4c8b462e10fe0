"""Pages of the panel evaluation, of a process's shortlist or of a call's proposals: criteria, declarations,
score sheets and the results an evaluator may see."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ccrs.decorators import object_required, require
from ccrs.forms import form_action, form_page, form_saved

from .. import selectors, services
from ..forms import ConflictForm, CriterionForm, ScoreSheetForm
from ..models import IdeaStatus
from ..rules import abilities
from .common import error_text

MANAGE = "cocreation.manage_process"
EVALUATE = "cocreation.evaluate"


def _evaluation_url(process, call):
    if call is not None:
        return reverse("cocreation:call_evaluation", kwargs={"pk": call.pk})
    return reverse("cocreation:process_evaluation", kwargs={"pk": process.pk})


# --- the panel page -------------------------------------------------------------------------------


def _evaluation(request, process, call):
    """The panel: weighted criteria, the evaluator's declaration and score sheets, and the results
    an evaluator may see (only items they have scored themselves, until the evaluation is over)."""
    city = process.city
    can = abilities(request.user, city)
    panel = selectors.evaluation_seen_by(
        user=request.user, process=process, call=call, can_evaluate=can["can_evaluate"]
    )
    declaration = panel["declaration"]
    return render(
        request,
        "cocreation/evaluation.html",
        {
            "process": process,
            "call": call,
            "city": city,
            "items": selectors.evaluation_items(process=process, call=call),
            "panel": panel,
            **can,
            "criterion_form": CriterionForm(),
            "conflict_form": ConflictForm(
                initial={"has_conflict": "yes" if declaration and declaration.has_conflict else "no"}
                | ({"details": declaration.details} if declaration else {})
            ),
            "score_kind": "proposal" if call else "idea",
        },
    )


@object_required(selectors.process_get)
def process_evaluation(request, process):
    return _evaluation(request, process, None)


@object_required(selectors.call_get)
def call_evaluation(request, call):
    return _evaluation(request, call.process, call)


# --- criteria and declarations --------------------------------------------------------------------


def _criterion_add(request, process, call):
    form_action(
        request,
        CriterionForm(request.POST),
        lambda data: services.criterion_add(process=process, call=call, **data),
        invalid=_("Give the criterion a name and a weight above 0."),
        success=_("The criterion was added."),
    )
    return redirect(_evaluation_url(process, call))


@require_POST
@object_required(selectors.process_get, perm=MANAGE, target=lambda process: process.city)
def process_criterion_add(request, process):
    return _criterion_add(request, process, None)


@require_POST
@object_required(selectors.call_get, perm=MANAGE, target=lambda call: call.process.city)
def call_criterion_add(request, call):
    return _criterion_add(request, call.process, call)


@require_POST
@object_required(selectors.criterion_get, perm=MANAGE, target=lambda criterion: criterion.process.city)
def criterion_edit(request, criterion):
    """Change a criterion's name and weight, or remove it, before scoring starts."""
    form = CriterionForm(request.POST)
    try:
        if request.POST.get("action") == "remove":
            services.criterion_remove(criterion=criterion)
            messages.success(request, _("The criterion was removed."))
        elif form.is_valid():
            services.criterion_update(criterion=criterion, **form.cleaned_data)
            messages.success(request, _("The criterion was saved."))
        else:
            messages.error(request, _("Give the criterion a name and a weight above 0."))
    except ValidationError as error:
        messages.error(request, error_text(error))
    return redirect(_evaluation_url(criterion.process, criterion.call))


def _conflict_declare(request, process, call):
    form = ConflictForm(request.POST)
    form_action(
        request,
        form,
        lambda data: services.conflict_declare(process=process, call=call, evaluator=request.user, **data),
        invalid=" ".join(str(e) for errors in form.errors.values() for e in errors),
        success=_("Your declaration is recorded."),
    )
    return redirect(_evaluation_url(process, call))


@require_POST
@object_required(selectors.process_get, perm=EVALUATE, target=lambda process: process.city)
def process_conflict_declare(request, process):
    return _conflict_declare(request, process, None)


@require_POST
@object_required(selectors.call_get, perm=EVALUATE, target=lambda call: call.process.city)
def call_conflict_declare(request, call):
    return _conflict_declare(request, call.process, call)


# --- score sheets ---------------------------------------------------------------------------------


def _score_sheet(request, *, process, call, idea=None, proposal=None):
    """One evaluator's score sheet for one shortlisted idea or proposal: a score and a comment per criterion."""
    city = process.city
    panel = selectors.evaluation_seen_by(user=request.user, process=process, call=call, can_evaluate=True)
    criteria = panel["criteria"]
    item = proposal or idea
    form = ScoreSheetForm(request.POST or None, criteria=criteria)

    def save():
        values, comments = form.values()
        services.score_sheet_submit(
            evaluator=request.user, idea=idea, proposal=proposal, values=values, comments=comments
        )

    if form_saved(request, form, save, success=_("Your scores are submitted.")):
        return redirect(_evaluation_url(process, call))
    return form_page(
        request,
        "cocreation/score_sheet.html",
        form,
        {
            "process": process,
            "call": call,
            "city": city,
            "item": item,
            "idea": idea,
            "proposal": proposal,
            "documents": selectors.proposal_documents(proposal=proposal) if proposal else [],
            "panel": panel,
            "submitted": item.pk in panel["complete"],
            "my_sheet": [(c.name, panel["my_scores"].get(item.pk, {}).get(c.pk)) for c in criteria],
            "evaluation_url": _evaluation_url(process, call),
        },
    )


@object_required(selectors.idea_get)
def idea_score(request, idea):
    if idea.status not in (IdeaStatus.SHORTLISTED, IdeaStatus.SELECTED):
        raise Http404(_("Only shortlisted ideas are scored."))
    process = idea.workshop.process
    require(request.user, EVALUATE, process.city)
    return _score_sheet(request, process=process, call=None, idea=idea)


@object_required(selectors.proposal_get, perm=EVALUATE, target=lambda proposal: proposal.call.process.city)
def proposal_score(request, proposal):
    return _score_sheet(request, process=proposal.call.process, call=proposal.call, proposal=proposal)
