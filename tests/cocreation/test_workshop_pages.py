"""The pages through which a city's team runs co-creation: processes and phases, the stakeholder
registry, workshops and their questions, invitations, attendance and the closing report."""

import csv
import io
from datetime import UTC, date, datetime

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ccrs.models import CityMembership, CityRole
from cocreation import services
from cocreation.forms import CONSENT_VERSION
from cocreation.models import (
    Phase,
    PhaseStatus,
    Process,
    Question,
    Stakeholder,
    StakeholderInvitation,
    Workshop,
    WorkshopAttachment,
)
from tests.conftest import make_user
from tests.querybudget import assert_query_budget

from .conftest import PDF, good_answers

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


@pytest.fixture
def viewer_a(city_a):
    user = make_user("viewer.a@cantho.example.vn")
    CityMembership.objects.create(user=user, city=city_a, role=CityRole.VIEWER)
    return user


@pytest.fixture
def officer(client_for, member_a):
    return client_for(member_a)


def url(name, **kwargs):
    return reverse(f"cocreation:{name}", kwargs=kwargs)


def body(response):
    return response.content.decode()


def csv_file(text, name="people.csv"):
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


# --- processes and phases -------------------------------------------------------------------------


def test_officer_creates_a_process_then_schedules_its_phases(officer, city_a):
    """A new process leads to its phase dates; both dates of a phase schedule it, the others stay unscheduled."""
    response = officer.post(
        url("process_create", slug=city_a.slug), {"title": "Thu gom rác", "challenge": "Waste separation"}
    )
    process = Process.objects.get(city=city_a)
    assert response.status_code == 302 and response["Location"] == url("process_phases", pk=process.pk)
    response = officer.post(
        url("process_phases", pk=process.pk),
        {
            "discover_starts_on": "2026-01-05",
            "discover_ends_on": "2026-02-28",
            "ideate_starts_on": "2026-03-01",
            "ideate_ends_on": "2026-04-15",
        },
    )
    assert response.status_code == 302
    phases = {p.kind: (p.starts_on, p.ends_on) for p in Phase.objects.filter(process=process)}
    assert phases == {
        "discover": (date(2026, 1, 5), date(2026, 2, 28)),
        "ideate": (date(2026, 3, 1), date(2026, 4, 15)),
    }


def test_phase_ending_before_it_starts_is_refused(officer, process_a):
    before = list(Phase.objects.values_list("kind", "starts_on", "ends_on"))
    response = officer.post(
        url("process_phases", pk=process_a.pk),
        {"prioritise_starts_on": "2026-05-10", "prioritise_ends_on": "2026-05-01"},
    )
    assert response.status_code == 400 and "cannot end before it starts" in body(response)
    assert list(Phase.objects.values_list("kind", "starts_on", "ends_on")) == before


def test_phase_out_of_order_and_half_dated_phases_are_refused(officer, process_a):
    """Ideate cannot start before discover; a phase with one date only is named; nothing is saved."""
    response = officer.post(
        url("process_phases", pk=process_a.pk),
        {
            "discover_starts_on": "2026-01-05",
            "discover_ends_on": "2026-02-28",
            "ideate_starts_on": "2025-12-01",
            "ideate_ends_on": "2026-04-15",
        },
    )
    assert response.status_code == 400 and "cannot start before Discover starts" in body(response)
    response = officer.post(url("process_phases", pk=process_a.pk), {"select_starts_on": "2026-06-01"})
    assert response.status_code == 400 and "Give both dates of the phase, or neither." in body(response)
    assert Phase.objects.get(process=process_a, kind="ideate").starts_on == date(2026, 3, 1)
    assert not Phase.objects.filter(kind="select").exists()


def test_process_is_renamed_but_not_to_a_title_the_city_already_has(officer, city_a, process_a):
    services.process_create(city=city_a, title="Batik xanh")
    response = officer.post(url("process_edit", pk=process_a.pk), {"title": "Batik xanh", "challenge": ""})
    assert response.status_code == 400 and "already has a process called" in body(response)
    response = officer.post(url("process_edit", pk=process_a.pk), {"title": "Phân loại rác", "challenge": "New"})
    assert response.status_code == 302
    process_a.refresh_from_db()
    assert (process_a.title, process_a.challenge) == ("Phân loại rác", "New")


