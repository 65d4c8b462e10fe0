"""Pages of stakeholders' input: the team's list of a workshop's input, and the public form behind a personal link."""

from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from ccrs import links
from ccrs.decorators import object_required

from .. import selectors, services
from ..forms import InputForm
from .common import language, link_refused, page, public_language, public_submit, workshop_page


@object_required(selectors.workshop_get)
def submission_list(request, workshop):
    data = selectors.submission_list(workshop=workshop, page=page(request), language=language(request))
    return workshop_page(request, "cocreation/submission_list.html", workshop, data)


@never_cache
def respond(request, token):
    """The public input form behind a stakeholder's personal link: no account, in their language."""
    try:
        invitation = links.link_open(services.STAKEHOLDER_INVITATION, token)
    except links.LinkInvalid as error:
        return link_refused(request, error.message, error.status)
    chosen = public_language(request, invitation.stakeholder)
    workshop = invitation.workshop
    data = selectors.submission_for_invitation(invitation=invitation)
    existing = data["existing"]
    form = InputForm(
        request.POST or None,
        request.FILES or None,
        questions=data["questions"],
        language=chosen,
        initial_answers=existing.answers if existing else None,
    )
    answer = 200
    if request.method == "POST":

        def save():
            answers, files = form.answers()
            return services.submission_save(invitation=invitation, answers=answers, files=files, language=chosen)

        if done := public_submit(
            request,
            form,
            save,
            link=f"link:{invitation.pk}",
            success=lambda saved: _("Thank you, your answers are saved.") if saved[1] else _("Your changes are saved."),
            spam=_("Your answers could not be saved."),
        ):
            return done
        answer = 400
    return render(
        request,
        "cocreation/respond.html",
        {
            "invitation": invitation,
            "workshop": workshop,
            "form": form,
            "existing": existing,
            "ballot": selectors.ballot(invitation=invitation),
            "open": workshop.accepts_input,
            "language": chosen,
            "closes_local": timezone.localtime(workshop.input_closes_at, workshop.city_tz),
            "starts_local": timezone.localtime(workshop.starts_at, workshop.city_tz),
        },
        status=answer,
    )
