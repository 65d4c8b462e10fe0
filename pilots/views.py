"""Views of the pilots app: overview, results framework, updates and their review, exports."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ccrs.decorators import permission_required

from . import exports, selectors, services
from .forms import (
    ExpenditureForm,
    IndicatorForm,
    MilestoneStatusForm,
    PeriodForm,
    PilotStartForm,
    ResultForm,
    ReviewForm,
    StatusForm,
    UpdateForm,
)
from .models import Indicator, Milestone, Result, UpdateStatus


def _pilot_or_404(request, pk):
    pilot = selectors.pilot_get(user=request.user, pk=pk)
    if pilot is None:
        raise Http404(_("No pilot with this address is open to you."))
    return pilot


def _require(request, perm, city):
    if not request.user.has_perm(perm, city):
        raise PermissionDenied


def _add_errors(form, error: ValidationError):
    """Put a service's errors on the form's fields (or on the form when the field is not in it)."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


@permission_required("pilots.list_pilots")
def pilot_list(request):
    return render(request, "pilots/pilot_list.html", {"pilots": selectors.pilot_list(user=request.user)})


@permission_required("pilots.start_pilot")
def pilot_start(request):
    """Staff start a pilot from the proposal awarded in a city's call for SME proposals."""
    proposals = selectors.awards_without_pilot(user=request.user)
    initial = {"proposal": request.GET.get("proposal")}
    form = PilotStartForm(request.POST or None, proposals=proposals, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        proposal = next(p for p in proposals if p.pk == data.pop("proposal"))
        try:
            pilot = services.pilot_start_from_award(proposal=proposal, **data)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The pilot was started from the awarded proposal."))
            return redirect(pilot)
    return render(
        request,
        "pilots/pilot_start.html",
        {"form": form, "proposals": proposals},
        status=400 if form.is_bound and form.errors else 200,
    )


@login_required
def pilot_detail(request, pk):
    pilot = _pilot_or_404(request, pk)
    return render(
        request,
        "pilots/pilot_detail.html",
        {
            "pilot": pilot,
            "status_form": StatusForm(initial={"status": pilot.status}),
            "can_change_status": request.user.has_perm("pilots.review_update", pilot.city),
            "can_record_spending": request.user.has_perm("pilots.record_spending", pilot.city),
            "can_update_workplan": request.user.has_perm("pilots.update_workplan", pilot.city),
            "milestone_form": MilestoneStatusForm(),
            **selectors.pilot_overview(pilot=pilot, today=timezone.localdate()),
        },
    )


@require_POST
@login_required
def pilot_status(request, pk):
    pilot = _pilot_or_404(request, pk)
    _require(request, "pilots.review_update", pilot.city)
    form = StatusForm(request.POST)
    if form.is_valid():
        try:
            services.pilot_status_change(pilot=pilot, status=form.cleaned_data["status"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The pilot's status was changed."))
    return redirect(pilot)


@login_required
def results_framework(request, pk):
    """The results-framework editor: results, indicators and periods with their targets."""
    pilot = _pilot_or_404(request, pk)
    can_edit = request.user.has_perm("pilots.edit_framework", pilot.city)
    results = selectors.results_framework(pilot=pilot)
    indicators = [i for r in results for i in r.indicators.all()]
    baselines = {b.pk: b for b in selectors.sector_baselines_for(pilot=pilot)} if can_edit else {}
    forms = {
        "result_form": ResultForm(prefix="result"),
        "indicator_form": IndicatorForm(prefix="indicator", results=results, baselines=baselines.values()),
        "period_form": PeriodForm(prefix="period", indicators=indicators),
    }
    status = 200
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied
        action = request.POST.get("action")
        try:
            if action == "result":
                form = forms["result_form"] = ResultForm(request.POST, prefix="result")
                if form.is_valid():
                    services.result_create(pilot=pilot, **form.cleaned_data)
                    messages.success(request, _("Result added."))
                    return redirect("pilots:results", pk=pilot.pk)
            elif action == "indicator":
                form = forms["indicator_form"] = IndicatorForm(
                    request.POST, prefix="indicator", results=results, baselines=baselines.values()
                )
                if form.is_valid():
                    data = dict(form.cleaned_data)
                    result = Result.objects.get(pilot=pilot, pk=data.pop("result"))
                    data["sector_baseline"] = baselines.get(data.pop("sector_baseline", None))
                    services.indicator_create(result=result, **data)
                    messages.success(request, _("Indicator added."))
                    return redirect("pilots:results", pk=pilot.pk)
            elif action == "period":
                form = forms["period_form"] = PeriodForm(request.POST, prefix="period", indicators=indicators)
                if form.is_valid():
                    data = dict(form.cleaned_data)
                    indicator = Indicator.objects.get(result__pilot=pilot, pk=data.pop("indicator"))
                    services.period_create(indicator=indicator, **data)
                    messages.success(request, _("Period added."))
                    return redirect("pilots:results", pk=pilot.pk)
            else:
                return HttpResponse(status=400)
        except ValidationError as error:
            _add_errors(form, error)
        status = 400
    return render(
        request,
        "pilots/results_framework.html",
        {
            "pilot": pilot,
            "results": results,
            "can_edit": can_edit,
            "can_submit": request.user.has_perm("pilots.submit_update", pilot.city),
            "can_lock": request.user.has_perm("pilots.lock_period", pilot.city),
            **forms,
        },
        status=status,
    )


@login_required
def update_create(request, pk):
    """The phone form: report a period's value, narrative, photos and disaggregated values."""
    period = selectors.period_get(user=request.user, pk=pk)
    if period is None:
        raise Http404(_("No period with this address is open to you."))
    pilot = period.indicator.result.pilot
    _require(request, "pilots.submit_update", pilot.city)
    form = UpdateForm(request.POST or None, request.FILES or None, indicator=period.indicator)
    if request.method == "POST" and form.is_valid():
        try:
            update = services.update_submit(period=period, user=request.user, **form.service_kwargs())
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Your update was sent to program staff for review."))
            return redirect(update)
    return render(
        request,
        "pilots/update_form.html",
        {"period": period, "pilot": pilot, "form": form, "update": None},
        status=400 if form.errors else 200,
    )


@login_required
def update_detail(request, pk):
    update = selectors.update_get(user=request.user, pk=pk)
    if update is None:
        raise Http404(_("No update with this address is open to you."))
    pilot = update.period.indicator.result.pilot
    return render(
        request,
        "pilots/update_detail.html",
        {
            "update": update,
            "period": update.period,
            "pilot": pilot,
            "review_form": ReviewForm(),
            "can_review": request.user.has_perm("pilots.review_update", pilot.city)
            and update.status == UpdateStatus.SUBMITTED,
            "can_revise": request.user.has_perm("pilots.submit_update", pilot.city)
            and update.status != UpdateStatus.APPROVED
            and not update.period.locked,
        },
    )


@login_required
def update_edit(request, pk):
    """The officer revises a returned update and sends it again."""
    update = selectors.update_get(user=request.user, pk=pk)
    if update is None:
        raise Http404(_("No update with this address is open to you."))
    period = update.period
    pilot = period.indicator.result.pilot
    _require(request, "pilots.submit_update", pilot.city)
    initial = {
        "value": update.value,
        "numerator": update.numerator,
        "denominator": update.denominator,
        "narrative": update.narrative,
    }
    for key, values in (update.disaggregated or {}).items():
        for cat, value in values.items():
            initial[f"disaggregated_{key}_{cat}"] = value
    form = UpdateForm(request.POST or None, request.FILES or None, indicator=period.indicator, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            update = services.update_revise(update=update, user=request.user, **form.service_kwargs())
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Your revised update was sent to program staff for review."))
            return redirect(update)
    return render(
        request,
        "pilots/update_form.html",
        {"period": period, "pilot": pilot, "form": form, "update": update},
        status=400 if form.errors else 200,
    )


def _review(request, pk, action, done):
    update = selectors.update_get(user=request.user, pk=pk)
    if update is None:
        raise Http404(_("No update with this address is open to you."))
    _require(request, "pilots.review_update", update.period.indicator.result.pilot.city)
    form = ReviewForm(request.POST)
    form.is_valid()
    try:
        action(update=update, reviewer=request.user, comment=form.cleaned_data.get("comment", ""))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(update)
    messages.success(request, done)
    if request.POST.get("next") == "queue":
        return redirect("pilots:queue")
    return redirect(update)


@require_POST
@login_required
def update_approve(request, pk):
    return _review(request, pk, services.update_approve, _("Update approved; the period's actual is updated."))


@require_POST
@login_required
def update_return(request, pk):
    return _review(request, pk, services.update_return, _("Update returned to the city team with your comment."))


@require_POST
@login_required
def period_lock(request, pk):
    period = selectors.period_get(user=request.user, pk=pk)
    if period is None:
        raise Http404(_("No period with this address is open to you."))
    pilot = period.indicator.result.pilot
    _require(request, "pilots.lock_period", pilot.city)
    period = services.period_lock(period=period, locked=not period.locked)
    messages.success(request, _("Period locked.") if period.locked else _("Period opened again."))
    return redirect("pilots:results", pk=pilot.pk)


@permission_required("pilots.review_queue")
def approval_queue(request):
    page = selectors.approval_queue(
        user=request.user, page=request.GET.get("page") or 1, city_slug=request.GET.get("city", "")
    )
    return render(request, "pilots/update_queue.html", {"page": page, "review_form": ReviewForm()})


@login_required
def export_xlsx(request, pk):
    pilot = _pilot_or_404(request, pk)
    body = exports.results_xlsx(pilot=pilot, results=selectors.export_rows(pilot=pilot))
    response = HttpResponse(body, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="{slugify(pilot.title)}-results.xlsx"'
    return response


@login_required
def export_iati(request, pk):
    pilot = _pilot_or_404(request, pk)
    body = exports.iati_activity_xml(pilot=pilot, results=selectors.export_rows(pilot=pilot))
    response = HttpResponse(body, content_type="application/xml")
    response["Content-Disposition"] = f'attachment; filename="{slugify(pilot.title)}-iati.xml"'
    return response


@login_required
def expenditure_add(request, pk):
    """Record spending against a budget line, with its receipt; converted through the dated rates."""
    pilot = _pilot_or_404(request, pk)
    _require(request, "pilots.record_spending", pilot.city)
    lines = list(pilot.budget_lines.order_by("category", "description"))
    form = ExpenditureForm(request.POST or None, request.FILES or None, lines=lines)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        line = next(line for line in lines if line.pk == data.pop("budget_line"))
        try:
            services.expenditure_record(budget_line=line, evidence_file=data.pop("evidence"), **data)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Expenditure recorded."))
            return redirect(pilot)
    return render(
        request,
        "pilots/expenditure_form.html",
        {"pilot": pilot, "form": form},
        status=400 if form.errors else 200,
    )


@require_POST
@login_required
def milestone_status(request, pk):
    milestone = Milestone.objects.filter(pk=pk, pilot__in=selectors.pilots_visible_to(user=request.user)).first()
    if milestone is None:
        raise Http404(_("No milestone with this address is open to you."))
    pilot = selectors.pilot_get(user=request.user, pk=milestone.pilot_id)
    _require(request, "pilots.update_workplan", pilot.city)
    form = MilestoneStatusForm(request.POST)
    if form.is_valid():
        services.milestone_status_set(milestone=milestone, status=form.cleaned_data["status"])
        messages.success(request, _("Milestone updated."))
    else:
        messages.error(request, _("Choose planned, in progress, done or cancelled."))
    return redirect(pilot)
