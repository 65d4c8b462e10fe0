"""Views of the cities app: the city list, a city's dashboard, its team and invitations."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ccrs import panels
from ccrs import services as account_services
from ccrs.decorators import permission_required

from . import selectors
from .forms import InvitationForm


def _city_or_404(request, slug):
    city = selectors.city_get(user=request.user, slug=slug)
    if city is None:
        raise Http404(_("No city with this address is open to you."))
    return city


@permission_required("cities.list_cities")
def city_list(request):
    return render(request, "cities/city_list.html", {"cities": selectors.city_list(user=request.user)})


@login_required
def city_dashboard(request, slug):
    city = _city_or_404(request, slug)
    return render(
        request,
        "cities/city_dashboard.html",
        {
            "city": city,
            "can_manage_team": request.user.has_perm("cities.manage_team", city),
            "panels": panels.city_panels(city=city, user=request.user),
            **selectors.city_dashboard(city=city),
        },
    )


@login_required
def city_team(request, slug):
    """The team page; its lead and program staff invite people here."""
    city = _city_or_404(request, slug)
    can_manage = request.user.has_perm("cities.manage_team", city)
    form = InvitationForm(request.POST or None)
    if request.method == "POST":
        if not can_manage:
            raise PermissionDenied
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


def _invitation_action(request, slug, invitation_id, action, done_message):
    city = _city_or_404(request, slug)
    if not request.user.has_perm("cities.manage_team", city):
        raise PermissionDenied
    invitation = selectors.invitation_get(city=city, invitation_id=invitation_id)
    if invitation is None:
        raise Http404(_("This invitation does not exist."))
    try:
        action(invitation=invitation)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, done_message % {"email": invitation.email})
    return redirect("cities:team", slug=city.slug)


@require_POST
@login_required
def invitation_resend(request, slug, invitation_id):
    return _invitation_action(
        request, slug, invitation_id, account_services.invitation_resend, _("A new link was sent to %(email)s.")
    )


@require_POST
@login_required
def invitation_revoke(request, slug, invitation_id):
    return _invitation_action(
        request,
        slug,
        invitation_id,
        account_services.invitation_revoke,
        _("The invitation to %(email)s was withdrawn."),
    )
