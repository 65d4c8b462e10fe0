"""Views of the cities app: cities, their dashboards, teams, profiles and onboarding; applications."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from ccrs import panels
from ccrs import services as account_services
from ccrs.decorators import permission_required
from ccrs.forms import InvitationAcceptForm
from ccrs.inputs import id_from
from ccrs.selectors import email_is_verified
from ccrs.services import InvitationInvalid

from . import export, selectors, services
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


def _form_errors(form, error: ValidationError) -> None:
    """Put a service's ValidationError on the form: on its field when the form has it, else on top."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


# --- Applications --------------------------------------------------------------------------------


@login_required
def application_list(request):
    """Staff: a cohort's applications ranked by score, with the call's pipeline. Applicants: their own."""
    staff = request.user.has_perm("cities.review_applications")
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
            _form_errors(form, error)
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
    try:
        application = services.application_from_token(token=token)
    except InvitationInvalid as error:
        return render(request, "ccrs/invitation_invalid.html", {"reason": error.message}, status=error.status)
    user = request.user if request.user.is_authenticated else None
    needs_account = user is None
    account_exists = needs_account and get_user_model().objects.filter(email__iexact=application.invited_email).exists()
    form = InvitationAcceptForm(request.POST or None, email=application.invited_email) if needs_account else None
    login_url = f"{reverse('account_login')}?{urlencode({'next': request.get_full_path()})}"
    if request.method == "POST" and not account_exists and (form is None or form.is_valid()):
        try:
            applicant, application = services.application_invitation_accept(
                token=token,
                user=user,
                full_name=form.cleaned_data["full_name"] if form else "",
                password=form.cleaned_data["password1"] if form else "",
            )
        except InvitationInvalid as error:
            return render(request, "ccrs/invitation_invalid.html", {"reason": error.message}, status=error.status)
        except ValidationError as error:
            if form is None:
                raise
            form.add_error(None, error)
        else:
            if needs_account:
                login(request, applicant, backend="allauth.account.auth_backends.AuthenticationBackend")
            messages.success(request, _("Welcome. Fill in the application; you can save a draft at any time."))
            return redirect("cities:application_edit", pk=application.pk)
    wrong_user = user is not None and not email_is_verified(user=user, email=application.invited_email)
    return render(
        request,
        "cities/application_accept.html",
        {
            "application": application,
            "form": form,
            "account_exists": account_exists,
            "wrong_user": wrong_user,
            "login_url": login_url,
        },
        status=403 if wrong_user else 200,
    )


def _application_or_404(request, pk):
    application = selectors.application_get(user=request.user, pk=pk)
    if application is None:
        raise Http404(_("No application with this number is open to you."))
    return application


@login_required
def application_detail(request, pk):
    """The application; staff also see its reviews and decide; the applicant sees the decision."""
    application = _application_or_404(request, pk)
    staff = request.user.has_perm("cities.review_applications")
    context = {
        "application": application,
        "staff": staff,
        "can_edit": request.user.has_perm("cities.edit_application", application),
    }
    if staff:
        context.update(selectors.application_review(application=application, reviewer=request.user))
        context["decision_form"] = DecisionForm()
        context["can_decide"] = application.status in services.DECISIONS
    return render(request, "cities/application_detail.html", context)


@login_required
def application_edit(request, pk):
    """The applicant fills in the application: save a draft, or submit it when complete."""
    application = _application_or_404(request, pk)
    if not request.user.has_perm("cities.edit_application", application):
        raise PermissionDenied
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
            _form_errors(form, error)
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


@login_required
def application_letter(request, pk):
    """The letter of commitment, for staff and the applicant only (the stored name is never shown)."""
    application = _application_or_404(request, pk)
    return _file_response(application.letter, application.letter_name)


@permission_required("cities.review_applications")
def application_review(request, pk):
    application = _application_or_404(request, pk)
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
            _form_errors(form, error)
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
def application_decide(request, pk):
    application = _application_or_404(request, pk)
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
def application_resend(request, pk):
    application = _application_or_404(request, pk)
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


@login_required
def city_profile(request, slug):
    """The city's profile, stage, co-funding and team; the lead and staff edit the profile here."""
    city = _city_or_404(request, slug)
    can_change = request.user.has_perm("cities.change_profile", city)
    can_record = request.user.has_perm("cities.record_cofunding", city)
    form = CityProfileForm(request.POST or None, instance=city) if can_change else None
    if request.method == "POST":
        if not can_change:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.city_profile_update(city=city, data=form.cleaned_data)
            except ValidationError as error:
                _form_errors(form, error)
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
@login_required
def cofunding_add(request, slug):
    city = _city_or_404(request, slug)
    if not request.user.has_perm("cities.record_cofunding", city):
        raise PermissionDenied
    form = CoFundingForm(request.POST)
    if form.is_valid():
        try:
            services.cofunding_record(city=city, recorded_by=request.user, **form.cleaned_data)
        except ValidationError as error:
            _form_errors(form, error)
    if form.errors:
        for field, errors in form.errors.items():
            label = form.fields[field].label if field in form.fields else ""
            messages.error(request, f"{label}: {' '.join(errors)}" if label else " ".join(errors))
    else:
        messages.success(request, _("The co-funding record is saved."))
    return redirect("cities:profile", slug=city.slug)


@login_required
def city_onboarding(request, slug):
    city = _city_or_404(request, slug)
    return render(
        request,
        "cities/city_onboarding.html",
        {
            "city": city,
            "can_complete": request.user.has_perm("cities.complete_step", city),
            "can_reopen": request.user.has_perm("cities.reopen_step", city),
            "form": StepCompleteForm(),
            **selectors.city_onboarding(city=city),
        },
    )


def _step_or_404(request, slug, step_id):
    city = _city_or_404(request, slug)
    step = selectors.onboarding_step_get(city=city, step_id=step_id)
    if step is None:
        raise Http404(_("This onboarding step does not exist."))
    return city, step


@require_POST
@login_required
def step_complete(request, slug, step_id):
    city, step = _step_or_404(request, slug, step_id)
    if not request.user.has_perm("cities.complete_step", city):
        raise PermissionDenied
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
    return redirect("cities:onboarding", slug=city.slug)


@require_POST
@login_required
def step_reopen(request, slug, step_id):
    city, step = _step_or_404(request, slug, step_id)
    if not request.user.has_perm("cities.reopen_step", city):
        raise PermissionDenied
    try:
        services.step_reopen(step=step)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("cities:onboarding", slug=city.slug)


@login_required
def step_evidence(request, slug, step_id):
    _city, step = _step_or_404(request, slug, step_id)
    return _file_response(step.evidence_file, step.evidence_name)
