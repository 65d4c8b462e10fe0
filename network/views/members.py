"""Pages of the member directory: the directory, a person, an organisation, my profile, staff's member
management, joining from an invitation and a city lead's choice of who of her team is listed."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ccrs.decorators import object_action, object_required, permission_required
from ccrs.forms import form_page, form_saved
from ccrs.inputs import id_from
from ccrs.models import User
from ccrs.views import LinkFlow, link_page
from cities.selectors import city_get

from ..forms.members import MemberAddForm, ProfileForm
from ..models import NetworkInvitation, TagKind
from ..rules import directory_abilities
from ..selectors import members as selectors
from ..services import members as services


@permission_required("network.view_directory")
def directory(request):
    """The people and organisations of the network, filtered and searched, a page at a time."""
    filters = selectors.DirectoryFilters.from_query(request.GET)
    show = "organisations" if request.GET.get("show") == "organisations" else "people"
    page = request.GET.get("page", 1)
    if show == "organisations":
        result = selectors.directory_organisations(user=request.user, filters=filters, page=page)
    else:
        result = selectors.directory_people(user=request.user, filters=filters, page=page)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "network/members/directory.html",
        {
            **result,
            **selectors.directory_choices(),
            "filters": filters,
            "show": show,
            "query": query.urlencode(),
            "teams_led": selectors.teams_led(user=request.user),
            **directory_abilities(request.user),
        },
    )


@permission_required("network.view_directory")
@object_required(selectors.person_get)
def person_detail(request, person):
    return render(request, "network/members/person_detail.html", {"person": person})


@permission_required("network.view_directory")
@object_required(selectors.organisation_get)
def organisation_detail(request, organisation):
    return render(request, "network/members/organisation_detail.html", {"organisation": organisation})


@permission_required("network.change_own_profile")
def profile_edit(request):
    """A person's own directory profile and who sees their e-mail address and phone number."""
    profile = selectors.own_profile(user=request.user)
    initial = {"show_email": "members", "show_phone": "nobody", "listed": True}
    if profile is not None:
        initial = {name: getattr(profile, name) for name in services.PROFILE_FIELDS}
        for kind in TagKind.values:
            initial[f"tags_{kind}"] = [tag for tag in profile.tags.all() if tag.kind == kind]
    form = ProfileForm(request.POST or None, initial=initial, language=get_language() or "en")
    saved = form_saved(
        request,
        form,
        lambda: services.member_profile_update(
            user=request.user,
            data={name: form.cleaned_data.get(name) for name in services.PROFILE_FIELDS},
            tags=form.tags(),
        ),
        success=_("Your profile in the directory is saved."),
    )
    if saved:
        return redirect("network:person_detail", pk=request.user.pk)
    return form_page(request, "network/members/profile_form.html", form)


@permission_required("network.manage_members")
def member_manage(request):
    """Staff: the network members outside the city teams, the open invitations, and adding someone."""
    form = MemberAddForm(request.POST or None)
    saved = form_saved(
        request,
        form,
        lambda: services.network_member_add(added_by=request.user, **form.cleaned_data),
        success=_("The invitation is on its way by e-mail."),
    )
    if saved:
        return redirect("network:member_manage")
    context = selectors.network_members_page(page=request.GET.get("page", 1), q=request.GET.get("q", ""))
    return form_page(request, "network/members/member_manage.html", form, context)


def _management_step(model, act, success):
    """A button of staff's member management: `act(request, row)` on the URL's `model` row, back to the page."""
    return require_POST(
        permission_required("network.manage_members")(
            object_action(
                lambda *, user, pk: model.objects.filter(pk=id_from(pk) or 0).first(),
                act=act,
                success=success,
                back=lambda _row: reverse("network:member_manage"),
            )
        )
    )


member_remove = _management_step(
    User,
    lambda request, person: services.network_member_remove(removed_by=request.user, user=person),
    lambda person, _removed: _("%(name)s is no longer a network member.") % {"name": person.get_full_name()},
)
invitation_revoke = _management_step(
    NetworkInvitation,
    lambda request, invitation: services.network_invitation_revoke(invitation=invitation),
    lambda invitation, _revoked: _("The invitation to %(email)s is withdrawn.") % {"email": invitation.email},
)


# Join the network from an e-mailed link; a new account is made if the person has none.
join = link_page(
    LinkFlow(
        kind=services.NETWORK_INVITATION,
        accept=services.network_invitation_accept,
        template="network/members/join.html",
        welcome=gettext_lazy("Welcome to the CCRS peer network. Tell the others what you offer and seek."),
        then=lambda profile: reverse("network:profile_edit"),
    )
)


@object_required(city_get, kwarg="slug", perm="network.manage_team_presence")
def team_presence(request, city):
    """A city's lead (or staff) decides which of the team the directory lists."""
    if request.method == "POST":
        listed = [pk for pk in map(id_from, request.POST.getlist("listed")) if pk]
        changed = services.team_presence_set(city=city, listed_user_ids=listed)
        messages.success(
            request,
            ngettext(
                "The directory listing of %(count)s person changed.",
                "The directory listings of %(count)s people changed.",
                changed,
            )
            % {"count": changed},
        )
        return redirect("network:team_presence", slug=city.slug)
    return render(
        request, "network/members/team_presence.html", {"city": city, "rows": selectors.team_presence(city=city)}
    )
