from django.urls import path

from . import views, views_calls

app_name = "cocreation"

urlpatterns = [
    path("respond/<str:token>/", views.respond, name="respond"),
    path("respond/<str:token>/vote/", views.vote, name="vote"),
    path("city/<slug:slug>/", views.process_list, name="processes"),
    path("city/<slug:slug>/stakeholders/", views.stakeholder_list, name="stakeholders"),
    path("process/<int:pk>/", views.process_detail, name="process"),
    path("workshop/<int:pk>/", views.workshop_detail, name="workshop"),
    path("workshop/<int:pk>/submissions/", views.submission_list, name="submissions"),
    path("workshop/<int:pk>/ideas/", views.idea_list, name="ideas"),
    path("workshop/<int:pk>/export.<str:fmt>", views.workshop_export, name="workshop_export"),
    path("invitation/<int:pk>/revoke/", views.invitation_revoke, name="invitation_revoke"),
    path("call/<int:pk>/", views_calls.call_detail, name="call"),
    path("call/<int:pk>/export.<str:fmt>", views.call_export, name="call_export"),
    # ideas, evaluation, calls
    path("workshop/<int:pk>/ideas/new/", views_calls.idea_new, name="idea_new"),
    path("idea/<int:pk>/edit/", views_calls.idea_edit, name="idea_edit"),
    path("idea/<int:pk>/tag/", views_calls.idea_tag, name="idea_tag"),
    path("idea/<int:pk>/merge/", views_calls.idea_merge, name="idea_merge"),
    path("idea/<int:pk>/shortlist/", views_calls.idea_shortlist, name="idea_shortlist"),
    path("idea/<int:pk>/score/", views_calls.score_sheet, {"kind": "idea"}, name="idea_score"),
    path("process/<int:pk>/evaluation/", views_calls.evaluation, {"scope": "process"}, name="process_evaluation"),
    path(
        "process/<int:pk>/evaluation/criteria/",
        views_calls.criterion_add,
        {"scope": "process"},
        name="process_criterion_add",
    ),
    path(
        "process/<int:pk>/evaluation/conflict/",
        views_calls.conflict_declare,
        {"scope": "process"},
        name="process_conflict_declare",
    ),
    path("process/<int:pk>/calls/new/", views_calls.call_new, name="call_new"),
    path("criterion/<int:pk>/", views_calls.criterion_edit, name="criterion_edit"),
    path("call/<int:pk>/evaluation/", views_calls.evaluation, {"scope": "call"}, name="call_evaluation"),
    path("call/<int:pk>/evaluation/criteria/", views_calls.criterion_add, {"scope": "call"}, name="call_criterion_add"),
    path(
        "call/<int:pk>/evaluation/conflict/",
        views_calls.conflict_declare,
        {"scope": "call"},
        name="call_conflict_declare",
    ),
    path("call/<int:pk>/edit/", views_calls.call_edit, name="call_edit"),
    path("call/<int:pk>/open/", views_calls.call_open, name="call_open"),
    path("call/<int:pk>/close/", views_calls.call_close, name="call_close"),
    path("call/<int:pk>/clarifications/", views_calls.clarification_publish, name="clarification_publish"),
    path("call/<int:pk>/invite/", views_calls.call_invite, name="call_invite"),
    path("call-invitation/<int:pk>/revoke/", views_calls.call_invitation_revoke, name="call_invitation_revoke"),
    path("proposal/<int:pk>/score/", views_calls.score_sheet, {"kind": "proposal"}, name="proposal_score"),
    path("proposal/<int:pk>/award/", views_calls.proposal_award, name="proposal_award"),
    path("apply/<str:token>/", views_calls.apply, name="apply"),
]
