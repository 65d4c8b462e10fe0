"""Pages through which a city's team does the co-creation work: processes and their phases, the
stakeholder registry, workshops with their forms, invitations, attendance and the closing report."""

import csv
import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ccrs.inputs import id_from

from . import selectors, services
from .forms import (
    ClosingReportForm,
    InviteCsvForm,
    InviteFilterForm,
    PhaseScheduleForm,
    ProcessForm,
    QuestionForm,
    StakeholderCsvForm,
    StakeholderEditForm,
    WorkshopForm,
)
from .models import Phase, Question, StakeholderInvitation, WorkshopAttachment
from .views import _city_or_404, _must_manage, _page, _workshop_or_404

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


def _may_manage(request, city) -> bool:
    return request.user.has_perm("cocreation.manage_process", city)


def _add_errors(form, error: ValidationError):
    """A service's errors on the form's fields, or on the form when the field is not in it."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        for message in error.messages:
            form.add_error(None, message)


def _status(form):
    return 400 if form.is_bound and form.errors else 200


def _process_or_404(request, pk):
    process = selectors.process_get(user=request.user, pk=pk)
    if process is None:
        raise Http404(_("No process with this address is open to you."))
    return process


def _managed_workshop(request, pk):
    workshop = _workshop_or_404(request, pk)
    _must_manage(request, workshop.process.city)
    return workshop


def _invitation_or_404(request, pk):
    invitation = StakeholderInvitation.objects.filter(pk=pk).select_related("stakeholder").first()
    workshop = invitation and selectors.workshop_get(user=request.user, pk=invitation.workshop_id)
    if workshop is None:
        raise Http404(_("No invitation with this address is open to you."))
    invitation.workshop = workshop
    return invitation


# --- processes and phases -------------------------------------------------------------------------


@login_required
def process_create(request, slug):
    city = _city_or_404(request, slug)
    _must_manage(request, city)
    form = ProcessForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            process = services.process_create(city=city, **form.cleaned_data)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The process was created. Now schedule its phases."))
            return redirect("cocreation:process_phases", pk=process.pk)
    return render(
        request, "cocreation/process_form.html", {"form": form, "city": city, "process": None}, status=_status(form)
    )


@login_required
def process_edit(request, pk):
    process = _process_or_404(request, pk)
    _must_manage(request, process.city)
    form = ProcessForm(request.POST or None, initial={"title": process.title, "challenge": process.challenge})
    if request.method == "POST" and form.is_valid():
        try:
            services.process_update(process=process, **form.cleaned_data)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The process was saved."))
            return redirect("cocreation:process", pk=process.pk)
    return render(
        request,
        "cocreation/process_form.html",
        {"form": form, "city": process.city, "process": process},
        status=_status(form),
    )


@login_required
def process_phases(request, pk):
    """The dates of the five phases, set together; a phase without dates stays unscheduled."""
    process = _process_or_404(request, pk)
    _must_manage(request, process.city)
    phases = {p.kind: p for p in process.phases.all()}
    initial = {}
    for kind, phase in phases.items():
        initial[f"{kind}_starts_on"], initial[f"{kind}_ends_on"] = phase.starts_on, phase.ends_on
    form = PhaseScheduleForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.process_schedule(process=process, schedule=form.cleaned_data["schedule"])
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The phases were scheduled."))
            return redirect("cocreation:process", pk=process.pk)
    return render(
        request,
        "cocreation/process_phases.html",
        {"form": form, "city": process.city, "process": process, "timeline": selectors.timeline(process)},
        status=_status(form),
    )


@require_POST
@login_required
def phase_advance(request, pk):
    """Start a planned phase or finish a running one."""
    phase = Phase.objects.filter(pk=pk).first()
    process = phase and selectors.process_get(user=request.user, pk=phase.process_id)
    if process is None:
        raise Http404(_("No phase with this address is open to you."))
    _must_manage(request, process.city)
    try:
        phase = services.phase_advance(phase=phase)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("%(phase)s: %(status)s.") % {"phase": phase.get_kind_display(), "status": phase.get_status_display()},
        )
    return redirect("cocreation:process", pk=process.pk)


# --- stakeholder registry -------------------------------------------------------------------------


def _stakeholder_fields(form):
    data = dict(form.cleaned_data)
    consent = data.pop("consent", False)
    return data, form.consent_version if consent else ""


@login_required
def stakeholder_add(request, slug):
    """Add a person to the registry; an e-mail already there updates that person instead."""
    city = _city_or_404(request, slug)
    _must_manage(request, city)
    form = StakeholderEditForm(request.POST or None, initial={"language": city.main_language})
    if request.method == "POST" and form.is_valid():
        fields, consent_version = _stakeholder_fields(form)
        try:
            _person, created = services.stakeholder_register(city=city, consent_version=consent_version, **fields)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(
                request,
                _("Added to the registry.")
                if created
                else _("%(email)s was already in the registry: its details were updated.") % {"email": fields["email"]},
            )
            return redirect("cocreation:stakeholders", slug=city.slug)
    return render(
        request,
        "cocreation/stakeholder_form.html",
        {"form": form, "city": city, "stakeholder": None},
        status=_status(form),
    )


@login_required
def stakeholder_edit(request, pk):
    stakeholder = selectors.stakeholder_get(user=request.user, pk=pk)
    if stakeholder is None:
        raise Http404(_("No stakeholder with this address is open to you."))
    city = stakeholder.city
    _must_manage(request, city)
    form = StakeholderEditForm(request.POST or None, instance=stakeholder)
    if request.method == "POST" and form.is_valid():
        fields, consent_version = _stakeholder_fields(form)
        try:
            services.stakeholder_update(stakeholder=stakeholder, consent_version=consent_version, **fields)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The stakeholder was saved."))
            return redirect("cocreation:stakeholders", slug=city.slug)
        stakeholder.refresh_from_db()
    return render(
        request,
        "cocreation/stakeholder_form.html",
        {"form": form, "city": city, "stakeholder": stakeholder},
        status=_status(form),
    )


def _csv_error_list(form, error: ValidationError):
    for message in error.messages:
        form.add_error("file", message)


@login_required
def stakeholder_import(request, slug):
    """Import a CSV file into the registry: every row or none, each wrong row named."""
    city = _city_or_404(request, slug)
    _must_manage(request, city)
    form = StakeholderCsvForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            result = services.stakeholders_import(
                city=city,
                csv_text=form.cleaned_data["file"],
                consent_version=form.consent_version if form.cleaned_data["consent"] else "",
            )
        except ValidationError as error:
            _csv_error_list(form, error)
        else:
            messages.success(
                request,
                _("Imported: %(created)s new, %(updated)s updated.")
                % {"created": result["created"], "updated": result["updated"]},
            )
            return redirect("cocreation:stakeholders", slug=city.slug)
    return render(
        request,
        "cocreation/stakeholder_import.html",
        {"form": form, "city": city, "columns": services.CSV_COLUMNS},
        status=_status(form),
    )


@login_required
def stakeholder_template(request, slug):
    """A CSV file with the registry's columns and one example row, to fill in and import."""
    _city_or_404(request, slug)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(services.CSV_COLUMNS)
    writer.writerows(TEMPLATE_ROWS)
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="stakeholders-template.csv"'
    return response


