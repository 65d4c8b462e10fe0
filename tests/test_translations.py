"""Every string is translated into Vietnamese, Thai, Indonesian and Malay, each keeping to one glossary."""

import json
import re
from pathlib import Path

import polib
import pytest
from django.utils import translation

from ccrs.management.commands.compiletranslations import project_catalogs

LANGUAGES = ["vi", "th", "id", "ms"]
CATALOGS = project_catalogs()


def test_every_language_has_every_catalog():
    """Each folder of catalogs (locale/ and each app's) has all four languages."""
    assert CATALOGS, "no catalog found"
    folders = {po.parents[2] for po in CATALOGS}
    for folder in folders:
        present = {po.parents[1].name for po in CATALOGS if po.parents[2] == folder}
        assert present >= set(LANGUAGES), f"{folder}: missing {set(LANGUAGES) - present}"


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: f"{p.parents[3].name}/{p.parents[1].name}")
def test_catalog_is_complete(path):
    catalog = polib.pofile(str(path))
    language = path.parents[1].name
    untranslated = [entry.msgid for entry in catalog.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalog.fuzzy_entries()]
    assert not untranslated, f"{language}: untranslated {untranslated[:5]}"
    assert not fuzzy, f"{language}: fuzzy {fuzzy[:5]}"


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: f"{p.parents[3].name}/{p.parents[1].name}")
def test_placeholders_survive_translation(path):
    """A translation that drops or renames %(city)s would break the page at run time."""
    import re

    language = path.parents[1].name
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


GLOSSARY_PATH = Path(__file__).resolve().parents[1] / "locale" / "glossary.json"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w+\}")


def glossary() -> dict:
    return {term: words for term, words in json.loads(GLOSSARY_PATH.read_text()).items() if not term.startswith("_")}


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: f"{p.parents[3].name}/{p.parents[1].name}")
def test_catalog_keeps_to_the_glossary(path):
    """A program term has one translation a language (locale/glossary.json): not "Percontohan" in the menu and
    "Uji coba" in the breadcrumb. Every msgid with the English term has a msgstr with the glossary's word."""
    language = path.parents[1].name
    terms = [(re.compile(rf"\b{term}", re.IGNORECASE), words[language]) for term, words in glossary().items()]
    astray = []
    for entry in polib.pofile(str(path)).translated_entries():
        english = PLACEHOLDER.sub("", f"{entry.msgid} {entry.msgid_plural or ''}")
        translations = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
        for term, word in terms:
            if term.search(english) and not all(word.lower() in text.lower() for text in translations):
                astray.append(f"{entry.msgid!r} → {translations[0]!r} (wants {word!r})")
    assert not astray, f"{language}: {astray[:5]}"


def test_glossary_names_every_language():
    for term, words in glossary().items():
        assert set(words) == set(LANGUAGES), term
