"""Co-creation objects of city A (Can Tho) for every test: a process, a workshop open for input, its form, an
invitation, ideas, a shortlist and an open call; and the helpers the page tests share."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ccrs.links import link_token
from ccrs.models import CityRole
from cocreation import services
from cocreation.models import IdeaStatus, QuestionKind, StakeholderKind
from tests.cocreation.factories import SME_CALL, call_opened, translated, workshop_held
from tests.conftest import make_member
from tests.files import PDF


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
    return workshop_held(process_a, title="Ý tưởng phân loại rác tại nguồn", place="Hội trường UBND quận Ninh Kiều")


# The form of workshop A: one question of each kind that takes an answer in the form.
QUESTIONS_A = [
    {"kind": QuestionKind.SHORT_TEXT, "text": {"en": "Your main idea", "vi": "Ý tưởng chính của bạn"}},
    {
        "kind": QuestionKind.SINGLE_CHOICE,
        "text": {"en": "Where should separation start?", "vi": "Nên bắt đầu phân loại ở đâu?"},
        "choices": translated(("Households", "Hộ gia đình"), ("Markets", "Chợ")),
    },
    {
        "kind": QuestionKind.MULTIPLE_CHOICE,
        "text": {"en": "Which waste do you handle?", "vi": "Bạn xử lý loại rác nào?"},
        "choices": translated(("Plastic", "Nhựa"), ("Organic", "Hữu cơ"), ("Metal", "Kim loại")),
        "required": False,
    },
    {"kind": QuestionKind.RATING, "text": {"en": "How urgent is it?", "vi": "Mức độ cấp bách?"}, "scale_max": 5},
    {
        "kind": QuestionKind.RANKING,
        "text": {"en": "Rank the priorities", "vi": "Xếp hạng ưu tiên"},
        "choices": translated(("Cost", "Chi phí"), ("Health", "Sức khỏe"), ("Jobs", "Việc làm")),
        "required": False,
    },
    {"kind": QuestionKind.FILE, "text": {"en": "A photo or document (optional)"}, "required": False},
]


@pytest.fixture
def questions_a(workshop_a):
    qs = [services.question_add(workshop=workshop_a, **question) for question in QUESTIONS_A]
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


@pytest.fixture
def tagged_ideas_a(workshop_a, invitation_s, questions_a):
    submission, _ = services.submission_save(invitation=invitation_s, answers=good_answers(questions_a))
    return [
        services.idea_create(
            workshop=workshop_a, title=f"Ý tưởng {n}", tags=["rác", "Hộ gia đình "], sources=[submission]
        )
        for n in range(4)
    ]


def form_data(questions):
    short, single, multiple, rating, ranking, _file = questions
    return {
        f"q{short.pk}": "Phát túi phân loại",
        f"q{single.pk}": "0",
        f"q{multiple.pk}": ["0", "2"],
        f"q{rating.pk}": "5",
        f"q{ranking.pk}_0": "1",
        f"q{ranking.pk}_1": "0",
        f"q{ranking.pk}_2": "2",
    }


def link(invitation):
    return reverse("cocreation:respond", kwargs={"token": link_token(services.STAKEHOLDER_INVITATION, invitation)})


@pytest.fixture
def viewer_a(city_a):
    return make_member("viewer.a@cantho.example.vn", city_a, CityRole.VIEWER)


@pytest.fixture
def officer(client_for, member_a):
    return client_for(member_a)


def url(name, **kwargs):
    return reverse(f"cocreation:{name}", kwargs=kwargs)


def body(response):
    return response.content.decode()


def csv_file(text, name="people.csv"):
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


STAKEHOLDER = {
    "name": "Trần Văn Nam",
    "email": "Nam@Ve-Sinh.example.vn",
    "organisation": "Công ty Môi trường Cái Răng",
    "kind": "sme",
    "sector": "waste collection",
    "size": "small",
    "women_led": "",
    "gender": "male",
    "language": "vi",
    "phone": "+84 292 111 222",
}


WORKSHOP = {
    "title": "Hội thảo đánh giá giải pháp",
    "kind": "validation",
    "starts_at": "2026-05-10T09:00",
    "ends_at": "2026-05-10T12:00",
    "input_closes_at": "2026-05-17T17:00",
    "place": "Hội trường UBND quận Ninh Kiều",
    "online_link": "",
    "language": "vi",
    "agenda": "1. Chào mừng\n2. Thảo luận",
    "facilitators": "Lê Minh",
    "capacity": "30",
    "anonymous_input": "on",
    "vote_limit": "2",
}


@pytest.fixture
def registry(city_a):
    people = [
        ("An", "an@example.vn", "sme", "vi"),
        ("Bảo", "bao@example.vn", "sme", "vi"),
        ("Chi", "chi@example.vn", "ngo", "en"),
        ("Dũng", "dung@example.vn", "academia", "vi"),
    ]
    return [
        services.stakeholder_register(city=city_a, name=n, email=e, kind=k, language=lang)[0]
        for n, e, k, lang in people
    ]


@pytest.fixture
def submission_a(invitation_s, questions_a):
    submission, _ = services.submission_save(invitation=invitation_s, answers=good_answers(questions_a), language="vi")
    return submission


@pytest.fixture
def ideas_a(workshop_a, submission_a):
    return [
        services.idea_create(workshop=workshop_a, title=title, sources=[submission_a])
        for title in ("Túi hai màu", "Điểm thu mua ở chợ", "Túi phân loại hai màu")
    ]


@pytest.fixture
def shortlist_a(process_a, ideas_a):
    for idea in ideas_a[:2]:
        idea.refresh_from_db()
        if idea.status == IdeaStatus.OPEN:
            services.idea_shortlist(idea=idea)
    criteria = [
        services.criterion_add(process=process_a, name="Impact", weight=3),
        services.criterion_add(process=process_a, name="Cost", weight=1),
    ]
    return ideas_a[:2], criteria


@pytest.fixture
def sme_b(city_a):
    sme, _ = services.stakeholder_register(
        city=city_a, name="Phạm Minh", email="minh@xanh.example.vn", kind="sme", language="en", size="small"
    )
    return sme


@pytest.fixture
def call_a(process_a, ideas_a):
    services.idea_shortlist(idea=ideas_a[0])
    title, description = "Gọi đề xuất: túi hai màu", "Thu gom rác hữu cơ tại Ninh Kiều."
    call = call_opened(process_a, idea=ideas_a[0], title=title, description=description, **SME_CALL)
    services.clarification_publish(call=call, question="Hợp tác xã có được nộp không?", answer="Có.")
    call.refresh_from_db()
    return call


@pytest.fixture
def call_link(call_a, stakeholder_a):
    invitation, _ = services.call_invitation_create(call=call_a, stakeholder=stakeholder_a)
    return invitation, reverse("cocreation:apply", kwargs={"token": link_token(services.CALL_INVITATION, invitation)})


def submit_proposal(call, stakeholder, *, title: str, documents: dict | None = None, **fields):
    """A proposal of an SME registered in the city, through the service: a summary "S" and 8 employees unless `fields`
    say otherwise, and by default the two documents call A asks for (a business registration and a work plan)."""
    if documents is None:
        documents = {"Business registration": pdf_file(), "Work plan": pdf_file()}
    fields = {"summary": "S", "employees": 8, "registered_in_city": True, **fields}
    return services.proposal_submit(call=call, stakeholder=stakeholder, title=title, documents=documents, **fields)


def proposal_data(**extra):
    return {
        "title": "Xe ba gác điện",
        "summary": "Thu gom rác hữu cơ hai lần mỗi tuần tại 2.000 hộ.",
        "employees": "8",
        "registered_in_city": "on",
        "amount": "450000000",
        "document_0": pdf_file("dkkd.pdf"),
        "document_1": pdf_file("plan.pdf"),
        **extra,
    }


def call_form(idea, **extra):
    return {
        "idea": idea.pk,
        "title": "Gọi đề xuất: điểm thu mua ở chợ",
        "description": "Điểm thu mua phế liệu ở chợ Xuân Khánh.",
        "max_employees": "49",
        "registered_in_city": "on",
        "required_documents": "Business registration\n\nWork plan\nBusiness registration",
        "budget": "300000000",
        "currency": "vnd",
        "deadline": "2030-05-01T17:00",
        **extra,
    }
