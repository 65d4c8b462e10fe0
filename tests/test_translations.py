"""Every string is translated into Vietnamese, Thai, Indonesian and Malay."""

from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation

LANGUAGES = ["vi", "th", "id", "ms"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalog_is_complete(language):
    path = Path(settings.LOCALE_PATHS[0]) / language / "LC_MESSAGES" / "django.po"
    catalog = polib.pofile(str(path))
    assert len(catalog) > 100
    untranslated = [entry.msgid for entry in catalog.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalog.fuzzy_entries()]
    assert not untranslated, f"{language}: untranslated {untranslated[:5]}"
    assert not fuzzy, f"{language}: fuzzy {fuzzy[:5]}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_placeholders_survive_translation(language):
    """A translation that drops or renames %(city)s would break the page at run time."""
    import re

    path = Path(settings.LOCALE_PATHS[0]) / language / "LC_MESSAGES" / "django.po"
    pattern = re.compile(r"%\(\w+\)[sd]|%[sd]")
    for entry in polib.pofile(str(path)).translated_entries():
        expected = sorted(pattern.findall(entry.msgid))
        for text in [entry.msgstr, *entry.msgstr_plural.values()]:
            if text:
                assert sorted(set(pattern.findall(text))) == sorted(set(expected)), (language, entry.msgid, text)


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalog_is_used(language):
    with translation.override(language):
        assert translation.gettext("Program dashboard") != "Program dashboard"