# --- workshops and their forms --------------------------------------------------------------------


@login_required
def workshop_create(request, pk):
    process = _process_or_404(request, pk)
    city = process.city
    _must_manage(request, city)
    form = WorkshopForm(request.POST or None, city=city, initial={"language": city.main_language})
    if request.method == "POST" and form.is_valid():
        try:
            workshop = services.workshop_schedule(process=process, **form.cleaned_data)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The workshop was planned. Now write its questions."))
            return redirect("cocreation:questions", pk=workshop.pk)
    return render(
        request,
        "cocreation/workshop_form.html",
        {"form": form, "city": city, "process": process, "workshop": None},
        status=_status(form),
    )


@login_required
def workshop_edit(request, pk):
    workshop = _managed_workshop(request, pk)
    city = workshop.process.city
    form = WorkshopForm(request.POST or None, instance=workshop, city=city)
    if request.method == "POST" and form.is_valid():
        try:
            services.workshop_update(workshop=workshop, **form.cleaned_data)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The workshop was saved."))
            return redirect("cocreation:workshop", pk=workshop.pk)
    return render(
        request,
        "cocreation/workshop_form.html",
        {"form": form, "city": city, "process": workshop.process, "workshop": workshop},
        status=_status(form),
    )


@login_required
def questions(request, pk):
    """The questions editor: the form's questions in order with their translations, and a new one."""
    workshop = _workshop_or_404(request, pk)
    city = workshop.process.city
    can_manage = _may_manage(request, city)
    form = QuestionForm(request.POST or None)
    if request.method == "POST":
        _must_manage(request, city)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.question_add(
                    workshop=workshop,
                    kind=data["kind"],
                    text=data["text"],
                    choices=data["choices"],
                    required=data["required"],
                    scale_max=data["scale_max"],
                )
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(request, _("The question was added."))
                return redirect("cocreation:questions", pk=workshop.pk)
    return render(
        request,
        "cocreation/question_list.html",
        {
            "workshop": workshop,
            "city": city,
            "can_manage": can_manage,
            "form": form,
            "questions": list(workshop.questions.all()),
            "answered": workshop.submissions.exists(),
            **_language_blocks(form, workshop),
        },
        status=_status(form),
    )


