"""Pages of workshops: the workshop, planning and editing it, its questions, attendance and the closing report."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from ccrs.decorators import object_action, object_required, require
from ccrs.forms import form_page, form_saved

from .. import exports, selectors, services
from ..forms import ClosingReportForm, InviteForm, QuestionForm, WorkshopForm
from .common import download, error_text, language, page, workshop_page

MANAGE = "cocreation.manage_process"


def _workshop_city(workshop):
    return workshop.process.city


def _question_city(question):
    return question.workshop.process.city


def _language_blocks(form, workshop):
    """The workshop's language and English open in the questions form; the others folded."""
    shown, folded = form.language_blocks(first={workshop.language, "en"})
    return {"shown_languages": shown, "folded_languages": folded}


# --- the workshop ---------------------------------------------------------------------------------


@object_required(selectors.workshop_get)
def workshop_detail(request, workshop):
    city = workshop.process.city
    if request.method == "POST":
        require(request.user, MANAGE, city)
        action = request.POST.get("action")
        try:
            if action == "invite_all":
                people = selectors.uninvited_stakeholders(workshop=workshop)
                result = services.invitations_invite(workshop=workshop, stakeholders=people)
                messages.success(
                    request,
                    ngettext(
                        "%(created)s invitation is being sent.",
                        "%(created)s invitations are being sent.",
                        result["created"],
                    )
                    % result,
                )
            elif action == "open":
                services.workshop_open(workshop=workshop)
                messages.success(request, _("The workshop is open for input."))
            elif action == "close":
                services.workshop_close(workshop=workshop, outcomes=request.POST.get("outcomes", ""))
                messages.success(request, _("The workshop is closed."))
        except ValidationError as error:
            messages.error(request, error_text(error))
        return redirect("cocreation:workshop", pk=workshop.pk)
    return workshop_page(
        request,
        "cocreation/workshop_detail.html",
        workshop,
        {
            "invite_form": InviteForm(),
            "starts_local": timezone.localtime(workshop.starts_at, workshop.city_tz),
            "ends_local": timezone.localtime(workshop.ends_at, workshop.city_tz),
            "closes_local": timezone.localtime(workshop.input_closes_at, workshop.city_tz),
            **selectors.workshop_detail(workshop=workshop),
        },
    )


@object_required(selectors.process_get, perm=MANAGE, target=lambda process: process.city)
def workshop_create(request, process):
    city = process.city
    form = WorkshopForm(request.POST or None, city=city, initial={"language": city.main_language})
    if saved := form_saved(
        request,
        form,
        lambda: services.workshop_schedule(process=process, **form.cleaned_data),
        success=_("The workshop was planned. Now write its questions."),
    ):
        return redirect("cocreation:questions", pk=saved.result.pk)
    return form_page(
        request, "cocreation/workshop_form.html", form, {"city": city, "process": process, "workshop": None}
    )


@object_required(selectors.workshop_get, perm=MANAGE, target=_workshop_city)
def workshop_edit(request, workshop):
    city = workshop.process.city
    form = WorkshopForm(request.POST or None, instance=workshop, city=city)
    if form_saved(
        request,
        form,
        lambda: services.workshop_update(workshop=workshop, **form.cleaned_data),
        success=_("The workshop was saved."),
    ):
        return redirect("cocreation:workshop", pk=workshop.pk)
    return form_page(
        request,
        "cocreation/workshop_form.html",
        form,
        {"city": city, "process": workshop.process, "workshop": workshop},
    )


@object_required(selectors.workshop_get)
def workshop_export(request, workshop, fmt):
    sheets = exports.workshop_sheets(workshop=workshop, language=language(request))
    return download(sheets, fmt, f"workshop-{workshop.pk}")


# --- questions ------------------------------------------------------------------------------------


@object_required(selectors.workshop_get)
def questions(request, workshop):
    """The questions editor: the form's questions in order with their translations, and a new one."""
    city = workshop.process.city
    form = QuestionForm(request.POST or None)
    if request.method == "POST":
        require(request.user, MANAGE, city)

    def save():
        services.question_add(workshop=workshop, **form.question_data())

    if form_saved(request, form, save, success=_("The question was added.")):
        return redirect("cocreation:questions", pk=workshop.pk)
    context = {**selectors.workshop_questions(workshop=workshop), **_language_blocks(form, workshop)}
    return workshop_page(request, "cocreation/question_list.html", workshop, context, form=form)


