"""Views of ideas, panel evaluation and calls for SME proposals: facilitators, evaluators, staff, and
the SME's public proposal form behind its personal link."""

import zoneinfo

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from ccrs.inputs import id_from

from . import selectors, services
from .forms import (
    CallForm,
    ClarificationForm,
    ConflictForm,
    CriterionForm,
    IdeaEditForm,
    IdeaForm,
    IdeaMergeForm,
    IdeaTagForm,
    ProposalForm,
    ScoreSheetForm,
)
from .models import CallInvitation, CallStatus, IdeaStatus, Submission
from .views import _workshop_or_404, public_language, rate_limited

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def _must(request, perm, city):
    if not request.user.has_perm(perm, city):
        raise PermissionDenied


def _error_text(error: ValidationError) -> str:
    return " ".join(error.messages)


def _idea_or_404(request, pk):
    idea = selectors.idea_get(user=request.user, pk=pk)
    if idea is None:
        raise Http404(_("No idea with this address is open to you."))
    return idea


def _call_or_404(request, pk):
    call = selectors.call_get(user=request.user, pk=pk)
    if call is None:
        raise Http404(_("No call with this address is open to you."))
    return call


def _city_tz(city):
    return zoneinfo.ZoneInfo(city.time_zone)


# --- ideas ------------------------------------------------------------------------------------------


def _submission_text(workshop, submission, language) -> str:
    questions = list(workshop.questions.all())
    texts = [selectors.answer_text(q, submission.answers.get(str(q.pk)), language) for q in questions]
    return "\n".join(t for t in texts if t)