def test_phases_advance_from_planned_to_done_and_no_further(officer, process_a):
    phase = Phase.objects.get(process=process_a, kind="discover")
    advance = url("phase_advance", pk=phase.pk)
    officer.post(advance)
    assert Phase.objects.get(pk=phase.pk).status == PhaseStatus.ACTIVE
    officer.post(advance)
    assert Phase.objects.get(pk=phase.pk).status == PhaseStatus.DONE
    response = officer.post(advance, follow=True)
    assert "already done" in body(response) and Phase.objects.get(pk=phase.pk).status == PhaseStatus.DONE


def test_viewer_reads_the_process_but_may_not_change_it(client_for, viewer_a, city_a, process_a):
    """A viewer sees the process without edit buttons and is refused the edit pages and actions."""
    client = client_for(viewer_a)
    page = body(client.get(url("process", pk=process_a.pk)))
    assert process_a.title in page and url("process_edit", pk=process_a.pk) not in page
    assert client.get(url("process_create", slug=city_a.slug)).status_code == 403
    assert client.post(url("process_edit", pk=process_a.pk), {"title": "X"}).status_code == 403
    phase = Phase.objects.get(process=process_a, kind="discover")
    assert client.post(url("phase_advance", pk=phase.pk)).status_code == 403
    assert Phase.objects.get(pk=phase.pk).status == PhaseStatus.PLANNED


def test_process_pages_link_to_the_new_pages_for_editors(officer, city_a, process_a):
    listing = body(officer.get(url("processes", slug=city_a.slug)))
    assert url("process_create", slug=city_a.slug) in listing
    detail = body(officer.get(url("process", pk=process_a.pk)))
    for name in ("process_edit", "process_phases", "workshop_create"):
        assert url(name, pk=process_a.pk) in detail
    assert url("phase_advance", pk=Phase.objects.get(process=process_a, kind="discover").pk) in detail


# --- stakeholder registry -------------------------------------------------------------------------


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


def test_added_stakeholder_with_consent_records_the_text_version_and_date(officer, city_a):
    page = body(officer.get(url("stakeholder_add", slug=city_a.slug)))
    assert f"version {CONSENT_VERSION}" in page
    response = officer.post(url("stakeholder_add", slug=city_a.slug), STAKEHOLDER | {"consent": "on"})
    assert response.status_code == 302
    person = Stakeholder.objects.get()
    assert person.email == "nam@ve-sinh.example.vn" and person.language == "vi" and person.size == "small"
    assert person.consent_version == CONSENT_VERSION and person.consent_at is not None


def test_adding_a_known_email_updates_that_stakeholder(officer, city_a, stakeholder_a):
    """De-duplication by e-mail: the same address in other letter case is the same person."""
    response = officer.post(
        url("stakeholder_add", slug=city_a.slug),
        STAKEHOLDER | {"email": "LAN@ve-sinh.example.vn", "name": "Nguyễn Thị Lan", "phone": "0909"},
        follow=True,
    )
    assert "was already in the registry" in body(response)
    assert Stakeholder.objects.count() == 1
    assert Stakeholder.objects.get().phone == "0909"


def test_added_stakeholder_without_consent_has_none(officer, city_a):
    officer.post(url("stakeholder_add", slug=city_a.slug), STAKEHOLDER)
    assert Stakeholder.objects.get().consent_at is None


def test_unknown_language_or_type_is_refused(officer, city_a):
    response = officer.post(url("stakeholder_add", slug=city_a.slug), STAKEHOLDER | {"language": "fr", "kind": "x"})
    assert response.status_code == 400 and "Select a valid choice" in body(response)
    assert not Stakeholder.objects.exists()


