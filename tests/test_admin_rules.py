"""The admin cannot change a field that a rule guards: it is read-only there, and changes through a service.

Each row names a model and the fields whose changes must go through the model's services (a state
machine's status, figures a service computes, who decided and when). The admin's change form must
show them read-only or leave them out.
"""

import pytest
from django.apps import apps
from django.contrib import admin
from django.test import RequestFactory

RULE_BOUND = {
    "ccrs.Invitation": ["status", "accepted_at", "accepted_by", "sent_at"],
    "ccrs.Report": ["status", "progress", "attempts", "file", "error"],
    "cities.Application": ["status", "applicant", "decided_by", "decided_at", "decision_rationale", "submitted_at"],
    "cities.OnboardingStep": ["completed_at", "completed_by"],
    "cities.Review": ["conflict_of_interest", "reviewer", "application"],
    "cities.Score": ["value", "review", "criterion"],
    "sectors.Assessment": ["status", "submitted_at", "decided_at", "decided_by"],
    "sectors.Selection": ["status", "decided_by", "decided_at"],
    "pilots.Pilot": ["status"],
    "pilots.Period": ["actual_value", "locked"],
    "cocreation.Phase": ["status"],
    "cocreation.Workshop": ["status"],
    "cocreation.Idea": ["status", "merged_into"],
    "cocreation.Call": ["status"],
    "cocreation.Proposal": ["status", "awarded_at"],
    "cocreation.StakeholderInvitation": ["status", "sent_at", "checked_in_at"],
    "cocreation.CallInvitation": ["status", "sent_at"],
    "cocreation.Score": ["value", "evaluator", "criterion", "idea", "proposal"],
    "cocreation.Vote": ["idea", "invitation"],
    "cocreation.IdeaRating": ["value", "idea", "invitation"],
    "cocreation.ConflictDeclaration": ["has_conflict", "evaluator"],
    "network.Event": ["status", "sequence", "capacity", "uid", "closed_at", "closed_by"],
    "network.Registration": ["status", "queued_at", "promoted_at", "cancelled_at", "mails_sent", "attended"],
    "pilots.Update": ["status", "value", "numerator", "denominator", "reviewed_by", "reviewed_at", "submitted_at"],
    "network.Resource": ["search_title", "search_text", "search_vector", "file_name", "file_type", "file_size"],
}


def editable_fields(model_label, staff):
    model = apps.get_model(model_label)
    model_admin = admin.site._registry[model]
    request = RequestFactory().get("/admin/")
    request.user = staff
    obj = model()
    if not model_admin.has_change_permission(request, obj):
        return set()  # a view-only admin: the site's own flows write these rows
    readonly = set(model_admin.get_readonly_fields(request, obj))
    form = model_admin.get_form(request, obj, change=True)
    return set(form.base_fields) - readonly


@pytest.mark.parametrize(("model_label", "fields"), RULE_BOUND.items(), ids=list(RULE_BOUND))
def test_rule_bound_fields_are_read_only_in_the_admin(model_label, fields, staff):
    editable = editable_fields(model_label, staff)
    assert not editable & set(fields), f"{model_label}: {sorted(editable & set(fields))} editable in the admin"
