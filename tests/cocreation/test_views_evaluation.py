"""Pages of the panel evaluation: criteria, declarations, score sheets and sealed results."""

from decimal import Decimal

import pytest
from django.urls import reverse

from cocreation import services
from cocreation.models import ConflictDeclaration, Criterion, Score

from .conftest import submit_proposal

pytestmark = pytest.mark.django_db


def test_criteria_added_and_frozen_once_scoring_starts(client_for, member_a, staff, process_a, shortlist_a):
    ideas, (impact, cost) = shortlist_a
    client = client_for(member_a)
    add = reverse("cocreation:process_criterion_add", kwargs={"pk": process_a.pk})
    response = client.post(add, {"name": "Inclusion", "weight": "0"}, follow=True)
    assert "weight above 0" in response.content.decode()
    client.post(add, {"name": "Inclusion", "weight": "2"})
    inclusion = Criterion.objects.get(name="Inclusion")
    client.post(
        reverse("cocreation:criterion_edit", kwargs={"pk": inclusion.pk}), {"name": "Inclusion", "weight": "1.5"}
    )
    inclusion.refresh_from_db()
    assert inclusion.weight == Decimal("1.50")
    services.conflict_declare(process=process_a, evaluator=staff, has_conflict=False)
    services.score_sheet_submit(
        evaluator=staff, idea=ideas[0], values={c.pk: 7 for c in (impact, cost, inclusion)}, comments={}
    )
    response = client.post(
        reverse("cocreation:criterion_edit", kwargs={"pk": cost.pk}), {"name": "Cost", "weight": "9"}, follow=True
    )
    assert "Scoring has started" in response.content.decode()
    client.post(add, {"name": "Late", "weight": "1"})
    cost.refresh_from_db()
    assert cost.weight == 1 and not Criterion.objects.filter(name="Late").exists()


def test_conflict_must_be_explained_and_stops_scoring(client_for, lead_a, process_a, shortlist_a):
    ideas, criteria = shortlist_a
    client = client_for(lead_a)
    declare = reverse("cocreation:process_conflict_declare", kwargs={"pk": process_a.pk})
    response = client.post(declare, {"has_conflict": "yes", "details": ""}, follow=True)
    assert "Describe the conflict" in response.content.decode()
    assert not ConflictDeclaration.objects.exists()
    client.post(declare, {"has_conflict": "yes", "details": "My sister runs one of the SMEs."})
    assert ConflictDeclaration.objects.get().has_conflict
    sheet = reverse("cocreation:idea_score", kwargs={"pk": ideas[0].pk})
    response = client.post(sheet, {f"score_{c.pk}": "7" for c in criteria})
    assert response.status_code == 400 and "declared a conflict" in response.content.decode()
    assert not Score.objects.exists()


def test_score_outside_the_scale_saves_nothing(client_for, member_a, process_a, shortlist_a):
    ideas, (impact, cost) = shortlist_a
    services.conflict_declare(process=process_a, evaluator=member_a, has_conflict=False)
    response = client_for(member_a).post(
        reverse("cocreation:idea_score", kwargs={"pk": ideas[0].pk}),
        {f"score_{impact.pk}": "11", f"score_{cost.pk}": "5"},
    )
    assert response.status_code == 400 and "from 0 to 10" in response.content.decode()
    assert not Score.objects.exists()


def test_evaluators_score_independently(client_for, member_a, lead_a, viewer_a, process_a, shortlist_a):
    """An evaluator sees the panel's results for an item only after submitting their own sheet, which then stays."""
    ideas, (impact, cost) = shortlist_a
    for evaluator in (member_a, lead_a):
        services.conflict_declare(process=process_a, evaluator=evaluator, has_conflict=False)
    officer, lead = client_for(member_a), client_for(lead_a)
    sheet = reverse("cocreation:idea_score", kwargs={"pk": ideas[0].pk})
    response = officer.post(
        sheet, {f"score_{impact.pk}": "9", f"comment_{impact.pk}": "Strong reach", f"score_{cost.pk}": "3"}
    )
    assert response.status_code == 302
    assert Score.objects.filter(evaluator=member_a).count() == 2
    page = reverse("cocreation:process_evaluation", kwargs={"pk": process_a.pk})
    lead_view = lead.get(page).content.decode()
    assert "Strong reach" not in lead_view and "7.50" not in lead_view
    assert "appear once you have submitted" in lead_view
    officer_view = officer.get(page).content.decode()
    assert "7.50" in officer_view and "Strong reach" in officer_view  # (9·3 + 3·1) / 4
    assert "7.50" in client_for(viewer_a).get(page).content.decode()  # viewers read, they do not score
    lead.post(sheet, {f"score_{impact.pk}": "5", f"score_{cost.pk}": "5"})
    lead_view = lead.get(page).content.decode()
    assert "6.25" in lead_view and "± 1.25" in lead_view  # mean of 7.5 and 5, spread 1.25
    again = officer.post(sheet, {f"score_{impact.pk}": "1", f"score_{cost.pk}": "1"})
    assert again.status_code == 400 and "already submitted" in again.content.decode()
    assert float(Score.objects.get(evaluator=member_a, criterion=impact).value) == 9.0


def test_viewer_cannot_declare_or_score(client_for, viewer_a, process_a, shortlist_a):
    ideas, _criteria = shortlist_a
    client = client_for(viewer_a)
    declare = reverse("cocreation:process_conflict_declare", kwargs={"pk": process_a.pk})
    assert client.post(declare, {"has_conflict": "no"}).status_code == 403
    assert client.get(reverse("cocreation:idea_score", kwargs={"pk": ideas[0].pk})).status_code == 403
    assert not ConflictDeclaration.objects.exists()


def test_call_page_seals_results_until_the_evaluator_has_scored(
    client_for, staff, member_a, viewer_a, call_a, stakeholder_a
):
    """On the call page too, an evaluator who has not scored a proposal does not see the panel's score for it."""
    proposal = submit_proposal(call_a, stakeholder_a, title="Xe ba gác điện")
    criterion = services.criterion_add(process=call_a.process, call=call_a, name="Impact", weight=1)
    services.conflict_declare(process=call_a.process, call=call_a, evaluator=staff, has_conflict=False)
    services.score_sheet_submit(evaluator=staff, proposal=proposal, values={criterion.pk: 8}, comments={})
    url = reverse("cocreation:call", kwargs={"pk": call_a.pk})
    officer_view = client_for(member_a).get(url).content.decode()
    assert "8.00" not in officer_view and "appear once you have submitted" in officer_view
    assert "8.00" in client_for(viewer_a).get(url).content.decode()
    assert "8.00" in client_for(staff).get(url).content.decode()


def test_criterion_removed_before_scoring(client_for, member_a, process_a, shortlist_a):
    _ideas, (impact, _cost) = shortlist_a
    client_for(member_a).post(reverse("cocreation:criterion_edit", kwargs={"pk": impact.pk}), {"action": "remove"})
    assert list(Criterion.objects.values_list("name", flat=True)) == ["Cost"]
