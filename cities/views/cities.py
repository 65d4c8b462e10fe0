"""Pages of a city: the list, its dashboard, team and invitations, profile, co-funding and onboarding."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ccrs import fragments, panels
from ccrs import services as account_services
from ccrs.decorators import object_required, permission_required, require
from ccrs.forms import add_service_errors

from .. import rules, selectors, services
from ..forms import (
    CityProfileForm,
    CoFundingForm,
    InvitationForm,
    StepCompleteForm,
)
from ..models import Shock
from .applications import _file_response


def shock_labels(values) -> list[str]:
    return [Shock(value).label for value in values if value in Shock.values]


@permission_required("cities.list_cities")
def city_list(request):
    page = selectors.city_page(user=request.user, page=request.GET.get("page") or 1)
    return render(request, "cities/city_list.html", {"page": page})


@object_required(selectors.city_get, kwarg="slug")
def city_dashboard(request, city):
    group = request.GET.get("peers", "")
    group = group if group in selectors.PEER_GROUPS else "cohort"
    peers = SimpleLazyObject(lambda: selectors.city_peers(city=city, group=group))  # read only when drawn
    return render(
        request,
        "cities/city_dashboard.html",
        {
            "city": city,
            "can_manage_team": rules.abilities(request.user, city)["can_manage_team"],
            "panels": panels.city_panels(city=city, user=request.user),
            "peers": peers,
            # the same for every reader (published and aggregate figures only): drawn once per program generation
            "peers_html": fragments.drawn(
                "cities/partials/peers.html", f"{city.pk}:{group}", lambda: {"peers": peers, "city": city}
            ),
            **selectors.city_dashboard(city=city),
        },
    )


@object_required(selectors.city_get, kwarg="slug")
def city_team(request, city):
    """The team page; its lead and program staff invite people here."""
    can_manage = rules.abilities(request.user, city)["can_manage_team"]
    form = InvitationForm(request.POST or None)
    if request.method == "POST":
        require(request.user, "cities.manage_team", city)
        if form.is_valid():
            try:
                invitation = account_services.invitation_create(
                    invited_by=request.user, city=city, email=form.cleaned_data["email"], role=form.cleaned_data["role"]
                )
            except ValidationError as error:
                form.add_error("email", error)
            else:
                messages.success(request, _("Invitation sent to %(email)s.") % {"email": invitation.email})
                return redirect("cities:team", slug=city.slug)
    return render(
        request,
        "cities/city_team.html",
        {"city": city, "form": form, "can_manage_team": can_manage, **selectors.city_team(city=city)},
        status=400 if form.errors else 200,
    )


def _invitation_action(request, invitation, action, done_message):
    try:
        action(invitation=invitation)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, done_message % {"email": invitation.email})
    return redirect("cities:team", slug=invitation.city.slug)


_invitation_of_team = object_required(
    selectors.invitation_get,
    kwarg="invitation_id",
    also=("slug",),
    perm="cities.manage_team",
    target=lambda invitation: invitation.city,
)


@require_POST
@_invitation_of_team
def invitation_resend(request, invitation):
    return _invitation_action(
        request, invitation, account_services.invitation_resend, _("A new link was sent to %(email)s.")
    )


@require_POST
@_invitation_of_team
def invitation_revoke(request, invitation):
    return _invitation_action(
        request, invitation, account_services.invitation_revoke, _("The invitation to %(email)s was withdrawn.")
    )


@object_required(selectors.city_get, kwarg="slug")
def city_profile(request, city):
    """The city's profile, stage, co-funding and team; the lead and staff edit the profile here."""
    abilities = rules.abilities(request.user, city)
    can_change, can_record = abilities["can_change"], abilities["can_record"]
    form = CityProfileForm(request.POST or None, instance=city) if can_change else None
    if request.method == "POST":
        require(request.user, "cities.change_profile", city)
        if form.is_valid():
            try:
                services.city_profile_update(city=city, data=form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The profile is saved."))
                return redirect("cities:profile", slug=city.slug)
    if form is not None and form.errors:
        city.refresh_from_db()
    return render(
        request,
        "cities/city_profile.html",
        {
            "city": city,
            "form": form,
            "cofunding_form": CoFundingForm(initial={"currency": city.currency}) if can_record else None,
            "can_change": can_change,
            "shock_labels": shock_labels(city.shocks),
            **selectors.city_profile(city=city),
        },
        status=400 if form is not None and form.errors else 200,
    )


@require_POST
@object_required(selectors.city_get, kwarg="slug", perm="cities.record_cofunding")
def cofunding_add(request, city):
    form = CoFundingForm(request.POST)
    if form.is_valid():
        try:
            services.cofunding_record(city=city, recorded_by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
    if form.errors:
        for field, errors in form.errors.items():
            label = form.fields[field].label if field in form.fields else ""
            messages.error(request, f"{label}: {' '.join(errors)}" if label else " ".join(errors))
    else:
        messages.success(request, _("The co-funding record is saved."))
    return redirect("cities:profile", slug=city.slug)


@object_required(selectors.city_get, kwarg="slug")
def city_onboarding(request, city):
    abilities = rules.abilities(request.user, city)
    return render(
        request,
        "cities/city_onboarding.html",
        {
            "city": city,
            "can_complete": abilities["can_complete"],
            "can_reopen": abilities["can_reopen"],
            "form": StepCompleteForm(),
            **selectors.city_onboarding(city=city),
        },
    )


def _step(perm=None):
    """Load the URL's onboarding step of the URL's city (404 unless the user may see the city), then check `perm`."""
    return object_required(
        selectors.onboarding_step_get, kwarg="step_id", also=("slug",), perm=perm, target=lambda step: step.city
    )


@require_POST
@_step("cities.complete_step")
def step_complete(request, step):
    form = StepCompleteForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.step_complete(
                step=step,
                user=request.user,
                evidence_file=form.cleaned_data.get("evidence_file"),
                evidence_url=form.cleaned_data.get("evidence_url", ""),
            )
        except ValidationError as error:
            messages.error(request, f"{step.label}: {' '.join(error.messages)}")
        else:
            messages.success(request, _("“%(step)s” is done.") % {"step": step.label})
    else:
        messages.error(request, f"{step.label}: {' '.join(e for errs in form.errors.values() for e in errs)}")
    return redirect("cities:onboarding", slug=step.city.slug)


@require_POST
@_step("cities.reopen_step")
def step_reopen(request, step):
    try:
        services.step_reopen(step=step)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("cities:onboarding", slug=step.city.slug)


@_step()
def step_evidence(request, step):
    return _file_response(step.evidence_file, step.evidence_name)
