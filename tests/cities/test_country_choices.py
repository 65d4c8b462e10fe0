"""Country drop-downs list the countries in the reader's language, sorted in that language (CLDR via Babel)."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from ccrs.formatting import country_choices, sort_key

pytestmark = pytest.mark.django_db


def _options(page: str) -> dict[str, str]:
    select = re.search(r'<select name="country"[^>]*>(.*?)</select>', page, re.S).group(1)
    return dict(re.findall(r'<option value="([A-Z]{2})"[^>]*>([^<]+)</option>', select))


@pytest.mark.parametrize(
    ("language", "thailand", "vietnam"),
    [("th", "ไทย", "เวียดนาม"), ("vi", "Thái Lan", "Việt Nam"), ("id", "Thailand", "Vietnam")],
)
def test_the_application_form_names_the_countries_in_the_readers_language(
    client_for, applicant, draft, language, thailand, vietnam
):
    """Thai pages listed "Thailand": django-countries has no Thai, Indonesian or Malay catalog."""
    url = reverse("cities:application_edit", kwargs={"pk": draft.pk})
    options = _options(client_for(applicant, HTTP_ACCEPT_LANGUAGE=language).get(url).content.decode())
    assert options["TH"] == thailand and options["VN"] == vietnam
    names = list(options.values())
    assert names == sorted(names, key=sort_key)


def test_a_country_posted_from_a_thai_page_is_saved_by_its_code(client_for, applicant, draft):
    url = reverse("cities:application_edit", kwargs={"pk": draft.pk})
    client = client_for(applicant, HTTP_ACCEPT_LANGUAGE="th")
    assert client.post(url, {"action": "draft", "city_name": "Hat Yai", "country": "TH"}).status_code == 302
    draft.refresh_from_db()
    assert draft.country == "TH"


def test_the_names_are_sorted_as_the_languages_alphabet_orders_them():
    """Accents after the letter (Ả Rập beside Afghanistan), đ after every d, Thai leading vowels after the consonant."""
    with translation.override("vi"):
        names = [name for _code, name in country_choices()]
    assert names.index("Ả Rập Xê-út") < names.index("Bỉ")
    assert names.index("Dominica") < names.index("Đức") < names.index("Estonia")
    with translation.override("th"):
        names = [name for _code, name in country_choices()]
    # ไทย is filed under ท, after ตูนิเซีย (ต) and before นามิเบีย (น)
    assert names.index("ตูนิเซีย") < names.index("ไทย") < names.index("นามิเบีย")