def _language_blocks(form, workshop):
    """The workshop's language and English open in the questions form; the others folded."""
    shown, folded = form.language_blocks(first={workshop.language, "en"})
    return {"shown_languages": shown, "folded_languages": folded}


def _question_or_404(request, pk):
    question = Question.objects.filter(pk=pk).first()
    workshop = question and selectors.workshop_get(user=request.user, pk=question.workshop_id)
    if workshop is None:
        raise Http404(_("No question with this address is open to you."))
    _must_manage(request, workshop.process.city)
    question.workshop = workshop
    return question


@login_required
def question_edit(request, pk):
    question = _question_or_404(request, pk)
    workshop = question.workshop
    form = QuestionForm(request.POST or None, question=question)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.question_update(
                question=question,
                kind=data["kind"],
                text=data["text"],
                choices=data["choices"],
                required=data["required"],
                scale_max=data["scale_max"],
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The question was saved."))
            return redirect("cocreation:questions", pk=workshop.pk)
    return render(
        request,
        "cocreation/question_form.html",
        {
            "form": form,
            "workshop": workshop,
            "city": workshop.process.city,
            "question": question,
            **_language_blocks(form, workshop),
        },
        status=_status(form),
    )


@require_POST
@login_required
def question_delete(request, pk):
    question = _question_or_404(request, pk)
    try:
        services.question_delete(question=question)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The question was removed."))
    return redirect("cocreation:questions", pk=question.workshop_id)


@require_POST
@login_required
def question_move(request, pk):
    question = _question_or_404(request, pk)
    try:
        services.question_move(question=question, up=request.POST.get("direction") != "down")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("cocreation:questions", pk=question.workshop_id)


# --- invitations ----------------------------------------------------------------------------------


@login_required
def workshop_invite(request, pk):
    """Invite stakeholders of the registry: filter by type or name, tick the people, send."""
    workshop = _managed_workshop(request, pk)
    city = workshop.process.city
    filters = InviteFilterForm(request.GET or None)
    kind = query = ""
    if filters.is_valid():
        kind, query = filters.cleaned_data["kind"], filters.cleaned_data["q"]
    data = selectors.invite_candidates(workshop=workshop, kind=kind, query=query)
    status = 200
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
            messages.error(request, " ".join(error.messages))
            status = 400
        else:
            messages.success(request, _("%(created)s invitations are being sent.") % result)
            return redirect("cocreation:workshop", pk=workshop.pk)
    return render(
        request,
        "cocreation/workshop_invite.html",
        {"workshop": workshop, "city": city, "filters": filters, "kind": kind, "query": query, **data},
        status=status,
    )


@login_required
def workshop_invite_csv(request, pk):
    """Invite the people of a CSV file: they join the registry (one per e-mail) and are invited, all or none."""
    workshop = _managed_workshop(request, pk)
    form = InviteCsvForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            result = services.invitations_import(
                workshop=workshop,
                csv_text=form.cleaned_data["file"],
                consent_version=form.consent_version if form.cleaned_data["consent"] else "",
            )
        except ValidationError as error:
            _csv_error_list(form, error)
        else:
            messages.success(
                request,
                _("%(invited)s invitations are being sent (registry: %(created)s new, %(updated)s updated).") % result,
            )
            return redirect("cocreation:workshop", pk=workshop.pk)
    return render(
        request,
        "cocreation/workshop_invite_csv.html",
        {"workshop": workshop, "city": workshop.process.city, "form": form, "columns": services.CSV_COLUMNS},
        status=_status(form),
    )


@require_POST
@login_required
def invitation_resend(request, pk):
    invitation = _invitation_or_404(request, pk)
    _must_manage(request, invitation.workshop.process.city)
    try:
        services.invitation_resend(invitation=invitation)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("The link is being sent again to %(email)s.") % {"email": invitation.stakeholder.email}
        )
    return redirect("cocreation:workshop", pk=invitation.workshop_id)


