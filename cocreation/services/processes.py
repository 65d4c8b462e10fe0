"""Writes of co-creation processes and their phases."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ..models import (
    Phase,
    PhaseKind,
    PhaseStatus,
    Process,
)


@transaction.atomic
def process_create(*, city, title: str, challenge: str = "", phases: dict | None = None) -> Process:
    """Open a co-creation process; `phases` maps a phase kind to (starts_on, ends_on)."""
    title = title.strip()
    if not title:
        raise ValidationError(_("Give the process a title."))
    if Process.objects.filter(city=city, title=title).exists():
        raise ValidationError(
            _("%(city)s already has a process called “%(title)s”."), params={"city": city.name, "title": title}
        )
    process = Process.objects.create(city=city, title=title, challenge=challenge)
    for kind, (starts_on, ends_on) in (phases or {}).items():
        phase_schedule(process=process, kind=kind, starts_on=starts_on, ends_on=ends_on)
    return process


@transaction.atomic
def process_update(*, process: Process, title: str, challenge: str = "") -> Process:
    """Rename a process or rewrite its challenge; titles stay unique within the city."""
    title = title.strip()
    if not title:
        raise ValidationError({"title": _("Give the process a title.")})
    if Process.objects.filter(city_id=process.city_id, title=title).exclude(pk=process.pk).exists():
        message = _("%(city)s already has a process called “%(title)s”.")
        raise ValidationError({"title": message % {"city": process.city.name, "title": title}})
    process.title, process.challenge = title, challenge.strip()
    process.save(update_fields=["title", "challenge", "updated_at"])
    return process


@transaction.atomic
def phase_schedule(*, process: Process, kind: str, starts_on: date, ends_on: date) -> Phase:
    """Set the dates of a phase (created on first use); phases follow each other in order."""
    if kind not in PhaseKind.values:
        raise ValidationError(_("Choose a phase: discover, ideate, prioritise, select or procure."))
    if ends_on < starts_on:
        raise ValidationError(_("A phase cannot end before it starts."))
    phase, created = Phase.objects.get_or_create(
        process=process, kind=kind, defaults={"starts_on": starts_on, "ends_on": ends_on}
    )
    if not created:
        phase.starts_on, phase.ends_on = starts_on, ends_on
        phase.save(update_fields=["starts_on", "ends_on", "updated_at"])
    return phase


@transaction.atomic
def process_schedule(*, process: Process, schedule: dict) -> list[Phase]:
    """Set the dates of several phases at once, all or none; `schedule` maps kind → (starts_on, ends_on).

    Phases follow each other: a later phase may not start before an earlier one starts.
    """
    errors = []
    for kind, (starts_on, ends_on) in schedule.items():
        if ends_on < starts_on:
            errors.append(_("%(phase)s: the phase cannot end before it starts.") % {"phase": PhaseKind(kind).label})
    planned = {p.kind: (p.starts_on, p.ends_on) for p in process.phases.all()} | dict(schedule)
    previous = None
    for kind in PhaseKind.values:
        if kind not in planned:
            continue
        if previous and planned[kind][0] < planned[previous][0]:
            errors.append(
                _("%(phase)s cannot start before %(previous)s starts.")
                % {"phase": PhaseKind(kind).label, "previous": PhaseKind(previous).label}
            )
        previous = kind
    if errors:
        raise ValidationError(errors)
    return [
        phase_schedule(process=process, kind=kind, starts_on=starts_on, ends_on=ends_on)
        for kind, (starts_on, ends_on) in schedule.items()
    ]


PHASE_TRANSITIONS = {PhaseStatus.PLANNED: PhaseStatus.ACTIVE, PhaseStatus.ACTIVE: PhaseStatus.DONE}


@transaction.atomic
def phase_advance(*, phase: Phase) -> Phase:
    """Start a planned phase or finish a running one; a finished phase stays finished."""
    phase = Phase.objects.select_for_update().get(pk=phase.pk)
    following = PHASE_TRANSITIONS.get(phase.status)
    if following is None:
        raise ValidationError(_("This phase is already done."))
    phase.status = following
    phase.save(update_fields=["status", "updated_at"])
    return phase
