from django.urls import path

from ccrs.routes import route

from .views import calls, evaluation, ideas, processes, stakeholders, submissions, workshops

app_name = "cocreation"

urlpatterns = [
    # the public pages behind a personal link
    route("respond/<str:token>/", submissions.respond),
    route("respond/<str:token>/vote/", ideas.vote),
    route("apply/<str:token>/", calls.apply),
    # processes and phases
    path("city/<slug:slug>/", processes.process_list, name="processes"),
    route("city/<slug:slug>/process/new/", processes.process_create),
    path("process/<int:pk>/", processes.process_detail, name="process"),
    route("process/<int:pk>/edit/", processes.process_edit),
    route("process/<int:pk>/phases/", processes.process_phases),
    path("phase/<int:pk>/advance/", processes.phase_advance, name="phase_advance"),
    # stakeholders and their workshop invitations
    path("city/<slug:slug>/stakeholders/", stakeholders.stakeholder_list, name="stakeholders"),
    route("city/<slug:slug>/stakeholders/new/", stakeholders.stakeholder_add),
    route("stakeholder/<int:pk>/edit/", stakeholders.stakeholder_edit),
    route("city/<slug:slug>/stakeholders/import/", stakeholders.stakeholder_import),
    route("city/<slug:slug>/stakeholders/template.csv", stakeholders.stakeholder_template),
    route("workshop/<int:pk>/invite/", stakeholders.workshop_invite),
    route("workshop/<int:pk>/invite/csv/", stakeholders.workshop_invite_csv),
    path("invitation/<int:pk>/resend/", stakeholders.invitation_resend, name="invitation_resend"),
    path("invitation/<int:pk>/revoke/", stakeholders.invitation_revoke, name="invitation_revoke"),
    # workshops, their questions, attendance and the closing report
    route("process/<int:pk>/workshop/new/", workshops.workshop_create),
    path("workshop/<int:pk>/", workshops.workshop_detail, name="workshop"),
    route("workshop/<int:pk>/edit/", workshops.workshop_edit),
    route("workshop/<int:pk>/export.<str:fmt>", workshops.workshop_export),
    route("workshop/<int:pk>/questions/", workshops.questions),
    route("question/<int:pk>/edit/", workshops.question_edit),
    path("question/<int:pk>/delete/", workshops.question_delete, name="question_delete"),
    path("question/<int:pk>/move/", workshops.question_move, name="question_move"),
    route("workshop/<int:pk>/attendance/", workshops.attendance),
    route("invitation/<int:pk>/check-in/", workshops.invitation_check_in),
    route("workshop/<int:pk>/report/", workshops.workshop_report),
    path("attachment/<int:pk>/", workshops.attachment_download, name="attachment"),
    route("attachment/<int:pk>/delete/", workshops.attachment_delete),
    # submissions
    path("workshop/<int:pk>/submissions/", submissions.submission_list, name="submissions"),
    # ideas
    path("workshop/<int:pk>/ideas/", ideas.idea_list, name="ideas"),
    route("workshop/<int:pk>/ideas/new/", ideas.idea_new),
    route("idea/<int:pk>/edit/", ideas.idea_edit),
    route("idea/<int:pk>/tag/", ideas.idea_tag),
    route("idea/<int:pk>/merge/", ideas.idea_merge),
    path("idea/<int:pk>/shortlist/", ideas.idea_shortlist, name="idea_shortlist"),
    # evaluation
    route("process/<int:pk>/evaluation/", evaluation.process_evaluation),
    route("process/<int:pk>/evaluation/criteria/", evaluation.process_criterion_add),
    route("process/<int:pk>/evaluation/conflict/", evaluation.process_conflict_declare),
    route("call/<int:pk>/evaluation/", evaluation.call_evaluation),
    route("call/<int:pk>/evaluation/criteria/", evaluation.call_criterion_add),
    route("call/<int:pk>/evaluation/conflict/", evaluation.call_conflict_declare),
    route("criterion/<int:pk>/", evaluation.criterion_edit),
    route("idea/<int:pk>/score/", evaluation.idea_score),
    route("proposal/<int:pk>/score/", evaluation.proposal_score),
    # calls, their SME invitations and the award
    route("process/<int:pk>/calls/new/", calls.call_new),
    path("call/<int:pk>/", calls.call_detail, name="call"),
    route("call/<int:pk>/export.<str:fmt>", calls.call_export),
    route("call/<int:pk>/edit/", calls.call_edit),
    path("call/<int:pk>/open/", calls.call_open, name="call_open"),
    path("call/<int:pk>/close/", calls.call_close, name="call_close"),
    route("call/<int:pk>/clarifications/", calls.clarification_publish),
    route("call/<int:pk>/invite/", calls.call_invite),
    path("call-invitation/<int:pk>/revoke/", calls.call_invitation_revoke, name="call_invitation_revoke"),
    path("proposal/<int:pk>/award/", calls.proposal_award, name="proposal_award"),
]