# --- attendance and the closing report ------------------------------------------------------------


@login_required
def attendance(request, pk):
    """The register: every invitee with a check-in toggle for the city's editors."""
    workshop = _workshop_or_404(request, pk)
    city = workshop.process.city
    return render(
        request,
        "cocreation/attendance.html",
        {
            "workshop": workshop,
            "city": city,
            "can_manage": _may_manage(request, city),
            "query": request.GET.get("q", ""),
            **selectors.attendance_register(workshop=workshop, page=_page(request), query=request.GET.get("q", "")),
        },
    )


@require_POST
@login_required
def invitation_check_in(request, pk):
    """Check an invitee in, or take the check-in back; with HTMX only the row is answered."""
    invitation = _invitation_or_404(request, pk)
    workshop = invitation.workshop
    _must_manage(request, workshop.process.city)
    error = None
    try:
        if request.POST.get("action") == "out":
            invitation = services.invitation_check_in_undo(invitation=invitation)
        else:
            invitation = services.invitation_check_in(invitation=invitation)
    except ValidationError as refused:
        error = " ".join(refused.messages)
    invitation = StakeholderInvitation.objects.select_related("stakeholder").get(pk=invitation.pk)
    if request.htmx:  # answered with 200 even when refused: htmx swaps only successful answers
        context = {"inv": invitation, "can_manage": True, "error": error, "count_update": True}
        context["checked_in"] = selectors.checked_in_count(workshop=workshop)
        return render(request, "cocreation/partials/attendance_row.html", context)
    if error:
        messages.error(request, error)
    return redirect("cocreation:attendance", pk=workshop.pk)


@login_required
def workshop_report(request, pk):
    """The closing report: outcomes and attachments; attendance comes from the check-ins."""
    workshop = _workshop_or_404(request, pk)
    city = workshop.process.city
    can_manage = _may_manage(request, city)
    form = ClosingReportForm(request.POST or None, request.FILES or None, initial={"outcomes": workshop.outcomes})
    if request.method == "POST":
        _must_manage(request, city)
        if form.is_valid():
            try:
                services.workshop_report_save(
                    workshop=workshop,
                    outcomes=form.cleaned_data["outcomes"],
                    files=form.cleaned_data["attachments"],
                    user=request.user,
                )
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(request, _("The closing report was saved."))
                return redirect("cocreation:workshop", pk=workshop.pk)
    return render(
        request,
        "cocreation/workshop_report.html",
        {
            "workshop": workshop,
            "city": city,
            "can_manage": can_manage,
            "form": form,
            **selectors.workshop_report(workshop=workshop),
        },
        status=_status(form),
    )


def _attachment_or_404(request, pk):
    attachment = WorkshopAttachment.objects.filter(pk=pk).first()
    workshop = attachment and selectors.workshop_get(user=request.user, pk=attachment.workshop_id)
    if workshop is None:
        raise Http404(_("No file with this address is open to you."))
    attachment.workshop = workshop
    return attachment


@login_required
def attachment_download(request, pk):
    """A closing report's file, for the city's team and staff only."""
    attachment = _attachment_or_404(request, pk)
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError:
        raise Http404(_("This file is no longer stored.")) from None
    response = FileResponse(handle, as_attachment=True, filename=attachment.name, content_type=attachment.content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
@login_required
def attachment_delete(request, pk):
    attachment = _attachment_or_404(request, pk)
    _must_manage(request, attachment.workshop.process.city)
    services.attachment_delete(attachment=attachment)
    messages.success(request, _("The file was removed from the closing report."))
    return redirect("cocreation:workshop_report", pk=attachment.workshop_id)
