"""The co-creation admin follows the site's rules: a question that has answers keeps its shape."""

from django.contrib import admin
from django.test import RequestFactory

from cocreation import services
from cocreation.models import Question
from tests.cocreation.conftest import good_answers


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
