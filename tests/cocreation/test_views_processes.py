"""Pages of processes and their phases."""

from datetime import date

import pytest

from cocreation import services
from cocreation.models import Phase, PhaseStatus, Process

from .conftest import body, url

pytestmark = pytest.mark.django_db

# The phase form with discover and ideate dated, one after the other.
PHASES = {
    "discover_starts_on": "2026-01-05",
    "discover_ends_on": "2026-02-28",
    "ideate_starts_on": "2026-03-01",
    "ideate_ends_on": "2026-04-15",
}


def test_officer_creates_a_process_then_schedules_its_phases(officer, city_a):
    """A new process leads to its phase dates; both dates of a phase schedule it, the others stay unscheduled."""
    response = officer.post(
        url("process_create", slug=city_a.slug), {"title": "Thu gom rác", "challenge": "Waste separation"}
    )
    process = Process.objects.get(city=city_a)
    assert response.status_code == 302 and response["Location"] == url("process_phases", pk=process.pk)
    response = officer.post(url("process_phases", pk=process.pk), PHASES)
    assert response.status_code == 302
    phases = {p.kind: (p.starts_on, p.ends_on) for p in Phase.objects.filter(process=process)}
    assert phases == {
        "discover": (date(2026, 1, 5), date(2026, 2, 28)),
        "ideate": (date(2026, 3, 1), date(2026, 4, 15)),
    }


def test_phase_ending_before_it_starts_is_refused(officer, process_a):
    before = list(Phase.objects.values_list("kind", "starts_on", "ends_on"))
    response = officer.post(
        url("process_phases", pk=process_a.pk),
        {"prioritise_starts_on": "2026-05-10", "prioritise_ends_on": "2026-05-01"},
    )
    assert response.status_code == 400 and "cannot end before it starts" in body(response)
    assert list(Phase.objects.values_list("kind", "starts_on", "ends_on")) == before


def test_phase_out_of_order_and_half_dated_phases_are_refused(officer, process_a):
    """Ideate cannot start before discover; a phase with one date only is named; nothing is saved."""
    response = officer.post(url("process_phases", pk=process_a.pk), {**PHASES, "ideate_starts_on": "2025-12-01"})
    assert response.status_code == 400 and "cannot start before Discover starts" in body(response)
    response = officer.post(url("process_phases", pk=process_a.pk), {"select_starts_on": "2026-06-01"})
    assert response.status_code == 400 and "Give both dates of the phase, or neither." in body(response)
    assert Phase.objects.get(process=process_a, kind="ideate").starts_on == date(2026, 3, 1)
    assert not Phase.objects.filter(kind="select").exists()


def test_process_is_renamed_but_not_to_a_title_the_city_already_has(officer, city_a, process_a):
    services.process_create(city=city_a, title="Batik xanh")
    response = officer.post(url("process_edit", pk=process_a.pk), {"title": "Batik xanh", "challenge": ""})
    assert response.status_code == 400 and "already has a process called" in body(response)
    response = officer.post(url("process_edit", pk=process_a.pk), {"title": "Phân loại rác", "challenge": "New"})
    assert response.status_code == 302
    process_a.refresh_from_db()
    assert (process_a.title, process_a.challenge) == ("Phân loại rác", "New")


def test_phases_advance_from_planned_to_done_and_no_further(officer, process_a):
    phase = Phase.objects.get(process=process_a, kind="discover")
    advance = url("phase_advance", pk=phase.pk)
    officer.post(advance)
    assert Phase.objects.get(pk=phase.pk).status == PhaseStatus.ACTIVE
    officer.post(advance)
    assert Phase.objects.get(pk=phase.pk).status == PhaseStatus.DONE
    response = officer.post(advance, follow=True)
    assert "already done" in body(response) and Phase.objects.get(pk=phase.pk).status == PhaseStatus.DONE


def test_viewer_reads_the_process_but_may_not_change_it(client_for, viewer_a, city_a, process_a):
    """A viewer sees the process without edit buttons and is refused the edit pages and actions."""
    client = client_for(viewer_a)
    page = body(client.get(url("process", pk=process_a.pk)))
    assert process_a.title in page and url("process_edit", pk=process_a.pk) not in page
    assert client.get(url("process_create", slug=city_a.slug)).status_code == 403
    assert client.post(url("process_edit", pk=process_a.pk), {"title": "X"}).status_code == 403
    phase = Phase.objects.get(process=process_a, kind="discover")
    assert client.post(url("phase_advance", pk=phase.pk)).status_code == 403
    assert Phase.objects.get(pk=phase.pk).status == PhaseStatus.PLANNED


def test_process_pages_link_to_the_new_pages_for_editors(officer, city_a, process_a):
    listing = body(officer.get(url("processes", slug=city_a.slug)))
    assert url("process_create", slug=city_a.slug) in listing
    detail = body(officer.get(url("process", pk=process_a.pk)))
    for name in ("process_edit", "process_phases", "workshop_create"):
        assert url(name, pk=process_a.pk) in detail
    assert url("phase_advance", pk=Phase.objects.get(process=process_a, kind="discover").pk) in detail
