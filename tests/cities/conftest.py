"""Factories of the cities app: a PDF letter, a rubric, applications in each state, a selected city."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from cities import services
from cities.models import Application, ApplicationStatus, SelectionCriterion
from tests.files import pdf_bytes


def pdf_upload(name="letter.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, pdf_bytes(), content_type="application/pdf")


COMPLETE = {
    "city_name": "Hue",
    "country": "VN",
    "cro_name": "Nguyễn Văn An",
    "cro_title": "Giám đốc Sở Xây dựng",
    "cro_email": "an.nguyen@hue.example.vn",
    "cro_phone": "+84 234 382 2222",
    "strategy_summary": "Chiến lược chống chịu của Huế ưu tiên ứng phó lũ lụt và bảo tồn di sản.",
    "strategy_url": "https://hue.example.vn/resilience",
    "shocks": ["flooding", "typhoon"],
    "candidate_sectors": "Du lịch di sản\nThủ công mỹ nghệ",
    "currency": "VND",
    "cofunding_cash": "2500000000",
    "cofunding_in_kind": "1000000000",
    "in_kind_description": "Văn phòng và nhân sự",
}


@pytest.fixture
def criteria(cohort):
    return [
        SelectionCriterion.objects.create(cohort=cohort, name="SME sector commitment", weight=Decimal("2"), position=0),
        SelectionCriterion.objects.create(cohort=cohort, name="Resilience challenge", weight=Decimal("1"), position=1),
        SelectionCriterion.objects.create(cohort=cohort, name="Co-funding", weight=Decimal("1"), position=2),
    ]


def make_application(cohort, *, applicant=None, city_name="Hue", country="VN", submitted=False, **extra):
    application = Application.objects.create(
        cohort=cohort,
        city_name=city_name,
        country=country,
        invited_email=(applicant.email if applicant else f"cro@{city_name.lower().replace(' ', '')}.example"),
        applicant=applicant,
    )
    if submitted:
        services.application_update(
            application=application,
            data={**COMPLETE, "city_name": city_name, "country": country, **extra},
            letter=pdf_upload(),
            submit=True,
        )
        application.refresh_from_db()
    return application


@pytest.fixture
def applicant(db):
    from tests.conftest import make_user

    return make_user("an.nguyen@hue.example.vn")


@pytest.fixture
def draft(cohort, applicant):
    return make_application(cohort, applicant=applicant)


@pytest.fixture
def submitted(cohort, applicant, criteria):
    return make_application(cohort, applicant=applicant, submitted=True)


@pytest.fixture
def application_a(cohort, member_a, criteria, staff):
    """City A's application, made by its officer (the CRO), submitted and reviewed once."""
    application = make_application(cohort, applicant=member_a, city_name="Can Tho", submitted=True)
    services.review_save(application=application, reviewer=staff, scores={c.pk: 4 for c in criteria}, comment="Strong")
    return application


@pytest.fixture
def selected_a(application_a, staff, city_a):
    """City A selected: its checklist and committed co-funding exist."""
    services.application_decide(
        application=application_a, decided_by=staff, status=ApplicationStatus.SELECTED, rationale="Strong waste SMEs"
    )
    application_a.refresh_from_db()
    return application_a


@pytest.fixture
def step_a(selected_a, city_a):
    return city_a.onboarding_steps.order_by("position").first()


def record_a(city_a, staff):
    return services.cofunding_record(
        city=city_a,
        kind="cash",
        stage="received",
        amount="500000000",
        currency="VND",
        on=date(2022, 3, 1),
        recorded_by=staff,
    )


__all__ = ["pdf_bytes", "pdf_upload", "make_application", "record_a", "COMPLETE", "timezone"]