@login_required
def idea_new(request, pk):
    """A facilitator writes an idea by hand or from one submission's answers (`?submission=<id>`)."""
    workshop = _workshop_or_404(request, pk)
    city = workshop.process.city
    _must(request, "cocreation.manage_process", city)
    submission_id = id_from(request.POST.get("submission") or request.GET.get("submission"))
    submission = Submission.objects.filter(workshop=workshop, pk=submission_id).first() if submission_id else None
    initial = {}
    if submission is not None:
        initial = {"submission": submission.pk, "description": _submission_text(workshop, submission, None)}
    form = IdeaForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.idea_create(
                workshop=workshop,
                title=data["title"],
                description=data["description"],
                cluster=data["cluster"],
                tags=services.tags_from_text(data["tags"]),
                sources=[submission] if submission else [],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The idea was added."))
            return redirect("cocreation:ideas", pk=workshop.pk)
    return render(
        request,
        "cocreation/idea_form.html",
        {"workshop": workshop, "city": city, "form": form, "submission": submission},
        status=400 if form.is_bound and form.errors else 200,
    )


@login_required
def idea_edit(request, pk):
    idea = _idea_or_404(request, pk)
    workshop = idea.workshop
    _must(request, "cocreation.manage_process", workshop.process.city)
    form = IdeaEditForm(request.POST or None, initial={"title": idea.title, "description": idea.description})
    if request.method == "POST" and form.is_valid():
        try:
            services.idea_update(idea=idea, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The idea was saved."))
            return redirect("cocreation:ideas", pk=workshop.pk)
    return render(
        request,
        "cocreation/idea_form.html",
        {"workshop": workshop, "city": workshop.process.city, "form": form, "idea": idea},
        status=400 if form.is_bound and form.errors else 200,
    )


@require_POST
@login_required
def idea_tag(request, pk):
    """Set an idea's cluster and tags; with HTMX only the idea's tag cell is answered."""
    idea = _idea_or_404(request, pk)
    _must(request, "cocreation.manage_process", idea.workshop.process.city)
    form = IdeaTagForm(request.POST)
    error = ""
    if form.is_valid():
        try:
            services.idea_tag(
                idea=idea, cluster=form.cleaned_data["cluster"], tags=services.tags_from_text(form.cleaned_data["tags"])
            )
        except ValidationError as exc:
            error = _error_text(exc)
    else:
        error = " ".join(str(e) for errors in form.errors.values() for e in errors)
    if request.htmx:
        return render(request, "cocreation/partials/idea_tags.html", {"idea": idea, "can_manage": True, "error": error})
    if error:
        messages.error(request, error)
    else:
        messages.success(request, _("The cluster and tags were saved."))
    return redirect("cocreation:ideas", pk=idea.workshop_id)


@require_POST
@login_required
def idea_merge(request, pk):
    """Merge this duplicate into another idea of the workshop."""
    idea = _idea_or_404(request, pk)
    _must(request, "cocreation.manage_process", idea.workshop.process.city)
    others = idea.workshop.ideas.exclude(pk=idea.pk).exclude(status=IdeaStatus.MERGED)
    form = IdeaMergeForm(request.POST, ideas=list(others))
    if not form.is_valid():
        messages.error(request, _("Choose the idea to merge this one into."))
    else:
        try:
            into = services.idea_merge(duplicate=idea, into=others.get(pk=form.cleaned_data["into"]))
        except ValidationError as error:
            messages.error(request, _error_text(error))
        else:
            messages.success(request, _("“%(idea)s” was merged into “%(into)s”.") % {"idea": idea, "into": into})
    return redirect("cocreation:ideas", pk=idea.workshop_id)


@require_POST
@login_required
def idea_shortlist(request, pk):
    idea = _idea_or_404(request, pk)
    _must(request, "cocreation.manage_process", idea.workshop.process.city)
    try:
        services.idea_shortlist(idea=idea)
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, _("“%(idea)s” is on the shortlist.") % {"idea": idea})
    return redirect("cocreation:ideas", pk=idea.workshop_id)


# --- evaluation -------------------------------------------------------------------------------------


def _scope(request, scope, pk):
    """(process, call) of an evaluation: the process's shortlist, or a call's proposals."""
    if scope == "call":
        call = _call_or_404(request, pk)
        return call.process, call
    process = selectors.process_get(user=request.user, pk=pk)
    if process is None:
        raise Http404(_("No process with this address is open to you."))
    return process, None


def _evaluation_url(process, call):
    if call is not None:
        return reverse("cocreation:call_evaluation", kwargs={"pk": call.pk})
    return reverse("cocreation:process_evaluation", kwargs={"pk": process.pk})


@login_required
def evaluation(request, pk, scope):
    """The panel: weighted criteria, the evaluator's declaration and score sheets, and the results
    an evaluator may see (only items they have scored themselves, until the evaluation is over)."""
    process, call = _scope(request, scope, pk)
    city = process.city
    can_evaluate = request.user.has_perm("cocreation.evaluate", city)
    panel = selectors.evaluation_seen_by(user=request.user, process=process, call=call, can_evaluate=can_evaluate)
    items = selectors.evaluation_items(process=process, call=call)
    declaration = panel["declaration"]
    return render(
        request,
        "cocreation/evaluation.html",
        {
            "process": process,
            "call": call,
            "city": city,
            "items": items,
            "panel": panel,
            "can_evaluate": can_evaluate,
            "can_manage": request.user.has_perm("cocreation.manage_process", city),
            "criterion_form": CriterionForm(),
            "conflict_form": ConflictForm(
                initial={"has_conflict": "yes" if declaration and declaration.has_conflict else "no"}
                | ({"details": declaration.details} if declaration else {})
            ),
            "score_kind": "proposal" if call else "idea",
        },
    )


@require_POST
@login_required
def criterion_add(request, pk, scope):
    process, call = _scope(request, scope, pk)
    _must(request, "cocreation.manage_process", process.city)
    form = CriterionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the criterion a name and a weight above 0."))
    else:
        try:
            services.criterion_add(process=process, call=call, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, _error_text(error))
        else:
            messages.success(request, _("The criterion was added."))
    return redirect(_evaluation_url(process, call))


@require_POST
@login_required
def criterion_edit(request, pk):
    """Change a criterion's name and weight, or remove it, before scoring starts."""
    criterion = selectors.criterion_get(user=request.user, pk=pk)
    if criterion is None:
        raise Http404(_("No criterion with this address is open to you."))
    _must(request, "cocreation.manage_process", criterion.process.city)
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
        messages.error(request, _error_text(error))
    return redirect(_evaluation_url(criterion.process, criterion.call))


@require_POST
@login_required
def conflict_declare(request, pk, scope):
    process, call = _scope(request, scope, pk)
    _must(request, "cocreation.evaluate", process.city)
    form = ConflictForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    else:
        try:
            services.conflict_declare(process=process, call=call, evaluator=request.user, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, _error_text(error))
        else:
            messages.success(request, _("Your declaration is recorded."))
    return redirect(_evaluation_url(process, call))


@login_required
def score_sheet(request, pk, kind):
    """One evaluator's score sheet for one shortlisted idea or proposal: a score and a comment per criterion."""
    if kind == "proposal":
        proposal = selectors.proposal_get(user=request.user, pk=pk)
        if proposal is None:
            raise Http404(_("No proposal with this address is open to you."))
        idea, call, process = None, proposal.call, proposal.call.process
    else:
        idea = _idea_or_404(request, pk)
        proposal, call, process = None, None, idea.workshop.process
        if idea.status not in (IdeaStatus.SHORTLISTED, IdeaStatus.SELECTED):
            raise Http404(_("Only shortlisted ideas are scored."))
    city = process.city
    _must(request, "cocreation.evaluate", city)
    panel = selectors.evaluation_seen_by(user=request.user, process=process, call=call, can_evaluate=True)
    criteria = panel["criteria"]
    item = proposal or idea
    submitted = item.pk in panel["complete"]
    form = ScoreSheetForm(request.POST or None, criteria=criteria)
    if request.method == "POST" and form.is_valid():
        values, comments = form.values()
        try:
            services.score_sheet_submit(
                evaluator=request.user, idea=idea, proposal=proposal, values=values, comments=comments
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(request, _("Your scores are submitted."))
            return redirect(_evaluation_url(process, call))
    return render(
        request,
        "cocreation/score_sheet.html",
        {
            "process": process,
            "call": call,
            "city": city,
            "item": item,
            "idea": idea,
            "proposal": proposal,
            "documents": list(proposal.documents.all()) if proposal else [],
            "form": form,
            "panel": panel,
            "submitted": submitted,
            "my_sheet": [(c.name, panel["my_scores"].get(item.pk, {}).get(c.pk)) for c in criteria],
            "evaluation_url": _evaluation_url(process, call),
        },
        status=400 if form.is_bound and form.errors else 200,
    )


# --- calls for SME proposals ------------------------------------------------------------------------


@login_required
def call_detail(request, pk):
    """A call: its terms, Q&A, SME invitations, proposals and the panel's results as the user may see them."""
    call = _call_or_404(request, pk)
    city = call.process.city
    can_manage = request.user.has_perm("cocreation.manage_process", city)
    can_evaluate = request.user.has_perm("cocreation.evaluate", city)
    detail = selectors.call_detail(call=call, user=request.user, can_evaluate=can_evaluate)
    return render(
        request,
        "cocreation/call_detail.html",
        {
            "call": call,
            "city": city,
            "deadline_local": timezone.localtime(call.deadline, _city_tz(city)),
            "can_manage": can_manage,
            "can_award": request.user.has_perm("cocreation.award_call", city),
            "clarification_form": ClarificationForm(),
            **detail,
            **(selectors.call_invitations(call=call) if can_manage else {}),
        },
    )


def _call_form(request, process, call=None):
    city = process.city
    ideas = list(selectors.shortlisted_ideas(process=process))
    initial = {}
    if call is not None:
        initial = {
            "idea": call.idea_id,
            "title": call.title,
            "description": call.description,
            "max_employees": call.max_employees,
            "registered_in_city": call.registered_in_city,
            "required_documents": "\n".join(call.required_documents or []),
            "budget": call.budget,
            "currency": call.currency,
            "deadline": timezone.localtime(call.deadline, _city_tz(city)).replace(tzinfo=None),
        }
    elif idea_id := id_from(request.GET.get("idea")):
        initial = {"idea": idea_id}
    return CallForm(request.POST or None, ideas=ideas, time_zone=city.time_zone, initial=initial)


@login_required
def call_new(request, pk):
    """Draft a call for SME proposals from a shortlisted idea (the chosen solution)."""
    process = selectors.process_get(user=request.user, pk=pk)
    if process is None:
        raise Http404(_("No process with this address is open to you."))
    _must(request, "cocreation.manage_process", process.city)
    form = _call_form(request, process)
    if request.method == "POST" and form.is_valid():
        try:
            call = services.call_create(process=process, **form.call_fields())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The call is drafted. Open it when it is ready."))
            return redirect("cocreation:call", pk=call.pk)
    return render(
        request,
        "cocreation/call_form.html",
        {"process": process, "city": process.city, "form": form},
        status=400 if form.is_bound and form.errors else 200,
    )


@login_required
def call_edit(request, pk):
    call = _call_or_404(request, pk)
    process = call.process
    _must(request, "cocreation.manage_process", process.city)
    form = _call_form(request, process, call)
    if request.method == "POST" and form.is_valid():
        try:
            services.call_update(call=call, **form.call_fields())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The call was saved."))
            return redirect("cocreation:call", pk=call.pk)
    return render(
        request,
        "cocreation/call_form.html",
        {"process": process, "city": process.city, "form": form, "call": call},
        status=400 if form.is_bound and form.errors else 200,
    )


@require_POST
@login_required
def call_open(request, pk):
    call = _call_or_404(request, pk)
    _must(request, "cocreation.manage_process", call.process.city)
    try:
        services.call_open(call=call)
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, _("The call is open for proposals."))
    return redirect("cocreation:call", pk=call.pk)


@require_POST
@login_required
def call_close(request, pk):
    call = _call_or_404(request, pk)
    _must(request, "cocreation.manage_process", call.process.city)
    try:
        services.call_close(call=call)
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, _("The call is closed for proposals."))
    return redirect("cocreation:call", pk=call.pk)


