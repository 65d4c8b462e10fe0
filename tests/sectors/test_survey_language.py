"""The public SME survey asks its questions in the page's language, not in English under a translated page."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from ccrs.links import link_token
from sectors import services
from sectors.forms import SurveyForm

pytestmark = pytest.mark.django_db


def _page(client, assessment, language):
    url = reverse("sectors:survey_public", kwargs={"token": link_token(services.SURVEY_LINK, assessment)})
    return client.get(url, {"lang": language}).content.decode()


def test_the_survey_in_vietnamese_asks_in_vietnamese(assessment_a, sectors_a, client):
    page = _page(client, assessment_a, "vi")
    assert "Cơ sở của anh/chị có vay được vốn hoặc tín dụng khi cần không?" in page
    assert "Hiện nay có bao nhiêu người làm việc?" in page
    assert "Can your business get a loan" not in page and "How many work there now?" not in page


@pytest.mark.parametrize("language", ["vi", "th", "id", "ms"])
def test_every_survey_question_and_answer_is_in_the_citys_language(assessment_a, sectors_a, client, language):
    """A city whose language is `language` gets every label, help text and choice of the survey in it.

    Indonesian pages answered "None" in English: Django admin's catalog has that msgid untranslated.
    """
    city = assessment_a.city
    city.languages = [language, "en"]
    city.save(update_fields=["languages"])
    page = _page(client, assessment_a, language)
    assert f'<html lang="{language}">' in page
    with translation.override("en"):
        form = SurveyForm(assessment=assessment_a)
        english = [str(field.label) for name, field in form.fields.items() if field.label and name != "website"]
        english += [str(field.help_text) for field in form.fields.values() if field.help_text]
        for name in ("closure_risk", "digital_adoption"):
            english += [str(text) for _value, text in form.fields[name].choices]
    # a text shown as it is in English: a label, a help text or an answer between tags
    left = [text for text in english if re.search(rf">\s*{re.escape(text)}\s*<", page)]
    assert not left, left
