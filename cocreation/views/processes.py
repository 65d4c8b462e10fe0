"""Pages of co-creation processes: a city's list, a process with its timeline, editing and the phases."""

from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from ccrs.decorators import object_action, object_required
from ccrs.forms import form_page, form_saved

from .. import selectors, services
from ..forms import PhaseScheduleForm, ProcessForm
from ..rules import abilities

MANAGE = "cocreation.manage_process"


@object_required(selectors.city_get, kwarg="slug")
def process_list(request, city):
    """A city's co-creation processes, each with its timeline of phases."""
    processes = selectors.process_list(user=request.user, city=city)
    for process in processes:
        process.timeline = selectors.timeline(process)
    return render(request, "cocreation/process_list.html", {"city": city, "processes": processes})


@object_required(selectors.process_get)
def process_detail(request, process):
    can = abilities(request.user, process.city)
    return render(
        request,
        "cocreation/process_detail.html",
        {
            "process": process,
            "city": process.city,
            **selectors.process_detail(process=process),
            "can_manage": can["can_manage"],
            "evaluation": selectors.evaluation_seen_by(
                user=request.user, process=process, can_evaluate=can["can_evaluate"]
            ),
        },
    )


@object_required(selectors.city_get, kwarg="slug", perm=MANAGE)
def process_create(request, city):
    form = ProcessForm(request.POST or None)
    if saved := form_saved(
        request,
        form,
        lambda: services.process_create(city=city, **form.cleaned_data),
        success=_("The process was created. Now schedule its phases."),
    ):
        return redirect("cocreation:process_phases", pk=saved.result.pk)
    return form_page(request, "cocreation/process_form.html", form, {"city": city, "process": None})


@object_required(selectors.process_get, perm=MANAGE, target=lambda process: process.city)
def process_edit(request, process):
    form = ProcessForm(request.POST or None, initial={"title": process.title, "challenge": process.challenge})
    if form_saved(
        request,
        form,
        lambda: services.process_update(process=process, **form.cleaned_data),
        success=_("The process was saved."),
    ):
        return redirect("cocreation:process", pk=process.pk)
    return form_page(request, "cocreation/process_form.html", form, {"city": process.city, "process": process})


@object_required(selectors.process_get, perm=MANAGE, target=lambda process: process.city)
def process_phases(request, process):
    """The dates of the five phases, set together; a phase without dates stays unscheduled."""
    initial = {}
    for kind, phase in selectors.phases_by_kind(process=process).items():
        initial[f"{kind}_starts_on"], initial[f"{kind}_ends_on"] = phase.starts_on, phase.ends_on
    form = PhaseScheduleForm(request.POST or None, initial=initial)
    if form_saved(
        request,
        form,
        lambda: services.process_schedule(process=process, schedule=form.cleaned_data["schedule"]),
        success=_("The phases were scheduled."),
    ):
        return redirect("cocreation:process", pk=process.pk)
    return form_page(
        request,
        "cocreation/process_phases.html",
        form,
        {"city": process.city, "process": process, "timeline": selectors.timeline(process)},
    )


# Start a planned phase or finish a running one.
phase_advance = object_action(
    selectors.phase_get,
    perm=MANAGE,
    target=lambda phase: phase.process.city,
    act=lambda request, phase: services.phase_advance(phase=phase),
    success=lambda _phase, phase: (
        _("%(phase)s: %(status)s.") % {"phase": phase.get_kind_display(), "status": phase.get_status_display()}
    ),
    back=lambda phase: reverse("cocreation:process", kwargs={"pk": phase.process_id}),
)