@require_POST
@login_required
def clarification_publish(request, pk):
    """Publish a question about the call with its answer, read by every SME on its link."""
    call = _call_or_404(request, pk)
    _must(request, "cocreation.manage_process", call.process.city)
    form = ClarificationForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("A published clarification needs both the question and its answer."))
    else:
        try:
            services.clarification_publish(call=call, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, _error_text(error))
        else:
            messages.success(request, _("The clarification is published."))
    return redirect(reverse("cocreation:call", kwargs={"pk": call.pk}) + "#clarifications")


@require_POST
@login_required
def call_invite(request, pk):
    """Invite the ticked SMEs of the city's registry, or (without a selection) every SME not yet invited;
    the links go out by e-mail once the call is open."""
    call = _call_or_404(request, pk)
    _must(request, "cocreation.manage_process", call.process.city)
    smes = selectors.uninvited_smes(call=call)
    back = redirect(reverse("cocreation:call", kwargs={"pk": call.pk}) + "#invitations")
    if "selected" in request.POST:
        picked = {id_from(value) for value in request.POST.getlist("stakeholder")}
        if not picked:
            messages.error(request, _("Tick at least one SME to invite."))
            return back
        smes = list(smes.filter(pk__in=picked))
        if len(smes) != len(picked):
            messages.error(
                request,
                _("Some ticked SMEs are no longer waiting for a link to this call. Reload the page and try again."),
            )
            return back
    try:
        result = services.call_invitations_bulk_create(call=call, stakeholders=smes)
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        if call.status == CallStatus.OPEN:
            messages.success(request, _("%(created)s SMEs invited; their links are being sent.") % result)
        else:
            messages.success(request, _("%(created)s SMEs invited; their links are sent when the call opens.") % result)
    return back


