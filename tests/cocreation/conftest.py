"""Co-creation objects of city A (Can Tho): a process, a workshop open for input, its form, an invitation."""

from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from cocreation import services
from cocreation.models import QuestionKind, StakeholderKind, WorkshopKind

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def pdf_file(name="plan.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


@pytest.fixture
def process_a(city_a):
    return services.process_create(
        city=city_a,
        title="Thu gom và phân loại rác",
        challenge="Waste collection and separation",
        phases={"discover": (date(2026, 1, 5), date(2026, 2, 28)), "ideate": (date(2026, 3, 1), date(2026, 4, 15))},
    )


@pytest.fixture
def stakeholder_a(city_a):
    person, _created = services.stakeholder_register(
        city=city_a,
        name="Nguyễn Thị Lan",
        email="lan@ve-sinh.example.vn",
        organisation="HTX Vệ sinh Ninh Kiều",
        kind=StakeholderKind.SME,
        size="micro",
        women_led=True,
        gender="female",
        language="vi",
        consent_version="2026-01",
    )
    return person


@pytest.fixture
def workshop_a(process_a):
    now = timezone.now()
    return services.workshop_schedule(
        process=process_a,
        title="Ý tưởng phân loại rác tại nguồn",
        kind=WorkshopKind.IDEATION,
        starts_at=now - timedelta(hours=2),
        ends_at=now - timedelta(hours=1),
        input_closes_at=now + timedelta(days=5),
        language="vi",
        place="Hội trường UBND quận Ninh Kiều",
        capacity=40,
    )


@pytest.fixture
def questions_a(workshop_a):
    qs = [
        services.question_add(
            workshop=workshop_a,
            kind=QuestionKind.SHORT_TEXT,
            text={"en": "Your main idea", "vi": "Ý tưởng chính của bạn"},
        ),
        services.question_add(
            workshop=workshop_a,
            kind=QuestionKind.SINGLE_CHOICE,
            text={"en": "Where should separation start?", "vi": "Nên bắt đầu phân loại ở đâu?"},
            choices=[{"en": "Households", "vi": "Hộ gia đình"}, {"en": "Markets", "vi": "Chợ"}],
        ),
        services.question_add(
            workshop=workshop_a,
            kind=QuestionKind.MULTIPLE_CHOICE,
            text={"en": "Which waste do you handle?", "vi": "Bạn xử lý loại rác nào?"},
            choices=[
                {"en": "Plastic", "vi": "Nhựa"},
                {"en": "Organic", "vi": "Hữu cơ"},
                {"en": "Metal", "vi": "Kim loại"},
            ],
            required=False,
        ),
        services.question_add(
            workshop=workshop_a,
            kind=QuestionKind.RATING,
            text={"en": "How urgent is it?", "vi": "Mức độ cấp bách?"},
            scale_max=5,
        ),
        services.question_add(
            workshop=workshop_a,
            kind=QuestionKind.RANKING,
            text={"en": "Rank the priorities", "vi": "Xếp hạng ưu tiên"},
            choices=[
                {"en": "Cost", "vi": "Chi phí"},
                {"en": "Health", "vi": "Sức khỏe"},
                {"en": "Jobs", "vi": "Việc làm"},
            ],
            required=False,
        ),
        services.question_add(
            workshop=workshop_a,
            kind=QuestionKind.FILE,
            text={"en": "A photo or document (optional)"},
            required=False,
        ),
    ]
    services.workshop_open(workshop=workshop_a)
    workshop_a.refresh_from_db()
    return qs


@pytest.fixture
def invitation_s(workshop_a, stakeholder_a, questions_a):
    invitation, _created = services.invitation_create(workshop=workshop_a, stakeholder=stakeholder_a)
    return invitation


def good_answers(questions):
    short, single, multiple, rating, ranking, _file = questions
    return {
        str(short.pk): "Phát túi phân loại cho hộ gia đình",
        str(single.pk): "0",
        str(multiple.pk): ["0", "1"],
        str(rating.pk): "4",
        str(ranking.pk): ["2", "0", "1"],
    }
