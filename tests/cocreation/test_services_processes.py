"""Services of co-creation processes and their phases."""

import pytest
from django.core.exceptions import ValidationError

from cocreation import services
from cocreation.models import Phase, PhaseStatus

pytestmark = pytest.mark.django_db


def test_process_has_phases_in_order(process_a):
    """A process keeps one row per phase, with dates; a phase moves planned → under way → done."""
    phases = list(Phase.objects.filter(process=process_a).order_by("starts_on"))
    assert [p.kind for p in phases] == ["discover", "ideate"]
    phase = services.phase_advance(phase=phases[0])
    assert phase.status == PhaseStatus.ACTIVE
    phase = services.phase_advance(phase=phase)
    assert phase.status == PhaseStatus.DONE
    with pytest.raises(ValidationError, match="already done"):
        services.phase_advance(phase=phase)


def test_phase_cannot_end_before_it_starts(process_a):
    from datetime import date

    with pytest.raises(ValidationError, match="cannot end before"):
        services.phase_schedule(process=process_a, kind="select", starts_on=date(2026, 5, 2), ends_on=date(2026, 5, 1))
    assert not Phase.objects.filter(process=process_a, kind="select").exists()
