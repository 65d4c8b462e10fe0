"""Services of the panel evaluation: declarations before scores."""

import pytest
from django.core.exceptions import ValidationError

from cocreation import services
from cocreation.services.evaluation import _score_record

pytestmark = pytest.mark.django_db


def test_conflicted_evaluator_cannot_score(process_a, tagged_ideas_a, staff, lead_a):
    criterion = services.criterion_add(process=process_a, name="Impact", weight=3)
    services.idea_shortlist(idea=tagged_ideas_a[0])
    with pytest.raises(ValidationError, match="Declare any conflict"):
        _score_record(evaluator=staff, criterion=criterion, idea=tagged_ideas_a[0], value=7)
    with pytest.raises(ValidationError, match="Describe the conflict"):
        services.conflict_declare(process=process_a, evaluator=lead_a, has_conflict=True)
    services.conflict_declare(process=process_a, evaluator=lead_a, has_conflict=True, details="My cousin runs the SME")
    with pytest.raises(ValidationError, match="declared a conflict"):
        _score_record(evaluator=lead_a, criterion=criterion, idea=tagged_ideas_a[0], value=7)
    services.conflict_declare(process=process_a, evaluator=staff, has_conflict=False)
    score = _score_record(evaluator=staff, criterion=criterion, idea=tagged_ideas_a[0], value=7)
    again = _score_record(evaluator=staff, criterion=criterion, idea=tagged_ideas_a[0], value=8, comment="re-read")
    assert again.pk == score.pk and float(again.value) == 8.0
