"""Writes of case studies: the draft filled from the platform's data, the sections, quotes and photos, and the
review and publication steps (draft → in review → approved → published; returned to draft with comments;
published → unpublished). Each step is one service that refuses an illegal move with a message saying why."""

from ._common import ANONYMOUS, PHOTO_MAX_BYTES, PHOTO_TYPES
from .drafts import case_study_details_save, case_study_draft_create, case_study_section_save
from .media import attribution, photo_add, photo_remove, quote_add, quote_consent_record, quote_pick, quote_remove
from .publication import (
    case_study_approve,
    case_study_pdf_build,
    case_study_pdf_name,
    case_study_pdfs_build,
    case_study_publish,
    case_study_return,
    case_study_revise,
    case_study_submit,
    case_study_unpublish,
    version_languages,
)

__all__ = [
    "ANONYMOUS",
    "PHOTO_MAX_BYTES",
    "PHOTO_TYPES",
    "case_study_details_save",
    "case_study_draft_create",
    "case_study_section_save",
    "attribution",
    "photo_add",
    "photo_remove",
    "quote_add",
    "quote_consent_record",
    "quote_pick",
    "quote_remove",
    "case_study_approve",
    "case_study_pdf_build",
    "case_study_pdf_name",
    "case_study_pdfs_build",
    "case_study_publish",
    "case_study_return",
    "case_study_revise",
    "case_study_submit",
    "case_study_unpublish",
    "version_languages",
]
