"""Reads of the co-creation app, one module per noun. Each `*_get` takes the user and returns only what they may see."""

from .calls import (
    PICK_LIMIT,
    awarded_proposal,
    call_detail,
    call_get,
    call_invitations,
    proposal_for_invitation,
    proposal_get,
    uninvited_smes,
)
from .common import PAGE_SIZE, count_of
from .evaluation import criterion_get, evaluation, evaluation_items, evaluation_seen_by
from .ideas import ballot, idea_get, idea_list, shortlisted_ideas
from .processes import process_detail, process_get, process_list, processes_visible_to, timeline
from .stakeholders import inclusion_figures, invite_candidates, stakeholder_get, stakeholder_list
from .submissions import answer_text, submission_list
from .workshops import (
    attendance_register,
    checked_in_count,
    organisations_present,
    workshop_attendance,
    workshop_detail,
    workshop_get,
    workshop_report,
)

__all__ = [
    "PAGE_SIZE",
    "PICK_LIMIT",
    "answer_text",
    "attendance_register",
    "awarded_proposal",
    "ballot",
    "call_detail",
    "call_get",
    "call_invitations",
    "checked_in_count",
    "count_of",
    "criterion_get",
    "evaluation",
    "evaluation_items",
    "evaluation_seen_by",
    "idea_get",
    "idea_list",
    "inclusion_figures",
    "invite_candidates",
    "organisations_present",
    "process_detail",
    "process_get",
    "process_list",
    "processes_visible_to",
    "proposal_for_invitation",
    "proposal_get",
    "shortlisted_ideas",
    "stakeholder_get",
    "stakeholder_list",
    "submission_list",
    "timeline",
    "uninvited_smes",
    "workshop_attendance",
    "workshop_detail",
    "workshop_get",
    "workshop_report",
]
