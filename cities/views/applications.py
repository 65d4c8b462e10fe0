"""Pages of the call for applications: invitations to apply, the application, its review and decision."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms.models import model_to_dict
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from ccrs.decorators import object_action, object_required, permission_required
from ccrs.forms import add_service_errors, form_action, form_page, form_saved
from ccrs.inputs import id_from
from ccrs.views import LinkFlow, link_page

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
    if saved := form_saved(
        request,
        form,
        lambda: services.application_invite(invited_by=request.user, **form.cleaned_data),
        success=lambda application: (
            _("%(city)s is invited to apply; the link went to %(email)s.")
            % {"city": application.city_name, "email": application.invited_email}
        ),
    ):
        return redirect(saved.result.get_absolute_url())
    return form_page(request, "cities/application_invite.html", form)


# The applicant opens the e-mailed link: makes an account (or uses theirs) and lands on the draft.
application_accept = link_page(
    LinkFlow(
        kind=services.APPLICATION_INVITATION,
        email="invited_email",
        name="application",
        accept=services.application_invitation_accept,
        template="cities/application_accept.html",
        welcome=gettext_lazy("Welcome. Fill in the application; you can save a draft at any time."),
        then=lambda application: reverse("cities:application_edit", kwargs={"pk": application.pk}),
    )
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
    return form_page(
        request,
        "cities/application_form.html",
        form,
        {"application": application, "max_mb": MAX_PDF_BYTES // (1024 * 1024)},
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
        initial = model_to_dict(mine, fields=["comment", "conflict_of_interest", "conflict_note"])
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
    return form_page(request, "cities/application_review.html", form, {"application": application, **context})


@require_POST
@permission_required("cities.review_applications")
@object_required(selectors.application_get)
def application_decide(request, application):
    form_action(
        request,
        DecisionForm(request.POST),
        lambda data: services.application_decide(
            application=application, decided_by=request.user, status=data["status"], rationale=data["rationale"]
        ),
        invalid=_("Choose a decision: selected, wait-listed or declined."),
        success=lambda decided: (
            _("%(city)s: %(decision)s.") % {"city": decided.city_name, "decision": decided.get_status_display()}
        ),
    )
    return redirect(application.get_absolute_url())


application_resend = require_POST(
    permission_required("cities.review_applications")(
        object_action(
            selectors.application_get,
            act=lambda request, application: services.application_resend(application=application),
            success=lambda application, _sent: (
                _("A new link was sent to %(email)s.") % {"email": application.invited_email}
            ),
            back=lambda application: application,
        )
    )
)


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