def test_editing_a_stakeholder_onto_another_ones_email_is_refused(officer, city_a, stakeholder_a):
    other, _ = services.stakeholder_register(city=city_a, name="Other", email="other@example.vn", kind="ngo")
    response = officer.post(
        url("stakeholder_edit", pk=other.pk), STAKEHOLDER | {"email": "lan@ve-sinh.example.vn", "name": "Other"}
    )
    assert response.status_code == 400 and "already in the registry, as Nguyễn Thị Lan" in body(response)
    other.refresh_from_db()
    assert other.email == "other@example.vn" and other.kind == "ngo"


def test_editing_a_stakeholder_saves_every_field_and_records_consent(officer, city_a):
    person, _ = services.stakeholder_register(city=city_a, name="Bình", email="binh@example.vn", kind="ngo")
    page = body(officer.get(url("stakeholder_edit", pk=person.pk)))
    assert "binh@example.vn" in page
    response = officer.post(
        url("stakeholder_edit", pk=person.pk), STAKEHOLDER | {"organisation": "", "consent": "on", "women_led": "on"}
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.name == "Trần Văn Nam" and person.organisation == "" and person.women_led
    assert person.consent_version == CONSENT_VERSION


def test_stakeholder_of_another_city_is_not_found(client_for, member_b, stakeholder_a):
    assert client_for(member_b).get(url("stakeholder_edit", pk=stakeholder_a.pk)).status_code == 404


def test_template_csv_has_the_columns_and_imports_as_it_is(officer, city_a):
    """The downloadable template has the import's columns, and its example row imports."""
    response = officer.get(url("stakeholder_template", slug=city_a.slug))
    text = response.content.decode("utf-8-sig")
    assert response["Content-Type"].startswith("text/csv")
    assert next(csv.reader(io.StringIO(text))) == services.CSV_COLUMNS
    response = officer.post(
        url("stakeholder_import", slug=city_a.slug), {"file": csv_file(text), "consent": "on"}, follow=True
    )
    assert "Imported: 1 new, 0 updated." in body(response)
    assert Stakeholder.objects.get().consent_version == CONSENT_VERSION


def test_import_with_wrong_rows_lists_each_and_saves_nothing(officer, city_a):
    text = (
        "name,email,kind,language,size\n"
        "A,a@example.vn,sme,vi,micro\n"
        "B,broken,sme,vi,micro\n"
        "C,c@example.vn,sme,fr,micro\n"
        "D,d@example.vn,alien,vi,huge\n"
    )
    response = officer.post(url("stakeholder_import", slug=city_a.slug), {"file": csv_file(text)})
    page = body(response)
    assert response.status_code == 400 and "Nothing was imported" in page
    assert "Row 3" in page and "Row 4: “fr” is not a valid language" in page and "Row 5" in page
    assert not Stakeholder.objects.exists()


def test_import_with_wrong_columns_says_which_are_needed(officer, city_a):
    response = officer.post(url("stakeholder_import", slug=city_a.slug), {"file": csv_file("nom,courriel\nA,a@x.fr\n")})
    assert response.status_code == 400 and "needs the columns name, email, kind" in body(response)
    assert not Stakeholder.objects.exists()


def test_registry_links_to_add_import_and_edit(officer, city_a, stakeholder_a):
    page = body(officer.get(url("stakeholders", slug=city_a.slug)))
    assert url("stakeholder_add", slug=city_a.slug) in page and url("stakeholder_import", slug=city_a.slug) in page
    assert url("stakeholder_edit", pk=stakeholder_a.pk) in page


# --- workshops ------------------------------------------------------------------------------------


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


def test_workshop_times_are_entered_in_the_citys_time_zone(officer, process_a):
    """9:00 in Can Tho (UTC+7) is stored as 2:00 UTC, and the edit form shows 9:00 again."""
    response = officer.post(url("workshop_create", pk=process_a.pk), WORKSHOP)
    workshop = Workshop.objects.get(title=WORKSHOP["title"])
    assert response.status_code == 302 and response["Location"] == url("questions", pk=workshop.pk)
    assert workshop.starts_at == datetime(2026, 5, 10, 2, 0, tzinfo=UTC)
    assert workshop.input_closes_at == datetime(2026, 5, 17, 10, 0, tzinfo=UTC)
    assert workshop.anonymous_input and workshop.vote_limit == 2 and workshop.capacity == 30
    assert 'value="2026-05-10T09:00"' in body(officer.get(url("workshop_edit", pk=workshop.pk)))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"ends_at": "2026-05-10T08:00"}, "A workshop must end after it starts."),
        ({"input_closes_at": "2026-05-09T08:00"}, "Input cannot close before the workshop starts."),
        ({"language": "fr"}, "Select a valid choice"),
        ({"place": "", "online_link": ""}, "Give a place, an online link or both."),
        ({"online_link": "not a link"}, "Enter a valid URL"),
        ({"vote_limit": "0"}, "greater than or equal to 1"),
    ],
)
def test_bad_workshop_input_is_refused_with_a_message(officer, process_a, change, message):
    response = officer.post(url("workshop_create", pk=process_a.pk), WORKSHOP | change)
    assert response.status_code == 400 and message in body(response)
    assert not Workshop.objects.filter(title=WORKSHOP["title"]).exists()


