from django.urls import path

from .views import case_studies, home

app_name = "network"

urlpatterns = [
    path("", home.network_home, name="home"),
    # Case studies: the city team's drafts and staff's review (the public pages are in urls_public.py).
    path("case-studies/", case_studies.case_study_list, name="case_study_list"),
    path("case-studies/review/", case_studies.review_queue, name="case_study_review"),
    path("case-studies/<int:pk>/", case_studies.case_study_edit, name="case_study_edit"),
    path("case-studies/<int:pk>/step/", case_studies.case_study_step, name="case_study_step"),
    path("case-studies/<int:pk>/quotes/", case_studies.quote_add, name="case_study_quote_add"),
    path("case-studies/quotes/<int:pk>/consent/", case_studies.quote_consent, name="case_study_quote_consent"),
    path("case-studies/<int:pk>/photos/", case_studies.photo_add, name="case_study_photo_add"),
    path("case-studies/photos/<int:pk>/", case_studies.photo_file, name="case_study_photo"),
]
