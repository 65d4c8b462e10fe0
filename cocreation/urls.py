from django.urls import path

from .views import calls, evaluation, ideas, processes, stakeholders, submissions, workshops

app_name = "cocreation"

urlpatterns = [
    # the public pages behind a personal link
    path("respond/<str:token>/", submissions.respond, name="respond"),
    path("respond/<str:token>/vote/", ideas.vote, name="vote"),
    path("apply/<str:token>/", calls.apply, name="apply"),
    # processes and phases
    path("city/<slug:slug>/", processes.process_list, name="processes"),
    path("city/<slug:slug>/process/new/", processes.process_create, name="process_create"),
    path("process/<int:pk>/", processes.process_detail, name="process"),
    path("process/<int:pk>/edit/", processes.process_edit, name="process_edit"),
    path("process/<int:pk>/phases/", processes.process_phases, name="process_phases"),
    path("phase/<int:pk>/advance/", processes.phase_advance, name="phase_advance"),
    # stakeholders and their workshop invitations
    path("city/<slug:slug>/stakeholders/", stakeholders.stakeholder_list, name="stakeholders"),
    path("city/<slug:slug>/stakeholders/new/", stakeholders.stakeholder_add, name="stakeholder_add"),
    path("stakeholder/<int:pk>/edit/", stakeholders.stakeholder_edit, name="stakeholder_edit"),
    path("city/<slug:slug>/stakeholders/import/", stakeholders.stakeholder_import, name="stakeholder_import"),
    path("city/<slug:slug>/stakeholders/template.csv", stakeholders.stakeholder_template, name="stakeholder_template"),
    path("workshop/<int:pk>/invite/", stakeholders.workshop_invite, name="workshop_invite"),
    path("workshop/<int:pk>/invite/csv/", stakeholders.workshop_invite_csv, name="workshop_invite_csv"),
    path("invitation/<int:pk>/resend/", stakeholders.invitation_resend, name="invitation_resend"),
    path("invitation/<int:pk>/revoke/", stakeholders.invitation_revoke, name="invitation_revoke"),
    # workshops, their questions, attendance and the closing report
    path("process/<int:pk>/workshop/new/", workshops.workshop_create, name="workshop_create"),
    path("workshop/<int:pk>/", workshops.workshop_detail, name="workshop"),
    path("workshop/<int:pk>/edit/", workshops.workshop_edit, name="workshop_edit"),
    path("workshop/<int:pk>/export.<str:fmt>", workshops.workshop_export, name="workshop_export"),
    path("workshop/<int:pk>/questions/", workshops.questions, name="questions"),
    path("question/<int:pk>/edit/", workshops.question_edit, name="question_edit"),
    path("question/<int:pk>/delete/", workshops.question_delete, name="question_delete"),
    path("question/<int:pk>/move/", workshops.question_move, name="question_move"),
    path("workshop/<int:pk>/attendance/", workshops.attendance, name="attendance"),
    path("invitation/<int:pk>/check-in/", workshops.invitation_check_in, name="invitation_check_in"),
    path("workshop/<int:pk>/report/", workshops.workshop_report, name="workshop_report"),
    path("attachment/<int:pk>/", workshops.attachment_download, name="attachment"),
    path("attachment/<int:pk>/delete/", workshops.attachment_delete, name="attachment_delete"),
    # submissions
    path("workshop/<int:pk>/submissions/", submissions.submission_list, name="submissions"),
    # ideas
    path("workshop/<int:pk>/ideas/", ideas.idea_list, name="ideas"),
    path("workshop/<int:pk>/ideas/new/", ideas.idea_new, name="idea_new"),
    path("idea/<int:pk>/edit/", ideas.idea_edit, name="idea_edit"),
    path("idea/<int:pk>/tag/", ideas.idea_tag, name="idea_tag"),
    path("idea/<int:pk>/merge/", ideas.idea_merge, name="idea_merge"),
    path("idea/<int:pk>/shortlist/", ideas.idea_shortlist, name="idea_shortlist"),
    # evaluation
    path("process/<int:pk>/evaluation/", evaluation.process_evaluation, name="process_evaluation"),
    path("process/<int:pk>/evaluation/criteria/", evaluation.process_criterion_add, name="process_criterion_add"),
    path("process/<int:pk>/evaluation/conflict/", evaluation.process_conflict_declare, name="process_conflict_declare"),
    path("call/<int:pk>/evaluation/", evaluation.call_evaluation, name="call_evaluation"),
    path("call/<int:pk>/evaluation/criteria/", evaluation.call_criterion_add, name="call_criterion_add"),
    path("call/<int:pk>/evaluation/conflict/", evaluation.call_conflict_declare, name="call_conflict_declare"),
    path("criterion/<int:pk>/", evaluation.criterion_edit, name="criterion_edit"),
    path("idea/<int:pk>/score/", evaluation.idea_score, name="idea_score"),
    path("proposal/<int:pk>/score/", evaluation.proposal_score, name="proposal_score"),
    # calls, their SME invitations and the award
    path("process/<int:pk>/calls/new/", calls.call_new, name="call_new"),
    path("call/<int:pk>/", calls.call_detail, name="call"),
    path("call/<int:pk>/export.<str:fmt>", calls.call_export, name="call_export"),
    path("call/<int:pk>/edit/", calls.call_edit, name="call_edit"),
    path("call/<int:pk>/open/", calls.call_open, name="call_open"),
    path("call/<int:pk>/close/", calls.call_close, name="call_close"),
    path("call/<int:pk>/clarifications/", calls.clarification_publish, name="clarification_publish"),
    path("call/<int:pk>/invite/", calls.call_invite, name="call_invite"),
    path("call-invitation/<int:pk>/revoke/", calls.call_invitation_revoke, name="call_invitation_revoke"),
    path("proposal/<int:pk>/award/", calls.proposal_award, name="proposal_award"),
]
