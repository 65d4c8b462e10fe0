"""Views of the sector assessment: thin; permissions through rules, reads and writes through the app."""

from .assessments import (
    ahp,
    assessment_settings,
    overview,
    ranking,
    reopen,
    review,
    sector_add,
    sector_edit,
    sector_remove,
    sector_values,
    start,
    submit,
    values_import,
    values_template,
    workspace,
)
from .selection import selection_decide, selection_propose
from .survey import survey, survey_apply, survey_public, survey_renew, survey_thanks

__all__ = [
    "ahp",
    "assessment_settings",
    "overview",
    "ranking",
    "reopen",
    "review",
    "sector_add",
    "sector_edit",
    "sector_remove",
    "sector_values",
    "selection_decide",
    "selection_propose",
    "start",
    "submit",
    "survey",
    "survey_apply",
    "survey_public",
    "survey_renew",
    "survey_thanks",
    "values_import",
    "values_template",
    "workspace",
]
