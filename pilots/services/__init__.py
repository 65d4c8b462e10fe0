"""Writes of the pilots app, one module per noun: the pilot, its budget, workplan, results framework and updates."""

from .budget import (
    budget_approval_record,
    budget_line_check,
    budget_line_save,
    exchange_rate_set,
    expenditure_check,
    expenditure_record,
    funding_add,
)
from .notifications import period_reminders_send, update_notify
from .pilots import partner_add, pilot_create, pilot_start_from_award, pilot_status_change
from .program import (
    indicator_map,
    indicator_opt_out,
    mapping_check,
    program_indicator_check,
    program_indicator_save,
)
from .results import indicator_create, period_create, period_lock, period_recompute_actual, result_create
from .updates import update_approve, update_return, update_revise, update_submit
from .workplan import milestone_save, milestone_status_set, risk_save

__all__ = [
    "budget_approval_record",
    "budget_line_check",
    "budget_line_save",
    "exchange_rate_set",
    "expenditure_check",
    "expenditure_record",
    "funding_add",
    "indicator_create",
    "indicator_map",
    "indicator_opt_out",
    "mapping_check",
    "milestone_save",
    "milestone_status_set",
    "partner_add",
    "period_create",
    "period_lock",
    "period_recompute_actual",
    "period_reminders_send",
    "program_indicator_check",
    "program_indicator_save",
    "pilot_create",
    "pilot_start_from_award",
    "pilot_status_change",
    "result_create",
    "risk_save",
    "update_approve",
    "update_notify",
    "update_return",
    "update_revise",
    "update_submit",
]
