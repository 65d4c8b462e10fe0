"""Pages of the stakeholder registry (with its CSV import) and of inviting stakeholders to a workshop."""

import csv
import io

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from ccrs.decorators import object_action, object_required, require
from ccrs.forms import add_service_errors, form_page, form_saved
from ccrs.inputs import id_from

from .. import selectors, services
from ..forms import (
    InviteCsvForm,
    InviteFilterForm,
    StakeholderCsvForm,
    StakeholderForm,
)
from ..rules import abilities
from .common import error_text, page

MANAGE = "cocreation.manage_process"
TEMPLATE_ROWS = [
    [
        "Nguyễn Thị Lan",
        "lan@example.vn",
        "HTX Vệ sinh Ninh Kiều",
        "sme",
        "waste collection",
        "micro",
        "yes",
        "female",
        "vi",
        "+84 292 000 000",
    ],
]


def _workshop_city(workshop):
    return workshop.process.city


def _csv_error_list(form, error: ValidationError):
    for message in error.messages:
        form.add_error("file", message)


# --- the registry ---------------------------------------------------------------------------------


def _stakeholder_add(request, city, form):
    """Register the person of a valid `form`; a redirect, or None with the service's errors on the form."""
    try:
        _person, created = services.stakeholder_register(city=city, **form.cleaned_data)
    except ValidationError as error:
        add_service_errors(form, error)
        return None
    messages.success(
        request,
        _("Added to the registry.")
        if created
        else _("%(email)s was already in the registry: its details were updated.")
        % {"email": form.cleaned_data["email"]},
    )
    return redirect("cocreation:stakeholders", slug=city.slug)


def _stakeholders_import(request, city, form):
    """Import the CSV file of a valid `form`; a redirect, or None with each wrong row on the form."""
    try:
        result = services.stakeholders_import(
            city=city, csv_text=form.cleaned_data["file"], consent=form.cleaned_data["consent"]
        )
    except ValidationError as error:
        _csv_error_list(form, error)
        return None
    messages.success(
        request,
        _("Imported: %(created)s new, %(updated)s updated.")
        % {"created": result["created"], "updated": result["updated"]},
    )
    return redirect("cocreation:stakeholders", slug=city.slug)


@object_required(selectors.city_get, kwarg="slug")
def stakeholder_list(request, city):
    """The registry; editors add a person or import a CSV file (all rows or none), with the forms of their pages."""
    form = StakeholderForm(request.POST if "add" in request.POST else None, city=city)
    import_form = StakeholderCsvForm(
        request.POST if "import" in request.POST else None,
        request.FILES if "import" in request.POST else None,
        auto_id="id_csv_%s",  # the add form beside it has a consent box too
    )
    answer = 200
    if request.method == "POST":
        require(request.user, MANAGE, city)
        done = None
        if "import" in request.POST and import_form.is_valid():
            done = _stakeholders_import(request, city, import_form)
        elif "add" in request.POST and form.is_valid():
            done = _stakeholder_add(request, city, form)
        if done:
            return done
        answer = 400
    return render(
        request,
        "cocreation/stakeholder_list.html",
        {
            "city": city,
            "form": form,
            "import_form": import_form,
            "can_manage": abilities(request.user, city)["can_manage"],
            **selectors.stakeholder_list(
                user=request.user, city=city, page=page(request), query=request.GET.get("q", "")
            ),
        },
        status=answer,
    )


@object_required(selectors.city_get, kwarg="slug", perm=MANAGE)
def stakeholder_add(request, city):
    """Add a person to the registry; an e-mail already there updates that person instead."""
    form = StakeholderForm(request.POST or None, city=city)
    if request.method == "POST" and form.is_valid() and (done := _stakeholder_add(request, city, form)):
        return done
    return form_page(request, "cocreation/stakeholder_form.html", form, {"city": city, "stakeholder": None})


@object_required(selectors.stakeholder_get, perm=MANAGE, target=lambda stakeholder: stakeholder.city)
def stakeholder_edit(request, stakeholder):
    city = stakeholder.city
    form = StakeholderForm(request.POST or None, instance=stakeholder, city=city)
    if form_saved(
        request,
        form,
        lambda: services.stakeholder_update(stakeholder=stakeholder, **form.cleaned_data),
        success=_("The stakeholder was saved."),
    ):
        return redirect("cocreation:stakeholders", slug=city.slug)
    return form_page(request, "cocreation/stakeholder_form.html", form, {"city": city, "stakeholder": stakeholder})


