"""The co-creation admin keeps the rules: a question with answers keeps its shape, a scored criterion its weight."""

from django.contrib import admin
from django.test import RequestFactory

from cocreation import services
from cocreation.models import Criterion, Question, Score
from tests.cocreation.conftest import good_answers
from tests.cocreation.factories import CriterionFactory, IdeaFactory


def readonly(model, obj, staff):
    request = RequestFactory().get("/admin/")
    request.user = staff
    return set(admin.site._registry[model].get_readonly_fields(request, obj))


def test_a_question_with_answers_keeps_its_kind_and_choices(staff, invitation_s, questions_a):
    question = questions_a[0]
    assert "kind" not in readonly(Question, question, staff)
    services.submission_save(invitation=invitation_s, answers=good_answers(questions_a))
    assert {"kind", "choices", "required"} <= readonly(Question, question, staff)
    assert "text" not in readonly(Question, question, staff)  # the wording may still be mended


def test_a_criterion_keeps_its_weight_once_scoring_has_started(staff, city_a):
    """Weights change only until the first score, as on the evaluation page; before it they are editable."""
    criterion = CriterionFactory(weight=3, process__city=city_a)
    assert readonly(Criterion, criterion, staff) == set()
    idea = IdeaFactory(workshop__process=criterion.process)
    Score.objects.create(criterion=criterion, evaluator=staff, idea=idea, value=7)
    assert {"name", "weight", "process", "call"} <= readonly(Criterion, criterion, staff)
