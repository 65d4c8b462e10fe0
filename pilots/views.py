"""Views of the pilots app: overview, results framework, updates and their review, exports."""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ccrs import fragments
from ccrs.decorators import object_required, permission_required, require
from ccrs.forms import add_service_errors, form_page, form_saved
from ccrs.rules import is_program_staff

from . import exports, rules, selectors, services
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
from .models import UpdateStatus


def _of_pilot_city(obj):
    """The city of the pilot a period or an update belongs to: object permissions take the pilot's city."""
    period = getattr(obj, "period", obj)
    return period.indicator.result.pilot.city


@permission_required("pilots.list_pilots")
def pilot_list(request):
    """The pilots the reader may see; staff's (all of them) drawn once per change of the program's data."""
    number = request.GET.get("page") or 1

    def context():
        return {"page": selectors.pilot_list(user=request.user, page=number)}

    template = "pilots/partials/pilot_list_page.html"
    if is_program_staff(request.user):
        body = fragments.drawn(template, f"staff:{fragments.key_of(number)}", context)
    else:  # a city team's few pilots, its own
        body = render_to_string(template, context())
    return render(request, "pilots/pilot_list.html", {"body": body})


@permission_required("pilots.start_pilot")
def pilot_start(request):
    """Staff start a pilot from the proposal awarded in a city's call for SME proposals."""
    proposals = selectors.awards_without_pilot(user=request.user)
    initial = {"proposal": request.GET.get("proposal")}
    form = PilotStartForm(request.POST or None, proposals=proposals, initial=initial)

    def start():
        data = dict(form.cleaned_data)
        proposal = next(p for p in proposals if p.pk == data.pop("proposal"))
        return services.pilot_start_from_award(proposal=proposal, **data)

    if saved := form_saved(request, form, start, success=_("The pilot was started from the awarded proposal.")):
        return redirect(saved.result)
    return form_page(request, "pilots/pilot_start.html", form, {"proposals": proposals})


@object_required(selectors.pilot_get)
def pilot_detail(request, pilot):
    abilities = rules.abilities(request.user, pilot.city)
    return render(
        request,
        "pilots/pilot_detail.html",
        {
            "pilot": pilot,
            "status_form": StatusForm(initial={"status": pilot.status}),
            "can_change_status": abilities["can_review"],
            "can_record_spending": abilities["can_record_spending"],
            "can_update_workplan": abilities["can_update_workplan"],
            "milestone_form": MilestoneStatusForm(),
            **selectors.pilot_overview(pilot=pilot, today=timezone.localdate()),
        },
    )