@object_required(selectors.city_get, kwarg="slug", perm=MANAGE)
def stakeholder_import(request, city):
    """Import a CSV file into the registry: every row or none, each wrong row named."""
    form = StakeholderCsvForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid() and (done := _stakeholders_import(request, city, form)):
        return done
    return form_page(
        request, "cocreation/stakeholder_import.html", form, {"city": city, "columns": services.CSV_COLUMNS}
    )


@object_required(selectors.city_get, kwarg="slug")
def stakeholder_template(request, city):
    """A CSV file with the registry's columns and one example row, to fill in and import."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(services.CSV_COLUMNS)
    writer.writerows(TEMPLATE_ROWS)
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="stakeholders-template.csv"'
    return response


# --- workshop invitations -------------------------------------------------------------------------


@object_required(selectors.workshop_get, perm=MANAGE, target=_workshop_city)
def workshop_invite(request, workshop):
    """Invite stakeholders of the registry: filter by type or name, tick the people, send."""
    filters = InviteFilterForm(request.GET or None)
    kind = query = ""
    if filters.is_valid():
        kind, query = filters.cleaned_data["kind"], filters.cleaned_data["q"]
    data = selectors.invite_candidates(workshop=workshop, kind=kind, query=query)
    answer = 200
    if request.method == "POST":
        ids = {id_from(v) for v in request.POST.getlist("stakeholder")}
        chosen = [s for s in data["candidates"] if s.pk in ids]
        if request.POST.get("everyone"):
            chosen, ids = data["matching"], set()
        try:
            if ids and len(chosen) < len(ids):
                raise ValidationError(_("Some of the people chosen cannot be invited; reload the page and try again."))
            result = services.invitations_invite(workshop=workshop, stakeholders=chosen)
        except ValidationError as error:
            messages.error(request, error_text(error))
            answer = 400
        else:
            messages.success(
                request,
                ngettext(
                    "%(created)s invitation is being sent.",
                    "%(created)s invitations are being sent.",
                    result["created"],
                )
                % result,
            )
            return redirect("cocreation:workshop", pk=workshop.pk)
    return render(
        request,
        "cocreation/workshop_invite.html",
        {"workshop": workshop, "city": workshop.process.city, "filters": filters, "kind": kind, "query": query, **data},
        status=answer,
    )


@object_required(selectors.workshop_get, perm=MANAGE, target=_workshop_city)
def workshop_invite_csv(request, workshop):
    """Invite the people of a CSV file: they join the registry (one per e-mail) and are invited, all or none."""
    form = InviteCsvForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            result = services.invitations_import(
                workshop=workshop,
                csv_text=form.cleaned_data["file"],
                consent=form.cleaned_data["consent"],
            )
        except ValidationError as error:
            _csv_error_list(form, error)
        else:
            messages.success(
                request,
                ngettext(
                    "%(invited)s invitation is being sent (registry: %(created)s new, %(updated)s updated).",
                    "%(invited)s invitations are being sent (registry: %(created)s new, %(updated)s updated).",
                    result["invited"],
                )
                % result,
            )
            return redirect("cocreation:workshop", pk=workshop.pk)
    return form_page(
        request,
        "cocreation/workshop_invite_csv.html",
        form,
        {"workshop": workshop, "city": workshop.process.city, "columns": services.CSV_COLUMNS},
    )


def _invitation_step(service, success):
    """A button of the city's editors on a workshop invitation: `service(invitation=...)`, back to the workshop."""
    return object_action(
        selectors.invitation_get,
        perm=MANAGE,
        target=lambda invitation: invitation.workshop.process.city,
        act=lambda request, invitation: service(invitation=invitation),
        success=success,
        back=lambda invitation: reverse("cocreation:workshop", kwargs={"pk": invitation.workshop_id}),
    )


invitation_resend = _invitation_step(
    services.invitation_resend,
    lambda invitation, _sent: _("The link is being sent again to %(email)s.") % {"email": invitation.stakeholder.email},
)
invitation_revoke = _invitation_step(
    services.invitation_revoke, gettext_lazy("The invitation was withdrawn; its link no longer works.")
)
