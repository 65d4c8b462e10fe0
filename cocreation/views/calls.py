"""Pages of calls for SME proposals: the call, drafting and editing it, its Q&A and SME invitations, the award,
and the SME's public proposal form behind its personal link."""

import zoneinfo

from django.contrib import messages
from django.forms.models import model_to_dict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from ccrs import links
from ccrs.decorators import object_action, object_required
from ccrs.forms import action_done, form_action, form_page, form_saved
from ccrs.inputs import id_from

from .. import exports, selectors, services
from ..forms import CallForm, ClarificationForm, ProposalForm
from ..models import CallStatus
from ..rules import abilities
from .common import (
    download,
    language,
    link_refused,
    public_language,
    public_submit,
)

MANAGE = "cocreation.manage_process"


def _call_city(call):
    return call.process.city


def _call_url(call, anchor=""):
    return reverse("cocreation:call", kwargs={"pk": call.pk}) + anchor


def _city_tz(city):
    return zoneinfo.ZoneInfo(city.time_zone)


CALL_INITIAL = ["idea", "title", "description", "max_employees", "registered_in_city", "budget", "currency"]


def _call_form(request, process, call=None):
    city = process.city
    ideas = list(selectors.shortlisted_ideas(process=process))
    initial = {}
    if call is not None:
        initial = {
            **model_to_dict(call, fields=CALL_INITIAL),
            "required_documents": "\n".join(call.required_documents or []),
            "deadline": timezone.localtime(call.deadline, _city_tz(city)).replace(tzinfo=None),
        }
    elif idea_id := id_from(request.GET.get("idea")):
        initial = {"idea": idea_id}
    return CallForm(request.POST or None, ideas=ideas, time_zone=city.time_zone, initial=initial)


# --- the call -------------------------------------------------------------------------------------


@object_required(selectors.call_get)
def call_detail(request, call):
    """A call: its terms, Q&A, SME invitations, proposals and the panel's results as the user may see them."""
    city = call.process.city
    can = abilities(request.user, city)
    detail = selectors.call_detail(call=call, user=request.user, can_evaluate=can["can_evaluate"])
    return render(
        request,
        "cocreation/call_detail.html",
        {
            "call": call,
            "city": city,
            "deadline_local": timezone.localtime(call.deadline, _city_tz(city)),
            "can_manage": can["can_manage"],
            "can_award": can["can_award"],
            "clarification_form": ClarificationForm(),
            **detail,
            **(selectors.call_invitations(call=call) if can["can_manage"] else {}),
        },
    )


@object_required(selectors.call_get)
def call_export(request, call, fmt):
    return download(exports.call_sheets(call=call, language=language(request)), fmt, f"call-{call.pk}")


@object_required(selectors.process_get, perm=MANAGE, target=lambda process: process.city)
def call_new(request, process):
    """Draft a call for SME proposals from a shortlisted idea (the chosen solution)."""
    form = _call_form(request, process)
    if saved := form_saved(
        request,
        form,
        lambda: services.call_create(process=process, **form.call_fields()),
        success=_("The call is drafted. Open it when it is ready."),
    ):
        return redirect("cocreation:call", pk=saved.result.pk)
    return form_page(request, "cocreation/call_form.html", form, {"process": process, "city": process.city})


@object_required(selectors.call_get, perm=MANAGE, target=_call_city)
def call_edit(request, call):
    process = call.process
    form = _call_form(request, process, call)
    if form_saved(
        request, form, lambda: services.call_update(call=call, **form.call_fields()), success=_("The call was saved.")
    ):
        return redirect("cocreation:call", pk=call.pk)
    return form_page(
        request, "cocreation/call_form.html", form, {"process": process, "city": process.city, "call": call}
    )


def _call_step(service, success):
    """A button of the city's editors on a call's page: `service(call=...)`, then back to the call."""
    act = lambda request, call: service(call=call)  # noqa: E731
    return object_action(selectors.call_get, perm=MANAGE, target=_call_city, act=act, success=success, back=_call_url)


