"""Pages of the call for applications: invitations to apply, the application, its review and decision."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from ccrs.decorators import object_required, permission_required
from ccrs.forms import add_service_errors, form_saved
from ccrs.inputs import id_from
from ccrs.views import LinkFlow, link_accept

from .. import export, rules, selectors, services
from ..forms import (
    ApplicationForm,
    ApplicationInviteForm,
    DecisionForm,
    ReviewForm,
)
from ..letters import MAX_PDF_BYTES


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
    if form_saved(
        request,
        form,
        lambda: services.review_save(
            application=application,
            reviewer=request.user,
            scores=form.scores(),
            comment=form.cleaned_data["comment"],
            conflict_of_interest=form.cleaned_data["conflict_of_interest"],
            conflict_note=form.cleaned_data["conflict_note"],
        ),
        success=_("Your review is saved."),
    ):
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
