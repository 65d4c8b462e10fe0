"""Reads of the sector assessment, one module per noun. Every read takes the user (or an object already checked)."""

from .assessments import (
    assessment_get,
    assessment_of,
    city_for,
    criteria_by_principle,
    criteria_of,
    isic_choices,
    template_pairs,
    workspace,
)
from .ranking import ranking, ranking_inputs
from .sectors import sector_economics, sector_get, sector_values
from .selections import approved_sector, sector_baselines, selection_get
from .summaries import OVERVIEW_PAGE_SIZE, overview, overview_page, panel_summary, program_summary
from .surveys import survey_summary

__all__ = [
    "OVERVIEW_PAGE_SIZE",
    "approved_sector",
    "assessment_get",
    "assessment_of",
    "city_for",
    "criteria_by_principle",
    "criteria_of",
    "isic_choices",
    "overview",
    "overview_page",
    "panel_summary",
    "program_summary",
    "ranking",
    "ranking_inputs",
    "sector_baselines",
    "sector_economics",
    "sector_get",
    "sector_values",
    "selection_get",
    "survey_summary",
    "template_pairs",
    "workspace",
]
