"""Pages of co-creation processes: a city's list, a process with its timeline, editing and the phases."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ccrs.decorators import object_required
from ccrs.forms import form_saved

from .. import selectors, services
from ..forms import PhaseScheduleForm, ProcessForm
from ..rules import abilities
from .common import error_text, status

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
    return render(
        request, "cocreation/process_form.html", {"form": form, "city": city, "process": None}, status=status(form)
    )


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
    return render(
        request,
        "cocreation/process_form.html",
        {"form": form, "city": process.city, "process": process},
        status=status(form),
    )


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
    return render(
        request,
        "cocreation/process_phases.html",
        {"form": form, "city": process.city, "process": process, "timeline": selectors.timeline(process)},
        status=status(form),
    )


@require_POST
@object_required(selectors.phase_get, perm=MANAGE, target=lambda phase: phase.process.city)
def phase_advance(request, phase):
    """Start a planned phase or finish a running one."""
    try:
        phase = services.phase_advance(phase=phase)
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(
            request,
            _("%(phase)s: %(status)s.") % {"phase": phase.get_kind_display(), "status": phase.get_status_display()},
        )
    return redirect("cocreation:process", pk=phase.process_id)
