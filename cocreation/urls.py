from django.urls import path

from . import views, views_workshops

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
    path("call/<int:pk>/", views.call_detail, name="call"),
    path("call/<int:pk>/export.<str:fmt>", views.call_export, name="call_export"),
    # processes, stakeholders, workshops
    path("city/<slug:slug>/process/new/", views_workshops.process_create, name="process_create"),
    path("process/<int:pk>/edit/", views_workshops.process_edit, name="process_edit"),
    path("process/<int:pk>/phases/", views_workshops.process_phases, name="process_phases"),
    path("phase/<int:pk>/advance/", views_workshops.phase_advance, name="phase_advance"),
    path("city/<slug:slug>/stakeholders/new/", views_workshops.stakeholder_add, name="stakeholder_add"),
    path("stakeholder/<int:pk>/edit/", views_workshops.stakeholder_edit, name="stakeholder_edit"),
    path("city/<slug:slug>/stakeholders/import/", views_workshops.stakeholder_import, name="stakeholder_import"),
    path(
        "city/<slug:slug>/stakeholders/template.csv",
        views_workshops.stakeholder_template,
        name="stakeholder_template",
    ),
    path("process/<int:pk>/workshop/new/", views_workshops.workshop_create, name="workshop_create"),
    path("workshop/<int:pk>/edit/", views_workshops.workshop_edit, name="workshop_edit"),
    path("workshop/<int:pk>/questions/", views_workshops.questions, name="questions"),
    path("question/<int:pk>/edit/", views_workshops.question_edit, name="question_edit"),
    path("question/<int:pk>/delete/", views_workshops.question_delete, name="question_delete"),
    path("question/<int:pk>/move/", views_workshops.question_move, name="question_move"),
    path("workshop/<int:pk>/invite/", views_workshops.workshop_invite, name="workshop_invite"),
    path("workshop/<int:pk>/invite/csv/", views_workshops.workshop_invite_csv, name="workshop_invite_csv"),
    path("invitation/<int:pk>/resend/", views_workshops.invitation_resend, name="invitation_resend"),
    path("workshop/<int:pk>/attendance/", views_workshops.attendance, name="attendance"),
    path("invitation/<int:pk>/check-in/", views_workshops.invitation_check_in, name="invitation_check_in"),
    path("workshop/<int:pk>/report/", views_workshops.workshop_report, name="workshop_report"),
    path("attachment/<int:pk>/", views_workshops.attachment_download, name="attachment"),
    path("attachment/<int:pk>/delete/", views_workshops.attachment_delete, name="attachment_delete"),
]