@object_required(selectors.question_get, perm=MANAGE, target=_question_city)
def question_edit(request, question):
    workshop = question.workshop
    form = QuestionForm(request.POST or None, question=question)
    if form_saved(
        request,
        form,
        lambda: services.question_update(question=question, **form.question_data()),
        success=_("The question was saved."),
    ):
        return redirect("cocreation:questions", pk=workshop.pk)
    return form_page(
        request,
        "cocreation/question_form.html",
        form,
        {"workshop": workshop, "city": workshop.process.city, "question": question, **_language_blocks(form, workshop)},
    )


def _question_step(act, success=None):
    """A button of the city's editors on a question: `act(request, question)`, back to the questions."""
    return object_action(
        selectors.question_get,
        perm=MANAGE,
        target=_question_city,
        act=act,
        success=success,
        back=lambda question: reverse("cocreation:questions", kwargs={"pk": question.workshop_id}),
    )


question_delete = _question_step(
    lambda request, question: services.question_delete(question=question), gettext_lazy("The question was removed.")
)
question_move = _question_step(
    lambda request, question: services.question_move(question=question, up=request.POST.get("direction") != "down")
)


# --- attendance and the closing report ------------------------------------------------------------


@object_required(selectors.workshop_get)
def attendance(request, workshop):
    """The register: every invitee with a check-in toggle for the city's editors."""
    query = request.GET.get("q", "")
    register = selectors.attendance_register(workshop=workshop, page=page(request), query=query)
    return workshop_page(request, "cocreation/attendance.html", workshop, {"query": query, **register})


@require_POST
@object_required(selectors.invitation_get, perm=MANAGE, target=lambda invitation: invitation.workshop.process.city)
def invitation_check_in(request, invitation):
    """Check an invitee in, or take the check-in back; with HTMX only the row is answered."""
    workshop = invitation.workshop
    error = None
    try:
        if request.POST.get("action") == "out":
            invitation = services.invitation_check_in_undo(invitation=invitation)
        else:
            invitation = services.invitation_check_in(invitation=invitation)
    except ValidationError as refused:
        error = error_text(refused)
    invitation = selectors.attendance_row(invitation=invitation)
    if request.htmx:  # answered with 200 even when refused: htmx swaps only successful answers
        context = {"inv": invitation, "can_manage": True, "error": error, "count_update": True}
        context["checked_in"] = selectors.checked_in_count(workshop=workshop)
        return render(request, "cocreation/partials/attendance_row.html", context)
    if error:
        messages.error(request, error)
    return redirect("cocreation:attendance", pk=workshop.pk)


@object_required(selectors.workshop_get)
def workshop_report(request, workshop):
    """The closing report: outcomes and attachments; attendance comes from the check-ins."""
    city = workshop.process.city
    form = ClosingReportForm(request.POST or None, request.FILES or None, initial={"outcomes": workshop.outcomes})
    if request.method == "POST":
        require(request.user, MANAGE, city)

    def save():
        data = form.cleaned_data
        services.workshop_report_save(
            workshop=workshop, outcomes=data["outcomes"], files=data["attachments"], user=request.user
        )

    if form_saved(request, form, save, success=_("The closing report was saved.")):
        return redirect("cocreation:workshop", pk=workshop.pk)
    report = selectors.workshop_report(workshop=workshop)
    return workshop_page(request, "cocreation/workshop_report.html", workshop, report, form=form)


@object_required(selectors.attachment_get)
def attachment_download(request, attachment):
    """A closing report's file, for the city's team and staff only."""
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError:
        raise Http404(_("This file is no longer stored.")) from None
    response = FileResponse(handle, as_attachment=True, filename=attachment.name, content_type=attachment.content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
@object_required(selectors.attachment_get, perm=MANAGE, target=lambda attachment: attachment.workshop.process.city)
def attachment_delete(request, attachment):
    services.attachment_delete(attachment=attachment)
    messages.success(request, _("The file was removed from the closing report."))
    return redirect("cocreation:workshop_report", pk=attachment.workshop_id)
