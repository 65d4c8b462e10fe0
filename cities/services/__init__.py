"""Writes of the cities app: the call for applications, review and selection, onboarding, co-funding, profile."""

from .applications import (
    APPLICATION_FIELDS,
    APPLICATION_INVITATION,
    APPLICATION_SALT,
    COUNTRY_DEFAULTS,
    DECISIONS,
    DEFAULT_CHECKLIST,
    OPTIONAL_TO_SUBMIT,
    application_invitation_accept,
    application_invitation_send,
    application_invite,
    application_resend,
    application_update,
    check_currency,
    parse_amount,
)
from .cities import PROFILE_FIELDS, city_profile_update, cofunding_record, step_complete, step_reopen
from .selection import application_decide, checklist_default, review_save

__all__ = [
    "APPLICATION_FIELDS",
    "APPLICATION_INVITATION",
    "APPLICATION_SALT",
    "COUNTRY_DEFAULTS",
    "DECISIONS",
    "DEFAULT_CHECKLIST",
    "OPTIONAL_TO_SUBMIT",
    "PROFILE_FIELDS",
    "application_decide",
    "application_invitation_accept",
    "application_invitation_send",
    "application_invite",
    "application_resend",
    "application_update",
    "check_currency",
    "checklist_default",
    "city_profile_update",
    "cofunding_record",
    "parse_amount",
    "review_save",
    "step_complete",
    "step_reopen",
]
