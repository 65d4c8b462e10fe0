"""Pages of stakeholders' input: the team's list of a workshop's input, and the public form behind a personal link."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from ccrs.decorators import object_required

from .. import selectors, services
from ..forms import InputForm
from ..rules import abilities
from .common import language, link_refused, page, public_language, rate_limited, too_many_attempts


@object_required(selectors.workshop_get)
def submission_list(request, workshop):
    return render(
        request,
        "cocreation/submission_list.html",
        {
            "workshop": workshop,
            "city": workshop.process.city,
            "can_manage": abilities(request.user, workshop.process.city)["can_manage"],
            **selectors.submission_list(workshop=workshop, page=page(request), language=language(request)),
        },
    )


@never_cache
def respond(request, token):
    """The public input form behind a stakeholder's personal link: no account, in their language."""
    try:
        invitation = services.invitation_from_token(token=token)
    except services.LinkInvalid as error:
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
        if rate_limited(request, f"link:{invitation.pk}"):
            return too_many_attempts(request)
        if form.is_spam:
            return link_refused(request, _("Your answers could not be saved."), 400)
        if form.is_valid():
            answers, files = form.answers()
            try:
                _submission, created = services.submission_save(
                    invitation=invitation, answers=answers, files=files, language=chosen
                )
            except ValidationError as error:
                for message in error.messages:
                    form.add_error(None, message)
            else:
                messages.success(
                    request, _("Thank you, your answers are saved.") if created else _("Your changes are saved.")
                )
                return redirect("cocreation:respond", token=token)
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