def test_editing_a_workshop_keeps_capacity_above_the_invited(officer, invitation_s):
    workshop = invitation_s.workshop
    response = officer.post(url("workshop_edit", pk=workshop.pk), WORKSHOP | {"capacity": "0"})
    assert response.status_code == 400 and "Invitations already made: 1." in body(response)
    response = officer.post(
        url("workshop_edit", pk=workshop.pk),
        WORKSHOP | {"title": "Đổi tên", "place": ""} | {"online_link": "https://meet.example.org/abc"},
    )
    assert response.status_code == 302
    workshop.refresh_from_db()
    assert workshop.title == "Đổi tên" and workshop.online_link == "https://meet.example.org/abc"


def test_workshop_page_links_to_the_new_pages(officer, invitation_s):
    workshop = invitation_s.workshop
    page = body(officer.get(url("workshop", pk=workshop.pk)))
    for name in (
        "workshop_edit",
        "questions",
        "workshop_invite",
        "workshop_invite_csv",
        "attendance",
        "workshop_report",
    ):
        assert url(name, pk=workshop.pk) in page
    assert url("invitation_resend", pk=invitation_s.pk) in page


# --- questions ------------------------------------------------------------------------------------


def test_choice_question_with_translated_choices_is_added(officer, workshop_a):
    response = officer.post(
        url("questions", pk=workshop_a.pk),
        {
            "kind": "single_choice",
            "required": "on",
            "scale_max": "5",
            "text_en": "Who should collect?",
            "text_vi": "Ai nên thu gom?",
            "choices_en": "Cooperatives\nPrivate firms\n",
            "choices_vi": "Hợp tác xã\nDoanh nghiệp tư nhân",
        },
    )
    assert response.status_code == 302
    question = Question.objects.get(workshop=workshop_a)
    assert question.text == {"en": "Who should collect?", "vi": "Ai nên thu gom?"}
    assert question.choices == [
        {"en": "Cooperatives", "vi": "Hợp tác xã"},
        {"en": "Private firms", "vi": "Doanh nghiệp tư nhân"},
    ]
    assert question.required and question.position == 0


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"kind": "short_text"}, "Write the question in at least one language."),
        ({"kind": "ranking", "text_en": "Rank", "choices_en": "Only one"}, "needs at least two choices"),
        (
            {"kind": "multiple_choice", "text_en": "Pick", "choices_en": "A\nB\nC", "choices_vi": "A\nB"},
            "Every language needs the same number of choices",
        ),
        ({"kind": "rating", "text_en": "Rate", "scale_max": "11"}, "less than or equal to 10"),
        ({"kind": "essay", "text_en": "?"}, "Select a valid choice"),
    ],
)
def test_bad_question_is_refused(officer, workshop_a, data, message):
    response = officer.post(url("questions", pk=workshop_a.pk), {"scale_max": "5"} | data)
    assert response.status_code == 400 and message in body(response)
    assert not Question.objects.exists()


