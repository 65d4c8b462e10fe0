"""The survey form's guard: the honeypot of every public form."""

from ccrs.public_forms import HONEYPOT
from sectors.forms import SurveyForm


def test_honeypot_marks_a_filled_survey_as_spam(assessment_a):
    form = SurveyForm({HONEYPOT: "http://spam.example"}, assessment=assessment_a)
    assert form.is_spam
    assert not SurveyForm({}, assessment=assessment_a).is_spam
    assert form.fields[HONEYPOT].widget.attrs["tabindex"] == "-1"