call_open = _call_step(services.call_open, gettext_lazy("The call is open for proposals."))
call_close = _call_step(services.call_close, gettext_lazy("The call is closed for proposals."))


@require_POST
@object_required(selectors.call_get, perm=MANAGE, target=_call_city)
def clarification_publish(request, call):
    """Publish a question about the call with its answer, read by every SME on its link."""
    form_action(
        request,
        ClarificationForm(request.POST),
        lambda data: services.clarification_publish(call=call, **data),
        invalid=_("A published clarification needs both the question and its answer."),
        success=_("The clarification is published."),
    )
    return redirect(_call_url(call, "#clarifications"))


# --- SME invitations ------------------------------------------------------------------------------


@require_POST
@object_required(selectors.call_get, perm=MANAGE, target=_call_city)
def call_invite(request, call):
    """Invite the ticked SMEs of the city's registry, or (without a selection) every SME not yet invited;
    the links go out by e-mail once the call is open."""
    smes = selectors.uninvited_smes(call=call)
    back = redirect(_call_url(call, "#invitations"))
    if "selected" in request.POST:
        picked = {id_from(value) for value in request.POST.getlist("stakeholder")}
        if not picked:
            messages.error(request, _("Tick at least one SME to invite."))
            return back
        smes = list(selectors.uninvited_smes(call=call, ids=picked))
        if len(smes) != len(picked):
            messages.error(
                request,
                _("Some ticked SMEs are no longer waiting for a link to this call. Reload the page and try again."),
            )
            return back
    if call.status == CallStatus.OPEN:
        success = _("%(created)s SMEs invited; their links are being sent.")
    else:
        success = _("%(created)s SMEs invited; their links are sent when the call opens.")
    action_done(
        request,
        lambda: services.call_invitations_bulk_create(call=call, stakeholders=smes),
        success=lambda result: success % result,
    )
    return back


call_invitation_revoke = object_action(
    selectors.call_invitation_get,
    perm=MANAGE,
    target=lambda invitation: invitation.call.process.city,
    act=lambda request, invitation: services.call_invitation_revoke(invitation=invitation),
    success=gettext_lazy("The invitation was withdrawn; its link no longer works."),
    back=lambda invitation: reverse("cocreation:call", kwargs={"pk": invitation.call_id}) + "#invitations",
)


# --- the award ------------------------------------------------------------------------------------

# Program staff award the call to a proposal; the SME is told by e-mail.
proposal_award = object_action(
    selectors.proposal_get,
    perm="cocreation.award_call",
    target=lambda proposal: proposal.call.process.city,
    act=lambda request, proposal: services.proposal_award(proposal=proposal),
    success=lambda proposal, _awarded: (
        _("The call is awarded to “%(title)s”; the SME is being told.") % {"title": proposal.title}
    ),
    back=lambda proposal: reverse("cocreation:call", kwargs={"pk": proposal.call_id}),
)


# --- the SME's proposal form behind its personal link ---------------------------------------------


@never_cache
def apply(request, token):
    """The public call page behind an SME's personal link: the call, its Q&A and the proposal form,
    in the SME's language, without an account; refused after the deadline or once the call closes."""
    try:
        invitation = links.link_open(services.CALL_INVITATION, token)
    except links.LinkInvalid as error:
        return link_refused(request, error.message, error.status)
    chosen = public_language(request, invitation.stakeholder)
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
    answer = 200
    if request.method == "POST":

        def save():
            data = form.cleaned_data
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

        if done := public_submit(
            request,
            form,
            save,
            link=f"call-link:{invitation.pk}",
            success=_("Thank you, your proposal is submitted."),
            spam=_("Your proposal could not be saved."),
        ):
            return done
        answer = 400
    return render(
        request,
        "cocreation/apply.html",
        {
            "invitation": invitation,
            "call": call,
            "city": city,
            "form": form,
            "existing": existing,
            "clarifications": selectors.clarifications_published(call=call),
            "open": call.accepts_proposals,
            "deadline_local": timezone.localtime(call.deadline, _city_tz(city)),
            "language": chosen,
        },
        status=answer,
    )