def test_questions_are_edited_reordered_and_removed(officer, workshop_a):
    first = services.question_add(workshop=workshop_a, kind="short_text", text={"en": "First"})
    second = services.question_add(workshop=workshop_a, kind="long_text", text={"en": "Second"})
    response = officer.post(
        url("question_edit", pk=first.pk),
        {"kind": "rating", "scale_max": "7", "text_en": "How much?", "text_th": "เท่าไร"},
    )
    assert response.status_code == 302
    first.refresh_from_db()
    assert (first.kind, first.scale_max, first.required) == ("rating", 7, False)
    assert first.text == {"en": "How much?", "th": "เท่าไร"}
    officer.post(url("question_move", pk=second.pk), {"direction": "up"})
    assert list(workshop_a.questions.values_list("pk", flat=True)) == [second.pk, first.pk]
    officer.post(url("question_delete", pk=second.pk))
    assert list(workshop_a.questions.values_list("pk", "position")) == [(first.pk, 0)]


def test_answered_question_keeps_its_type_but_may_be_reworded(officer, invitation_s, questions_a):
    services.submission_save(invitation=invitation_s, answers=good_answers(questions_a))
    single = questions_a[1]
    form = {
        "kind": "single_choice",
        "scale_max": "5",
        "required": "on",
        "text_en": "Where should separation start first?",
        "text_vi": "Nên bắt đầu phân loại ở đâu trước?",
        "choices_en": "Households\nMarkets",
        "choices_vi": "Hộ gia đình\nChợ",
    }
    response = officer.post(url("question_edit", pk=single.pk), form | {"kind": "multiple_choice"})
    assert response.status_code == 400 and "change only the wording" in body(response)
    assert officer.post(url("question_edit", pk=single.pk), form).status_code == 302
    single.refresh_from_db()
    assert single.text["en"] == "Where should separation start first?" and single.kind == "single_choice"
    response = officer.post(url("question_delete", pk=single.pk), follow=True)
    assert "cannot be removed" in body(response) and Question.objects.filter(pk=single.pk).exists()


def test_viewer_reads_the_questions_but_may_not_change_them(client_for, viewer_a, workshop_a, questions_a):
    client = client_for(viewer_a)
    page = body(client.get(url("questions", pk=workshop_a.pk)))
    assert "Ý tưởng chính của bạn" in page and url("question_edit", pk=questions_a[0].pk) not in page
    assert client.post(url("questions", pk=workshop_a.pk), {"kind": "short_text", "text_en": "x"}).status_code == 403
    assert client.post(url("question_delete", pk=questions_a[0].pk)).status_code == 403
    assert Question.objects.count() == len(questions_a)


# --- invitations ----------------------------------------------------------------------------------


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


def test_invite_everyone_of_a_type_sends_each_a_link_by_email(
    officer, workshop_a, questions_a, registry, django_capture_on_commit_callbacks
):
    """Filtered by type SME, "invite all who match" invites the two SMEs; each gets an e-mail with their link."""
    page = body(officer.get(url("workshop_invite", pk=workshop_a.pk) + "?kind=sme"))
    assert "An" in page and "Chi" not in page
    with django_capture_on_commit_callbacks(execute=True):
        response = officer.post(url("workshop_invite", pk=workshop_a.pk) + "?kind=sme", {"everyone": "1"})
    assert response.status_code == 302
    invited = set(StakeholderInvitation.objects.values_list("stakeholder__email", flat=True))
    assert invited == {"an@example.vn", "bao@example.vn"}
    assert sorted(m.to[0] for m in mail.outbox) == ["an@example.vn", "bao@example.vn"]
    assert all("/cocreation/respond/" in m.body for m in mail.outbox)
    assert StakeholderInvitation.objects.filter(sent_at__isnull=False).count() == 2


def test_invite_the_people_ticked(officer, workshop_a, questions_a, registry):
    response = officer.post(url("workshop_invite", pk=workshop_a.pk), {"stakeholder": [registry[2].pk, registry[3].pk]})
    assert response.status_code == 302
    assert set(StakeholderInvitation.objects.values_list("stakeholder_id", flat=True)) == {
        registry[2].pk,
        registry[3].pk,
    }


