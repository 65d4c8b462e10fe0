"""Views of the cities app: cities, their dashboards, teams, profiles and onboarding; applications."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from ccrs import panels
from ccrs import services as account_services
from ccrs.decorators import object_required, permission_required, require
from ccrs.forms import add_service_errors
from ccrs.inputs import id_from
from ccrs.views import LinkFlow, link_accept

from . import export, rules, selectors, services
from .forms import (
    ApplicationForm,
    ApplicationInviteForm,
    CityProfileForm,
    CoFundingForm,
    DecisionForm,
    InvitationForm,
    ReviewForm,
    StepCompleteForm,
)
from .letters import MAX_PDF_BYTES
from .models import Shock


def shock_labels(values) -> list[str]:
    return [Shock(value).label for value in values if value in Shock.values]


@permission_required("cities.list_cities")
def city_list(request):
    return render(request, "cities/city_list.html", {"cities": selectors.city_list(user=request.user)})


@object_required(selectors.city_get, kwarg="slug")
def city_dashboard(request, city):
    return render(
        request,
        "cities/city_dashboard.html",
        {
            "city": city,
            "can_manage_team": rules.abilities(request.user, city)["can_manage_team"],
            "panels": panels.city_panels(city=city, user=request.user),
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


# --- Applications --------------------------------------------------------------------------------


@login_required
def application_list(request):
    """Staff: a cohort's applications ranked by score, with the call's pipeline. Applicants: their own."""
    staff = rules.application_abilities(request.user, None)["staff"]
    context = selectors.application_list(
        user=request.user,
        cohort_id=id_from(request.GET.get("cohort")),
        status=request.GET.get("status", ""),
    )
    if not staff and not context["applications"]:
        raise PermissionDenied
    return render(request, "cities/application_list.html", {**context, "staff": staff})


@permission_required("cities.review_applications")
def application_invite(request):
    form = ApplicationInviteForm(request.POST or None, initial={"cohort": request.GET.get("cohort")})
    if request.method == "POST" and form.is_valid():
        try:
            application = services.application_invite(
                invited_by=request.user,
                cohort=form.cleaned_data["cohort"],
                email=form.cleaned_data["email"],
                city_name=form.cleaned_data["city_name"],
                country=form.cleaned_data["country"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("%(city)s is invited to apply; the link went to %(email)s.")
                % {"city": application.city_name, "email": application.invited_email},
            )
            return redirect(application.get_absolute_url())
    return render(request, "cities/application_invite.html", {"form": form}, status=400 if form.errors else 200)


@never_cache
def application_accept(request, token):
    """The applicant opens the e-mailed link: makes an account (or uses theirs) and lands on the draft."""
    return link_accept(request, token, flow=APPLICATION_FLOW)


def _applying(request, application):
    messages.success(request, _("Welcome. Fill in the application; you can save a draft at any time."))
    return redirect("cities:application_edit", pk=application.pk)


APPLICATION_FLOW = LinkFlow(
    open=services.application_from_token,
    email=lambda application: application.invited_email,
    accept=services.application_invitation_accept,
    template="cities/application_accept.html",
    name="application",
    done=_applying,
)


@object_required(selectors.application_get)
def application_detail(request, application):
    """The application; staff also see its reviews and decide; the applicant sees the decision."""
    context = {"application": application, **rules.application_abilities(request.user, application)}
    if context["staff"]:
        context.update(selectors.application_review(application=application, reviewer=request.user))
        context["decision_form"] = DecisionForm()
        context["can_decide"] = application.status in services.DECISIONS
    return render(request, "cities/application_detail.html", context)


@object_required(selectors.application_get, perm="cities.edit_application")
def application_edit(request, application):
    """The applicant fills in the application: save a draft, or submit it when complete."""
    initial = {name: getattr(application, name) for name in services.APPLICATION_FIELDS}
    form = ApplicationForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        submit = request.POST.get("action") == "submit"
        data = {k: v for k, v in form.cleaned_data.items() if k != "letter"}
        try:
            services.application_update(
                application=application, data=data, letter=form.cleaned_data.get("letter"), submit=submit
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if submit:
                messages.success(request, _("Your application is submitted. The program team will review it."))
                return redirect(application.get_absolute_url())
            messages.success(request, _("Draft saved. You can come back and finish it later."))
            return redirect("cities:application_edit", pk=application.pk)
    return render(
        request,
        "cities/application_form.html",
        {"application": application, "form": form, "max_mb": MAX_PDF_BYTES // (1024 * 1024)},
        status=400 if form.errors else 200,
    )


def _file_response(field, name):
    if not field:
        raise Http404(_("No file is attached."))
    try:
        handle = field.open("rb")
    except FileNotFoundError:
        raise Http404(_("No file is attached.")) from None
    return FileResponse(handle, as_attachment=True, filename=name or "document.pdf", content_type="application/pdf")


@object_required(selectors.application_get)
def application_letter(request, application):
    """The letter of commitment, for staff and the applicant only (the stored name is never shown)."""
    return _file_response(application.letter, application.letter_name)


@permission_required("cities.review_applications")
@object_required(selectors.application_get)
def application_review(request, application):
    context = selectors.application_review(application=application, reviewer=request.user)
    mine = context["mine"]
    initial = {}
    if mine is not None:
        initial = {
            "comment": mine.comment,
            "conflict_of_interest": mine.conflict_of_interest,
            "conflict_note": mine.conflict_note,
        }
        initial.update({f"criterion_{s.criterion_id}": str(s.value) for s in mine.scores.all()})
    form = ReviewForm(request.POST or None, criteria=context["criteria"], initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.review_save(
                application=application,
                reviewer=request.user,
                scores=form.scores(),
                comment=form.cleaned_data["comment"],
                conflict_of_interest=form.cleaned_data["conflict_of_interest"],
                conflict_note=form.cleaned_data["conflict_note"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Your review is saved."))
            return redirect(application.get_absolute_url())
    return render(
        request,
        "cities/application_review.html",
        {"application": application, "form": form, **context},
        status=400 if form.errors else 200,
    )


@require_POST
@permission_required("cities.review_applications")
@object_required(selectors.application_get)
def application_decide(request, application):
    form = DecisionForm(request.POST)
    if form.is_valid():
        try:
            application = services.application_decide(
                application=application,
                decided_by=request.user,
                status=form.cleaned_data["status"],
                rationale=form.cleaned_data["rationale"],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("%(city)s: %(decision)s.")
                % {"city": application.city_name, "decision": application.get_status_display()},
            )
    else:
        messages.error(request, _("Choose a decision: selected, wait-listed or declined."))
    return redirect(application.get_absolute_url())


@require_POST
@permission_required("cities.review_applications")
@object_required(selectors.application_get)
def application_resend(request, application):
    try:
        services.application_resend(application=application)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("A new link was sent to %(email)s.") % {"email": application.invited_email})
    return redirect(application.get_absolute_url())


@permission_required("cities.export_cohort")
def cohort_export(request, pk, fmt):
    if fmt not in {"xlsx", "csv"}:
        raise Http404(_("Export as .xlsx or .csv."))
    data = selectors.cohort_export(user=request.user, cohort_id=pk)
    if data is None:
        raise Http404(_("No cohort with this number."))
    filename = f"{slugify(data['cohort'].name)}-{data['today'].isoformat()}"
    if fmt == "xlsx":
        response = HttpResponse(export.cohort_xlsx(data), content_type=export.XLSX_TYPE)
        response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    else:
        response = HttpResponse(export.cohort_csv(data), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


# --- City profile, onboarding, co-funding ------------------------------------------------------------


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
