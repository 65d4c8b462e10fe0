"""Case study drafts: figures come from each app's own `case_study` module, sections start filled in the city's
language and English."""

import pytest

from network.models import CaseStudySection, SectionKey
from network.selectors import case_studies as selectors
from network.services import case_studies as services


@pytest.fixture
def draft_a(program_a, lead_a):
    return services.case_study_draft_create(city=program_a, user=lead_a)


def test_every_app_contributes_its_figures(program_a):
    """The city, its sector assessment, co-creation, procurement and pilot each come from their own app."""
    figures = selectors.figures_by_section(selectors.figure_parts(city=program_a, language="en"))
    assert figures["city"]["values"]["population"] == 1_240_000
    assert figures["city"]["values"]["shocks"] == ["flooding", "sea_level_rise"]
    assert figures["assessment"]["values"]["selected_sector"] == "Thu gom và phân loại rác"
    assert figures["assessment"]["values"]["selected_isic"] == "38"
    assert [r["rank"] for r in figures["assessment"]["values"]["ranking"]] == [1, 2]
    assert figures["cocreation"]["values"]["participants"] == 1
    assert figures["cocreation"]["values"]["smes"] == 1
    assert figures["procurement"]["values"]["awarded"] == "Xe ba gác điện thu gom rác"
    assert figures["procurement"]["values"]["proposals"] == 1
    pilot = figures["pilot"]["values"]
    assert pilot["pilot"] == "Phân loại rác tại nguồn Ninh Kiều"
    assert pilot["results"][0]["actual"] == "40.0000" and pilot["results"][0]["target"] == "100.0000"
    assert pilot["cofunding"] == []
    titles = [chart["title"] for key in figures for chart in figures[key]["charts"]]
    assert "Tonnes of waste separated" in titles and "Scores" in titles


def test_figures_are_written_in_the_language_asked(program_a):
    """The same figures in Vietnamese carry Vietnamese labels and number formats."""
    en = selectors.figures_by_section(selectors.figure_parts(city=program_a, language="en"))
    vi = selectors.figures_by_section(selectors.figure_parts(city=program_a, language="vi"))
    population_en = next(f["value"] for f in en["city"]["facts"] if f["label"] == "Population")
    assert population_en == "1,240,000"
    assert "1.240.000" in [f["value"] for f in vi["city"]["facts"]]


def test_a_city_without_later_work_gets_only_its_own_figures(city_a):
    """A city with no assessment, workshop or pilot yet: only the cities app's parts, nothing breaks."""
    figures = selectors.figures_by_section(selectors.figure_parts(city=city_a, language="en"))
    assert figures["city"]["facts"]
    assert figures["assessment"]["facts"] == [] and figures["pilot"]["charts"] == []


def test_the_draft_fills_every_section_in_the_city_language_and_english(draft_a):
    """Drafting makes each section in vi and en, starting from the apps' figures; the sector is filed for filters."""
    sections = CaseStudySection.objects.filter(study=draft_a)
    assert sections.count() == 2 * len(SectionKey.values)
    assert {s.language for s in sections} == {"vi", "en"}
    assessment_en = sections.get(key="assessment", language="en").body
    assert "It selected Thu gom và phân loại rác." in assessment_en
    assert "weighted sum" in assessment_en.lower()
    assert "Cần Thơ sống chung với lũ." in sections.get(key="city", language="vi").body
    assert draft_a.sector_isic == "38" and draft_a.principles
    assert draft_a.titles["en"] == "Cần Thơ: Final case study"
    assert draft_a.status == "draft" and draft_a.history.count() == 1


def test_a_second_study_needs_its_own_address(draft_a, program_a, lead_a):
    """An interim study beside the final one is allowed; the same address twice is refused."""
    from django.core.exceptions import ValidationError

    interim = services.case_study_draft_create(city=program_a, user=lead_a, kind="interim")
    assert interim.slug == "can-tho-interim"
    with pytest.raises(ValidationError, match="already has a case study"):
        services.case_study_draft_create(city=program_a, user=lead_a)


def test_quote_sources_come_from_the_city_workshop_input(program_a, city_b):
    """Written answers of the city's workshops may be quoted; another city's list is empty."""
    sources = selectors.quote_sources(city=program_a)
    assert [s["text"] for s in sources] == ["Phát túi phân loại cho hộ gia đình"]
    assert sources[0]["consent_recorded"] is True and sources[0]["kind"] == "sme"
    assert selectors.quote_sources(city=city_b) == []
