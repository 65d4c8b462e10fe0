"""One small world of every app, for a test that visits many apps' pages at once (tests/test_fuzz.py).

Built through the services, as the fixtures of each app's tests are, which a test module at the
top of tests/ cannot use.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.urls import reverse

from ccrs.links import link_token
from ccrs.models import CityMembership, CityRole, User
from cities.models import City, Cohort
from cocreation import services as cocreation
from cocreation.models import Idea, Question, QuestionKind, StakeholderKind, Workshop
from pilots import services as pilots
from pilots.models import Measure, PilotStatus
from sectors import services as sectors
from tests.cities.conftest import make_application
from tests.cocreation.conftest import good_answers
from tests.cocreation.factories import SME_CALL, call_opened, translated, workshop_held


@dataclass
class World:
    city: City
    staff: User
    officer: User
    applicant: User
    workshop: Workshop
    questions: list[Question]
    idea: Idea
    respond_url: str
    vote_url: str
    apply_url: str
    survey_url: str
    application_url: str
    sector_ids: list[int]


def build_world(make_user) -> World:
    """City A (Can Tho) with a workshop open for input and voting, an open call, an assessment
    with its survey, a draft application and a pilot with an update waiting in the queue."""
    cohort = Cohort.objects.create(name="Fuzz cohort", region="Asia-Pacific", start_year=2021, end_year=2024)
    city = City.objects.create(
        cohort=cohort, slug="can-tho", name="Can Tho", country="VN", time_zone="Asia/Ho_Chi_Minh", languages=["vi"]
    )
    staff = make_user("staff@example.org", is_staff=True)
    officer = make_user("officer.a@cantho.example.vn")
    CityMembership.objects.create(user=officer, city=city, role=CityRole.OFFICER)
    applicant = make_user("an.nguyen@hue.example.vn")

    process = cocreation.process_create(city=city, title="Thu gom rác", challenge="Waste collection")
    person, _created = cocreation.stakeholder_register(
        city=city, name="Nguyễn Thị Lan", email="lan@ve-sinh.example.vn", kind=StakeholderKind.SME, language="vi"
    )
    workshop = workshop_held(process, title="Ý tưởng phân loại rác")
    two = translated(("One", "Một"), ("Two", "Hai"))
    three = translated(("One", "Một"), ("Two", "Hai"), ("Three", "Ba"))
    questions = [
        cocreation.question_add(workshop=workshop, kind=QuestionKind.SHORT_TEXT, text={"en": "Idea"}),
        cocreation.question_add(workshop=workshop, kind=QuestionKind.SINGLE_CHOICE, text={"en": "Where"}, choices=two),
        cocreation.question_add(
            workshop=workshop, kind=QuestionKind.MULTIPLE_CHOICE, text={"en": "Which"}, choices=three, required=False
        ),
        cocreation.question_add(workshop=workshop, kind=QuestionKind.RATING, text={"en": "Urgent"}, scale_max=5),
        cocreation.question_add(
            workshop=workshop, kind=QuestionKind.RANKING, text={"en": "Rank"}, choices=three, required=False
        ),
        cocreation.question_add(workshop=workshop, kind=QuestionKind.FILE, text={"en": "File"}, required=False),
    ]
    cocreation.question_add(workshop=workshop, kind=QuestionKind.LONG_TEXT, text={"en": "More"}, required=False)
    questions = list(workshop.questions.order_by("position", "pk"))
    cocreation.workshop_open(workshop=workshop)
    invitation, _created = cocreation.invitation_create(workshop=workshop, stakeholder=person)
    submission, _created = cocreation.submission_save(
        invitation=invitation, answers=good_answers(questions[:6]), language="vi"
    )
    idea = cocreation.idea_create(workshop=workshop, title="Túi hai màu", sources=[submission])
    cocreation.idea_shortlist(idea=idea)
    call = call_opened(process, idea=idea, title="Gọi đề xuất", description="Thu gom rác hữu cơ.", **SME_CALL)
    call_invitation, _created = cocreation.call_invitation_create(call=call, stakeholder=person)
    token = link_token(cocreation.STAKEHOLDER_INVITATION, invitation)

    assessment = sectors.assessment_start(city=city)
    sector_ids = [
        sectors.sector_add(assessment=assessment, isic_code="38", local_name="Thu gom rác").pk,
        sectors.sector_add(assessment=assessment, isic_code="I", local_name="Du lịch").pk,
    ]
    application = make_application(cohort, applicant=applicant)

    pilot = pilots.pilot_create(
        city=city,
        title="Phân loại rác tại nguồn",
        start_date=date(2024, 1, 1),
        end_date=date(2025, 12, 31),
        reporting_currency="USD",
    )
    pilots.pilot_status_change(pilot=pilot, status=PilotStatus.ACTIVE)
    result = pilots.result_create(pilot=pilot, type="output", title="SMEs separate waste")
    indicator = pilots.indicator_create(result=result, title="Tonnes", measure=Measure.UNIT, unit="t")
    period = pilots.period_create(
        indicator=indicator, start=date(2024, 1, 1), end=date(2024, 6, 30), target_value=Decimal("100")
    )
    pilots.update_submit(period=period, user=officer, value="40", narrative="Started.")

    return World(
        city=city,
        staff=staff,
        officer=officer,
        applicant=applicant,
        workshop=workshop,
        questions=questions,
        idea=idea,
        respond_url=reverse("cocreation:respond", kwargs={"token": token}),
        vote_url=reverse("cocreation:vote", kwargs={"token": token}),
        apply_url=reverse(
            "cocreation:apply", kwargs={"token": link_token(cocreation.CALL_INVITATION, call_invitation)}
        ),
        survey_url=reverse("sectors:survey_public", kwargs={"token": link_token(sectors.SURVEY_LINK, assessment)}),
        application_url=reverse("cities:application_edit", kwargs={"pk": application.pk}),
        sector_ids=sector_ids,
    )
