"""Pages of workshops: planning, questions, attendance, the closing report and the export."""

from datetime import UTC, datetime

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cocreation import services
from cocreation.models import Question, StakeholderInvitation, Workshop, WorkshopAttachment
from tests.files import PDF, PNG

from .conftest import WORKSHOP, body, good_answers, url

pytestmark = pytest.mark.django_db


def test_export_question_texts_in_chosen_language(client_for, member_a, invitation_s, questions_a):
    services.submission_save(invitation=invitation_s, answers=good_answers(questions_a), language="vi")
    client = client_for(member_a)
    url = reverse("cocreation:workshop_export", kwargs={"pk": invitation_s.workshop_id, "fmt": "csv"})
    vi = client.get(url + "?lang=vi").content.decode("utf-8-sig")
    en = client.get(url + "?lang=en").content.decode("utf-8-sig")
    assert "Ý tưởng chính của bạn" in vi and "Hộ gia đình" in vi
    assert "Your main idea" in en and "Households" in en
    xlsx = client.get(url.replace(".csv", ".xlsx"))
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"


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


def test_closing_report_refuses_an_oversized_file(officer, invitation_s, settings):
    settings.COCREATION_MAX_UPLOAD_BYTES = 16
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


def test_another_citys_workshop_answers_the_one_not_open_message(rf, client_for, member_b, workshop_a):
    """A Da Nang officer opening a Can Tho workshop's pages gets 404, with the project's one message."""
    from django.http import Http404

    from ccrs.decorators import NOT_OPEN
    from cocreation.views import workshops

    client = client_for(member_b)
    for name in ("workshop", "questions", "attendance", "workshop_report"):
        assert client.get(url(name, pk=workshop_a.pk)).status_code == 404, name
    request = rf.get("/")
    request.user = member_b
    with pytest.raises(Http404) as refused:
        workshops.workshop_detail(request, pk=workshop_a.pk)
    assert str(refused.value) == str(NOT_OPEN)


def test_a_viewer_may_open_but_not_edit_a_workshop(client_for, viewer_a, workshop_a):
    client = client_for(viewer_a)
    assert client.get(url("workshop", pk=workshop_a.pk)).status_code == 200
    assert client.get(url("workshop_edit", pk=workshop_a.pk)).status_code == 403