@require_POST
@object_required(selectors.pilot_get, perm="pilots.review_update", target=lambda pilot: pilot.city)
def pilot_status(request, pilot):
    form = StatusForm(request.POST)
    if form.is_valid():
        try:
            services.pilot_status_change(pilot=pilot, status=form.cleaned_data["status"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The pilot's status was changed."))
    return redirect(pilot)


@object_required(selectors.pilot_get)
def results_framework(request, pilot):
    """The results-framework editor: results, indicators and periods with their targets."""
    abilities = rules.abilities(request.user, pilot.city)
    can_edit = abilities["can_edit"]
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
        require(request.user, "pilots.edit_framework", pilot.city)
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
                    result = selectors.result_get(pilot=pilot, pk=data.pop("result"))
                    data["sector_baseline"] = baselines.get(data.pop("sector_baseline", None))
                    services.indicator_create(result=result, **data)
                    messages.success(request, _("Indicator added."))
                    return redirect("pilots:results", pk=pilot.pk)
            elif action == "period":
                form = forms["period_form"] = PeriodForm(request.POST, prefix="period", indicators=indicators)
                if form.is_valid():
                    data = dict(form.cleaned_data)
                    indicator = selectors.indicator_get(pilot=pilot, pk=data.pop("indicator"))
                    services.period_create(indicator=indicator, **data)
                    messages.success(request, _("Period added."))
                    return redirect("pilots:results", pk=pilot.pk)
            else:
                return HttpResponse(status=400)
        except ValidationError as error:
            add_service_errors(form, error)
        status = 400
    return render(
        request,
        "pilots/results_framework.html",
        {
            "pilot": pilot,
            "results": results,
            "can_edit": can_edit,
            "can_submit": abilities["can_submit"],
            "can_lock": abilities["can_lock"],
            **forms,
        },
        status=status,
    )


@object_required(selectors.period_get, perm="pilots.submit_update", target=_of_pilot_city)
def update_create(request, period):
    """The phone form: report a period's value, narrative, photos and disaggregated values."""
    form = UpdateForm(request.POST or None, request.FILES or None, indicator=period.indicator)
    return _update_page(
        request,
        form,
        period,
        None,
        lambda: services.update_submit(period=period, user=request.user, **form.service_kwargs()),
        _("Your update was sent to program staff for review."),
    )


def _update_page(request, form, period, update, save, success):
    """The phone form of an update, new (`update` None) or revised: `save` (the service call) sends it to staff."""
    if saved := form_saved(request, form, save, success=success):
        return redirect(saved.result)
    context = {"period": period, "pilot": period.indicator.result.pilot, "update": update}
    return form_page(request, "pilots/update_form.html", form, context)


@object_required(selectors.update_get)
def update_detail(request, update):
    pilot = update.period.indicator.result.pilot
    abilities = rules.abilities(request.user, pilot.city)
    return render(
        request,
        "pilots/update_detail.html",
        {
            "update": update,
            "period": update.period,
            "pilot": pilot,
            "review_form": ReviewForm(),
            "can_review": abilities["can_review"] and update.status == UpdateStatus.SUBMITTED,
            "can_revise": abilities["can_submit"]
            and update.status != UpdateStatus.APPROVED
            and not update.period.locked,
        },
    )


@object_required(selectors.update_get, perm="pilots.submit_update", target=_of_pilot_city)
def update_edit(request, update):
    """The officer revises a returned update and sends it again."""
    period = update.period
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
    return _update_page(
        request,
        form,
        period,
        update,
        lambda: services.update_revise(update=update, user=request.user, **form.service_kwargs()),
        _("Your revised update was sent to program staff for review."),
    )


def _review(request, update, action, done):
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
@object_required(selectors.update_get, perm="pilots.review_update", target=_of_pilot_city)
def update_approve(request, update):
    return _review(request, update, services.update_approve, _("Update approved; the period's actual is updated."))


@require_POST
@object_required(selectors.update_get, perm="pilots.review_update", target=_of_pilot_city)
def update_return(request, update):
    return _review(request, update, services.update_return, _("Update returned to the city team with your comment."))


@require_POST
@object_required(selectors.period_get, perm="pilots.lock_period", target=_of_pilot_city)
def period_lock(request, period):
    pilot = period.indicator.result.pilot
    period = services.period_lock(period=period, locked=not period.locked)
    messages.success(request, _("Period locked.") if period.locked else _("Period opened again."))
    return redirect("pilots:results", pk=pilot.pk)


@permission_required("pilots.review_queue")
def approval_queue(request):
    """The updates waiting for staff, the same for every staff member: each page (and city) drawn once per change
    of the program's data; the approve buttons post through the page's one form, which holds the CSRF token."""
    number, city = request.GET.get("page") or 1, request.GET.get("city", "")

    def context():
        page = selectors.approval_queue(user=request.user, page=number, city_slug=city)
        return {"page": page, "paging": urlencode({"city": city}) if city else ""}

    body = fragments.drawn("pilots/partials/update_queue_page.html", f"queue:{fragments.key_of(number, city)}", context)
    return render(request, "pilots/update_queue.html", {"body": body})


@object_required(selectors.pilot_get)
def export_xlsx(request, pilot):
    body = exports.results_xlsx(pilot=pilot, results=selectors.export_rows(pilot=pilot))
    response = HttpResponse(body, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="{slugify(pilot.title)}-results.xlsx"'
    return response


@object_required(selectors.pilot_get)
def export_iati(request, pilot):
    body = exports.iati_activity_xml(pilot=pilot, results=selectors.export_rows(pilot=pilot))
    response = HttpResponse(body, content_type="application/xml")
    response["Content-Disposition"] = f'attachment; filename="{slugify(pilot.title)}-iati.xml"'
    return response


@object_required(selectors.pilot_get, perm="pilots.record_spending", target=lambda pilot: pilot.city)
def expenditure_add(request, pilot):
    """Record spending against a budget line, with its receipt; converted through the dated rates."""
    lines = selectors.budget_lines_of(pilot=pilot)
    form = ExpenditureForm(request.POST or None, request.FILES or None, lines=lines)

    def record():
        data = dict(form.cleaned_data)
        line = next(line for line in lines if line.pk == data.pop("budget_line"))
        return services.expenditure_record(budget_line=line, evidence_file=data.pop("evidence"), **data)

    if form_saved(request, form, record, success=_("Expenditure recorded.")):
        return redirect(pilot)
    return form_page(request, "pilots/expenditure_form.html", form, {"pilot": pilot})


@require_POST
@object_required(selectors.milestone_get, perm="pilots.update_workplan", target=lambda milestone: milestone.pilot.city)
def milestone_status(request, milestone):
    pilot = milestone.pilot
    form = MilestoneStatusForm(request.POST)
    if form.is_valid():
        services.milestone_status_set(milestone=milestone, status=form.cleaned_data["status"])
        messages.success(request, _("Milestone updated."))
    else:
        messages.error(request, _("Choose planned, in progress, done or cancelled."))
    return redirect(pilot)
