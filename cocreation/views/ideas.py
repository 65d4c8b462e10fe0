"""Pages of ideas: the facilitators' list and editing, and participants' votes and ratings through their link."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from ccrs import links
from ccrs.decorators import object_action, object_required
from ccrs.forms import action_done, form_page, form_saved
from ccrs.inputs import id_from

from .. import selectors, services
from ..forms import IdeaEditForm, IdeaForm, IdeaMergeForm, IdeaTagForm
from .common import LANGUAGES, error_text, link_refused, rate_limited, too_many_attempts, workshop_page

MANAGE = "cocreation.manage_process"


def _idea_city(idea):
    return idea.workshop.process.city


@object_required(selectors.workshop_get)
def idea_list(request, workshop):
    return workshop_page(
        request, "cocreation/idea_list.html", workshop, {"ideas": selectors.idea_list(workshop=workshop)}
    )


@object_required(selectors.workshop_get, perm=MANAGE, target=lambda workshop: workshop.process.city)
def idea_new(request, workshop):
    """A facilitator writes an idea by hand or from one submission's answers (`?submission=<id>`)."""
    submission_id = id_from(request.POST.get("submission") or request.GET.get("submission"))
    submission = selectors.submission_in_workshop(workshop=workshop, pk=submission_id)
    initial = {}
    if submission is not None:
        initial = {
            "submission": submission.pk,
            "description": selectors.submission_text(workshop=workshop, submission=submission),
        }
    form = IdeaForm(request.POST or None, initial=initial)

    def save():
        data = form.cleaned_data
        services.idea_create(
            workshop=workshop,
            title=data["title"],
            description=data["description"],
            cluster=data["cluster"],
            tags=services.tags_from_text(data["tags"]),
            sources=[submission] if submission else [],
        )

    if form_saved(request, form, save, success=_("The idea was added.")):
        return redirect("cocreation:ideas", pk=workshop.pk)
    return form_page(
        request,
        "cocreation/idea_form.html",
        form,
        {"workshop": workshop, "city": workshop.process.city, "submission": submission},
    )


@object_required(selectors.idea_get, perm=MANAGE, target=_idea_city)
def idea_edit(request, idea):
    workshop = idea.workshop
    form = IdeaEditForm(request.POST or None, initial={"title": idea.title, "description": idea.description})
    if form_saved(
        request, form, lambda: services.idea_update(idea=idea, **form.cleaned_data), success=_("The idea was saved.")
    ):
        return redirect("cocreation:ideas", pk=workshop.pk)
    return form_page(
        request, "cocreation/idea_form.html", form, {"workshop": workshop, "city": workshop.process.city, "idea": idea}
    )


@require_POST
@object_required(selectors.idea_get, perm=MANAGE, target=_idea_city)
def idea_tag(request, idea):
    """Set an idea's cluster and tags; with HTMX only the idea's tag cell is answered."""
    form = IdeaTagForm(request.POST)
    error = ""
    if form.is_valid():
        try:
            services.idea_tag(
                idea=idea, cluster=form.cleaned_data["cluster"], tags=services.tags_from_text(form.cleaned_data["tags"])
            )
        except ValidationError as exc:
            error = error_text(exc)
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
@object_required(selectors.idea_get, perm=MANAGE, target=_idea_city)
def idea_merge(request, idea):
    """Merge this duplicate into another idea of the workshop."""
    others = selectors.merge_targets(idea=idea)
    form = IdeaMergeForm(request.POST, ideas=others)
    if not form.is_valid():
        messages.error(request, _("Choose the idea to merge this one into."))
    else:
        chosen = next(other for other in others if other.pk == form.cleaned_data["into"])
        action_done(
            request,
            lambda: services.idea_merge(duplicate=idea, into=chosen),
            success=lambda into: _("“%(idea)s” was merged into “%(into)s”.") % {"idea": idea, "into": into},
        )
    return redirect("cocreation:ideas", pk=idea.workshop_id)


idea_shortlist = object_action(
    selectors.idea_get,
    perm=MANAGE,
    target=_idea_city,
    act=lambda request, idea: services.idea_shortlist(idea=idea),
    success=lambda idea, _shortlisted: _("“%(idea)s” is on the shortlist.") % {"idea": idea},
    back=lambda idea: reverse("cocreation:ideas", kwargs={"pk": idea.workshop_id}),
)


@require_POST
@never_cache
def vote(request, token):
    """A participant votes for an idea, takes a vote back, or rates an idea, through their link."""
    try:
        invitation = links.link_open(services.STAKEHOLDER_INVITATION, token)
    except links.LinkInvalid as error:
        return link_refused(request, error.message, error.status)
    translation.activate(invitation.stakeholder.language if invitation.stakeholder.language in LANGUAGES else "en")
    if rate_limited(request, f"link:{invitation.pk}"):
        return too_many_attempts(request)
    idea = selectors.ballot_idea(invitation=invitation, pk=id_from(request.POST.get("idea")))
    try:
        if idea is None:
            raise ValidationError(_("This idea is not part of your workshop."))
        if request.POST.get("action") == "withdraw":
            services.vote_withdraw(invitation=invitation, idea=idea)
        elif request.POST.get("rating"):
            services.idea_rate(invitation=invitation, idea=idea, value=int(request.POST["rating"]))
        else:
            services.vote_cast(invitation=invitation, idea=idea)
    except (ValidationError, ValueError) as error:
        messages.error(request, " ".join(getattr(error, "messages", [_("Rate an idea from 1 to 5.")])))
    else:
        messages.success(request, _("Your vote is saved."))
    return redirect(reverse("cocreation:respond", kwargs={"token": token}) + "#ideas")