@require_POST
@login_required
def call_invitation_revoke(request, pk):
    invitation = CallInvitation.objects.filter(pk=pk).first()
    call = invitation and selectors.call_get(user=request.user, pk=invitation.call_id)
    if call is None:
        raise Http404(_("No invitation with this address is open to you."))
    _must(request, "cocreation.manage_process", call.process.city)
    try:
        services.call_invitation_revoke(invitation=invitation)
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, _("The invitation was withdrawn; its link no longer works."))
    return redirect(reverse("cocreation:call", kwargs={"pk": call.pk}) + "#invitations")


@require_POST
@login_required
def proposal_award(request, pk):
    """Program staff award the call to a proposal; the SME is told by e-mail."""
    proposal = selectors.proposal_get(user=request.user, pk=pk)
    if proposal is None:
        raise Http404(_("No proposal with this address is open to you."))
    _must(request, "cocreation.award_call", proposal.call.process.city)
    try:
        services.proposal_award(proposal=proposal)
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(
            request, _("The call is awarded to “%(title)s”; the SME is being told.") % {"title": proposal.title}
        )
    return redirect("cocreation:call", pk=proposal.call_id)


# --- the SME's proposal form behind its personal link -----------------------------------------------


@never_cache
def apply(request, token):
    """The public call page behind an SME's personal link: the call, its Q&A and the proposal form,
    in the SME's language, without an account; refused after the deadline or once the call closes."""
    try:
        invitation = services.call_invitation_from_token(token=token)
    except services.LinkInvalid as error:
        return render(request, "cocreation/link_invalid.html", {"reason": error.message}, status=error.status)
    language = public_language(request, invitation.stakeholder)
    call = invitation.call
    city = call.process.city
    existing = selectors.proposal_for_invitation(invitation=invitation)
    form = ProposalForm(
        request.POST or None,
        request.FILES or None,
        documents=call.required_documents or [],
        currency=call.currency,
        initial={"registered_in_city": True},
    )
    status = 200
    if request.method == "POST":
        if rate_limited(request, f"call-link:{invitation.pk}"):
            return render(
                request,
                "cocreation/link_invalid.html",
                {"reason": _("Too many attempts from this link. Wait ten minutes, then try again.")},
                status=429,
            )
        if form.is_spam:
            return render(
                request,
                "cocreation/link_invalid.html",
                {"reason": _("Your proposal could not be saved.")},
                status=400,
            )
        if form.is_valid():
            data = dict(form.cleaned_data)
            try:
                services.proposal_submit(
                    call=call,
                    stakeholder=invitation.stakeholder,
                    title=data["title"],
                    summary=data["summary"],
                    employees=data["employees"],
                    registered_in_city=data["registered_in_city"],
                    amount=data["amount"],
                    documents=form.uploaded_documents(),
                )
            except ValidationError as error:
                for message in error.messages:
                    form.add_error(None, message)
            else:
                messages.success(request, _("Thank you, your proposal is submitted."))
                return redirect("cocreation:apply", token=token)
        status = 400
    return render(
        request,
        "cocreation/apply.html",
        {
            "invitation": invitation,
            "call": call,
            "city": city,
            "form": form,
            "existing": existing,
            "clarifications": list(call.clarifications.filter(published_at__isnull=False).order_by("published_at")),
            "open": call.accepts_proposals,
            "deadline_local": timezone.localtime(call.deadline, _city_tz(city)),
            "language": language,
        },
        status=status,
    )