def test_invitations_beyond_capacity_are_refused_and_none_sent(officer, workshop_a, questions_a, registry):
    Workshop.objects.filter(pk=workshop_a.pk).update(capacity=3)
    response = officer.post(url("workshop_invite", pk=workshop_a.pk), {"everyone": "1"})
    assert response.status_code == 400 and "Places left in the workshop: 3 of 3" in body(response)
    assert not StakeholderInvitation.objects.exists() and not mail.outbox


def test_someone_of_another_city_cannot_be_ticked(officer, workshop_a, questions_a, city_b):
    stranger, _ = services.stakeholder_register(city=city_b, name="X", email="x@danang.example.vn", kind="sme")
    response = officer.post(url("workshop_invite", pk=workshop_a.pk), {"stakeholder": [stranger.pk]})
    assert response.status_code == 400 and not StakeholderInvitation.objects.exists()


def test_csv_invitation_registers_and_invites_without_duplicates(
    officer, workshop_a, questions_a, stakeholder_a, django_capture_on_commit_callbacks
):
    text = (
        "name,email,kind,organisation,language\n"
        "Nguyễn Thị Lan,LAN@ve-sinh.example.vn,sme,HTX Vệ sinh Ninh Kiều,vi\n"
        "Phạm Hùng,hung@example.vn,sme_association,Hiệp hội DN,vi\n"
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = officer.post(url("workshop_invite_csv", pk=workshop_a.pk), {"file": csv_file(text)})
    assert response.status_code == 302
    assert Stakeholder.objects.count() == 2
    assert StakeholderInvitation.objects.count() == 2 and len(mail.outbox) == 2


def test_csv_invitation_with_a_wrong_row_saves_nobody(officer, workshop_a, questions_a):
    text = "name,email,kind\nAn,an@example.vn,sme\n,nameless@example.vn,sme\n"
    response = officer.post(url("workshop_invite_csv", pk=workshop_a.pk), {"file": csv_file(text)})
    assert response.status_code == 400 and "Row 3: the name is missing." in body(response)
    assert not Stakeholder.objects.exists() and not StakeholderInvitation.objects.exists()


def test_csv_invitation_beyond_capacity_saves_nobody(officer, workshop_a, questions_a):
    Workshop.objects.filter(pk=workshop_a.pk).update(capacity=1)
    text = "name,email,kind\nAn,an@example.vn,sme\nBảo,bao@example.vn,sme\n"
    response = officer.post(url("workshop_invite_csv", pk=workshop_a.pk), {"file": csv_file(text)})
    assert response.status_code == 400 and "Places left in the workshop: 1 of 1" in body(response)
    assert not Stakeholder.objects.exists() and not StakeholderInvitation.objects.exists()


def test_resend_emails_the_link_again(officer, invitation_s, django_capture_on_commit_callbacks):
    services.invitation_send(invitation_id=invitation_s.pk)
    assert len(mail.outbox) == 1
    with django_capture_on_commit_callbacks(execute=True):
        response = officer.post(url("invitation_resend", pk=invitation_s.pk))
    assert response.status_code == 302 and len(mail.outbox) == 2
    assert mail.outbox[1].to == ["lan@ve-sinh.example.vn"]
    services.invitation_revoke(invitation=invitation_s)
    response = officer.post(url("invitation_resend", pk=invitation_s.pk), follow=True)
    assert "was withdrawn" in body(response) and len(mail.outbox) == 2


# --- attendance and the closing report ------------------------------------------------------------


def test_check_in_through_htmx_answers_the_row(officer, invitation_s):
    """An HTMX click checks the person in and answers only their row; a second click takes it back."""
    check_in = url("invitation_check_in", pk=invitation_s.pk)
    response = officer.post(check_in, {"action": "in"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and f'id="inv-{invitation_s.pk}"' in body(response)
    assert "Present" in body(response) and "<html" not in body(response)
    assert "1 person checked in" in body(response)  # the register's count, swapped in by htmx
    assert StakeholderInvitation.objects.get().checked_in_at is not None
    officer.post(check_in, {"action": "out"}, HTTP_HX_REQUEST="true")
    assert StakeholderInvitation.objects.get().checked_in_at is None


def test_check_in_without_javascript_returns_to_the_register(officer, invitation_s):
    response = officer.post(url("invitation_check_in", pk=invitation_s.pk), {"action": "in"})
    assert response.status_code == 302 and response["Location"] == url("attendance", pk=invitation_s.workshop_id)
    page = body(officer.get(response["Location"]))
    assert "Nguyễn Thị Lan" in page and "1 person checked in" in page


def test_viewer_sees_the_register_but_cannot_check_in(client_for, viewer_a, invitation_s):
    client = client_for(viewer_a)
    page = body(client.get(url("attendance", pk=invitation_s.workshop_id)))
    assert "Nguyễn Thị Lan" in page and url("invitation_check_in", pk=invitation_s.pk) not in page
    assert client.post(url("invitation_check_in", pk=invitation_s.pk)).status_code == 403
    assert StakeholderInvitation.objects.get().checked_in_at is None


def test_closing_report_with_several_files_and_attendance_on_the_workshop_page(officer, invitation_s):
    workshop = invitation_s.workshop
    services.invitation_check_in(invitation=invitation_s)
    response = officer.post(
        url("workshop_report", pk=workshop.pk),
        {
            "outcomes": "Ba ý tưởng được chọn.",
            "attachments": [
                SimpleUploadedFile("minutes.pdf", PDF, content_type="application/pdf"),
                SimpleUploadedFile("photo.png", PNG, content_type="image/png"),
            ],
        },
    )
    assert response.status_code == 302
    workshop.refresh_from_db()
    assert workshop.outcomes == "Ba ý tưởng được chọn."
    files = {a.name: a.content_type for a in WorkshopAttachment.objects.all()}
    assert files == {"minutes.pdf": "application/pdf", "photo.png": "image/png"}
    page = body(officer.get(url("workshop", pk=workshop.pk)))
    assert "HTX Vệ sinh Ninh Kiều" in page and "minutes.pdf" in page and "Ba ý tưởng được chọn." in page
    attachment = WorkshopAttachment.objects.get(name="minutes.pdf")
    download = officer.get(url("attachment", pk=attachment.pk))
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF


def test_closing_report_refuses_a_wrong_file_and_saves_nothing(officer, invitation_s):
    workshop = invitation_s.workshop
    response = officer.post(
        url("workshop_report", pk=workshop.pk),
        {
            "outcomes": "Changed",
            "attachments": [
                SimpleUploadedFile("minutes.pdf", PDF, content_type="application/pdf"),
                SimpleUploadedFile("virus.png", b"MZ\x90\x00 not an image", content_type="image/png"),
            ],
        },
    )
    assert response.status_code == 400 and "“virus.png” is not a type we accept" in body(response)
    workshop.refresh_from_db()
    assert workshop.outcomes == "" and not WorkshopAttachment.objects.exists()


def test_closing_report_refuses_an_oversized_file(officer, invitation_s, monkeypatch):
    from cocreation import uploads

    monkeypatch.setattr(uploads, "MAX_UPLOAD_BYTES", 16)
    response = officer.post(
        url("workshop_report", pk=invitation_s.workshop_id),
        {"outcomes": "x", "attachments": [SimpleUploadedFile("big.pdf", PDF, content_type="application/pdf")]},
    )
    assert response.status_code == 400 and "files can be at most" in body(response)
    assert not WorkshopAttachment.objects.exists()


def test_attachment_is_hidden_from_another_city_and_removed_by_an_editor(
    officer, client_for, member_b, invitation_s, django_capture_on_commit_callbacks
):
    services.workshop_report_save(workshop=invitation_s.workshop, outcomes="", files=[SimpleUploadedFile("m.pdf", PDF)])
    attachment = WorkshopAttachment.objects.get()
    assert client_for(member_b).get(url("attachment", pk=attachment.pk)).status_code == 404
    assert client_for(member_b).post(url("attachment_delete", pk=attachment.pk)).status_code == 404
    name, storage = attachment.file.name, attachment.file.storage
    with django_capture_on_commit_callbacks(execute=True):
        officer.post(url("attachment_delete", pk=attachment.pk))
    assert not WorkshopAttachment.objects.exists() and not storage.exists(name)


# --- query budgets --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "budget"),
    [("attendance", 8), ("workshop_invite", 6), ("questions", 6), ("workshop_report", 7)],
)
def test_query_budgets(officer, invitation_s, name, budget):
    """The register, the invitation list, the questions editor and the report keep their query counts."""
    services.invitation_check_in(invitation=invitation_s)
    assert_query_budget(officer, url(name, pk=invitation_s.workshop_id), budget=budget)


@pytest.mark.parametrize("name", ["attendance", "workshop_invite", "workshop"])
def test_pages_do_not_query_per_invitee(officer, invitation_s, city_a, name):
    """Twenty more invitees, checked in with their organisations, cost no extra query."""
    from tests.querybudget import count_queries

    workshop = invitation_s.workshop
    services.invitation_check_in(invitation=invitation_s)
    before = count_queries(officer, url(name, pk=workshop.pk))
    for n in range(20):
        person, _ = services.stakeholder_register(
            city=city_a, name=f"P{n}", email=f"p{n}@example.vn", kind="sme", organisation=f"Org {n}"
        )
        services.invitation_check_in(invitation=services.invitation_create(workshop=workshop, stakeholder=person)[0])
        services.stakeholder_register(city=city_a, name=f"Q{n}", email=f"q{n}@example.vn", kind="ngo")
    assert count_queries(officer, url(name, pk=workshop.pk)) == before


def test_invite_page_lists_at_most_its_limit(workshop_a, questions_a, city_a):
    from cocreation import selectors

    for n in range(3):
        services.stakeholder_register(city=city_a, name=f"P{n}", email=f"p{n}@example.vn", kind="sme")
    data = selectors.invite_candidates(workshop=workshop_a, limit=2)
    assert data["total"] == 3 and len(data["candidates"]) == 2


def test_workshop_times_are_shown_and_emailed_in_the_citys_time(
    officer, process_a, stakeholder_a, django_capture_on_commit_callbacks
):
    """A workshop entered for 9:00 in Can Tho reads 9:00 on its page and in the invitation, not 2:00 (UTC)."""
    officer.post(url("workshop_create", pk=process_a.pk), WORKSHOP)
    workshop = Workshop.objects.get(title=WORKSHOP["title"])
    page = body(officer.get(url("workshop", pk=workshop.pk)))
    assert "10 May 2026, 09:00–12:00" in page and "17 May 2026, 17:00" in page
    services.question_add(workshop=workshop, kind="short_text", text={"en": "Idea?"})
    with django_capture_on_commit_callbacks(execute=True):
        officer.post(url("workshop_invite", pk=workshop.pk), {"stakeholder": [stakeholder_a.pk]})
    assert "09:00" in mail.outbox[0].body and "17:00" in mail.outbox[0].body


def test_withdrawn_invitation_cannot_be_checked_in(officer, invitation_s):
    """The row says why, and the check-in is not recorded."""
    services.invitation_revoke(invitation=invitation_s)
    response = officer.post(url("invitation_check_in", pk=invitation_s.pk), {"action": "in"}, HTTP_HX_REQUEST="true")
    assert "A withdrawn invitation cannot be checked in." in body(response)
    assert StakeholderInvitation.objects.get().checked_in_at is None


def test_invite_everyone_button_respects_capacity(officer, workshop_a, questions_a, registry):
    """The workshop page's "invite everyone from the registry" refuses to go past the capacity."""
    Workshop.objects.filter(pk=workshop_a.pk).update(capacity=2)
    response = officer.post(url("workshop", pk=workshop_a.pk), {"action": "invite_all"}, follow=True)
    assert "Places left in the workshop: 2 of 2, but 4 would be invited" in body(response)
    assert not StakeholderInvitation.objects.exists()


def test_question_form_shows_the_workshop_language_and_english_and_folds_the_others(officer, workshop_a):
    page = body(officer.get(url("questions", pk=workshop_a.pk)))
    folded = page[page.index("<details") :]
    assert "Question (English)" not in folded and "Question (Tiếng Việt)" not in folded
    assert "Question (ไทย)" in folded and "Question (Bahasa Melayu)" in folded
