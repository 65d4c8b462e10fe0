"""The cities app's URLs in the permission matrix, and its city A objects."""

from django.apps import apps

from tests.permissions import DENY, LOGIN, OK, REDIRECT, Rule, signed_in

CITY = {"slug": "{city_a.slug}"}
APPLICATION = {"pk": "{application_a.pk}"}
ONLY_STAFF = {**signed_in(DENY), "staff": OK}
STAFF_POST = {**signed_in(DENY), "staff": REDIRECT}
TEAM_A = {"anonymous": LOGIN, "stakeholder": DENY, "member_a": OK, "member_b": DENY, "staff": OK}

MATRIX = {
    # member_a is city A's officer and the applicant of city A's application.
    "cities:application_list": Rule(TEAM_A),
    "cities:application_invite": Rule(ONLY_STAFF),
    # A valid link opens for anyone; a signed-in person with another e-mail is refused.
    "cities:application_accept": Rule({**signed_in(DENY), "anonymous": OK}, kwargs={"token": "{application_token}"}),
    "cities:application_detail": Rule(TEAM_A, kwargs=APPLICATION),
    # Only the applicant edits, and only a draft.
    "cities:application_edit": Rule({**signed_in(DENY), "member_a": OK}, kwargs={"pk": "{draft_a.pk}"}),
    "cities:application_letter": Rule(TEAM_A, kwargs=APPLICATION),
    "cities:application_review": Rule(ONLY_STAFF, kwargs=APPLICATION),
    "cities:application_decide": Rule(STAFF_POST, method="post", kwargs=APPLICATION),
    "cities:application_resend": Rule(STAFF_POST, method="post", kwargs={"pk": "{invited_a.pk}"}),
    "cities:cohort_export": Rule(ONLY_STAFF, kwargs={"pk": "{city_a.cohort_id}", "fmt": "xlsx"}),
    "cities:profile": Rule(TEAM_A, kwargs=CITY),
    "cities:cofunding_add": Rule(STAFF_POST, method="post", kwargs=CITY),
    "cities:onboarding": Rule(TEAM_A, kwargs=CITY),
    # Officers (editors) of the city and staff complete steps; only staff reopen them.
    "cities:step_complete": Rule(
        {**signed_in(DENY), "member_a": REDIRECT, "staff": REDIRECT},
        method="post",
        kwargs={**CITY, "step_id": "{open_step_a.pk}"},
    ),
    "cities:step_reopen": Rule(STAFF_POST, method="post", kwargs={**CITY, "step_id": "{done_step_a.pk}"}),
    "cities:step_evidence": Rule(TEAM_A, kwargs={**CITY, "step_id": "{done_step_a.pk}"}),
}


def objects(world):
    """City A selected from its application (by member_a), one step done with evidence, a co-funding record."""
    from ccrs.links import link_token
    from cities import services
    from cities.models import Application, SelectionCriterion
    from tests.cities.conftest import COMPLETE, pdf_upload

    city_a = world["format"]["city_a"]
    staff = world["users"]["staff"]
    member_a = world["users"]["member_a"]
    cohort = city_a.cohort
    criterion = SelectionCriterion.objects.create(cohort=cohort, name="SME sector commitment")
    application = Application.objects.create(
        cohort=cohort, city_name="Can Tho", country="VN", invited_email=member_a.email, applicant=member_a
    )
    services.application_update(
        application=application, data={**COMPLETE, "city_name": "Can Tho"}, letter=pdf_upload(), submit=True
    )
    review = services.review_save(application=application, reviewer=staff, scores={criterion.pk: 4})
    application = services.application_decide(
        application=application, decided_by=staff, status="selected", rationale="Waste SMEs ready"
    )
    draft = Application.objects.create(
        cohort=cohort, city_name="Soc Trang", country="VN", invited_email=member_a.email, applicant=member_a
    )
    invited = Application.objects.create(cohort=cohort, city_name="Vinh Long", country="VN", invited_email="x@vl.vn")
    steps = list(city_a.onboarding_steps.order_by("position"))
    services.step_complete(step=steps[0], user=member_a, evidence_file=pdf_upload("mou.pdf"))
    record = services.cofunding_record(
        city=city_a, kind="cash", stage="received", amount="100", currency="VND", on="2022-01-01", recorded_by=staff
    )
    world["format"].update(
        {
            "application_a": application,
            "draft_a": draft,
            "invited_a": invited,
            "application_token": link_token(services.APPLICATION_INVITATION, invited),
            "open_step_a": steps[1],
            "done_step_a": steps[0],
        }
    )
    model = apps.get_model
    world["objects"].update(
        {
            model("cities", "SelectionCriterion"): criterion,
            model("cities", "Application"): application,
            model("cities", "Review"): review,
            model("cities", "Score"): review.scores.first(),
            model("cities", "ChecklistItem"): cohort.checklist_items.first(),
            model("cities", "OnboardingStep"): steps[0],
            model("cities", "CoFundingRecord"): record,
        }
    )
