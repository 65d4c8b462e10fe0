"""Forms of the co-creation app: what each one refuses before a service is called, and what it hands on."""

from datetime import datetime
from types import SimpleNamespace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from ccrs.public_forms import HONEYPOT
from cocreation.forms import (
    CallForm,
    ConflictForm,
    CriterionForm,
    IdeaMergeForm,
    InputForm,
    PhaseScheduleForm,
    ProposalForm,
    QuestionForm,
    ScoreSheetForm,
    StakeholderCsvForm,
)
from cocreation.models import Question, QuestionKind


def errors(form) -> str:
    return " ".join(str(e) for field in form.errors.values() for e in field)


# --- processes ------------------------------------------------------------------------------------


def test_phase_schedule_keeps_the_phases_with_both_dates():
    form = PhaseScheduleForm({"discover_starts_on": "2026-01-05", "discover_ends_on": "2026-02-28"})
    assert form.is_valid()
    assert form.cleaned_data["schedule"] == {"discover": (datetime(2026, 1, 5).date(), datetime(2026, 2, 28).date())}


def test_phase_schedule_refuses_a_half_dated_or_backwards_phase():
    form = PhaseScheduleForm(
        {"discover_starts_on": "2026-03-01", "discover_ends_on": "2026-02-01", "ideate_starts_on": "2026-03-01"}
    )
    assert not form.is_valid()
    assert "cannot end before it starts" in str(form.errors["discover_ends_on"])
    assert "Give both dates" in str(form.errors["ideate_ends_on"])


# --- stakeholders ---------------------------------------------------------------------------------


def test_stakeholder_csv_is_read_as_utf8_text():
    upload = SimpleUploadedFile("people.csv", "\ufeffname,email,kind\nLan,lan@example.vn,sme\n".encode())
    form = StakeholderCsvForm({}, {"file": upload})
    assert form.is_valid() and form.cleaned_data["file"].startswith("name,email")


def test_stakeholder_csv_in_another_encoding_is_refused():
    upload = SimpleUploadedFile("people.csv", "name\nNguyễn\n".encode("utf-16"))
    form = StakeholderCsvForm({}, {"file": upload})
    assert not form.is_valid() and "UTF-8" in errors(form)


# --- workshops: questions -------------------------------------------------------------------------


def test_choice_question_needs_two_choices_in_every_language_alike():
    one = QuestionForm({"kind": QuestionKind.SINGLE_CHOICE, "scale_max": 5, "text_en": "Where?", "choices_en": "A"})
    assert not one.is_valid() and "at least two choices" in errors(one)
    uneven = QuestionForm(
        {
            "kind": QuestionKind.SINGLE_CHOICE,
            "scale_max": 5,
            "text_en": "Where?",
            "choices_en": "Markets\nHouseholds",
            "choices_vi": "Chợ",
        }
    )
    assert not uneven.is_valid() and "same number of choices" in errors(uneven)


def test_question_form_hands_on_the_text_and_choices_per_language():
    form = QuestionForm(
        {
            "kind": QuestionKind.SINGLE_CHOICE,
            "scale_max": 5,
            "required": "on",
            "text_en": "Where?",
            "text_vi": "Ở đâu?",
            "choices_en": "Markets\nHouseholds\n",
            "choices_vi": "Chợ\nHộ gia đình",
        }
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data["text"] == {"en": "Where?", "vi": "Ở đâu?"}
    assert form.cleaned_data["choices"] == [{"en": "Markets", "vi": "Chợ"}, {"en": "Households", "vi": "Hộ gia đình"}]


def test_question_needs_a_text_in_some_language():
    form = QuestionForm({"kind": QuestionKind.SHORT_TEXT, "scale_max": 5})
    assert not form.is_valid() and "at least one language" in errors(form)


# --- submissions ----------------------------------------------------------------------------------


def _questions():
    return [
        Question(pk=1, kind=QuestionKind.SHORT_TEXT, text={"en": "Idea", "vi": "Ý tưởng"}, required=True),
        Question(
            pk=2,
            kind=QuestionKind.RANKING,
            text={"en": "Rank"},
            choices=[{"en": "Cost"}, {"en": "Health"}, {"en": "Jobs"}],
            required=False,
        ),
    ]


def test_input_form_labels_in_the_stakeholders_language_and_orders_the_ranking():
    form = InputForm(
        {"q1": "Túi hai màu", "q2_0": "2", "q2_1": "0", "q2_2": "1"}, questions=_questions(), language="vi"
    )
    assert form.fields["q1"].label == "Ý tưởng"
    assert form.is_valid(), form.errors
    answers, files = form.answers()
    assert answers == {"1": "Túi hai màu", "2": [1, 2, 0]} and files == {}


def test_input_form_refuses_a_missing_required_answer_and_spots_the_honeypot():
    form = InputForm({"q1": "", HONEYPOT: "http://spam.example"}, questions=_questions(), language="en")
    assert not form.is_valid() and "q1" in form.errors
    assert form.is_spam


# --- ideas and evaluation -------------------------------------------------------------------------


def test_merge_form_offers_only_the_ideas_given():
    ideas = [SimpleNamespace(pk=7, title="Túi hai màu")]
    assert IdeaMergeForm({"into": "7"}, ideas=ideas).is_valid()
    assert not IdeaMergeForm({"into": "8"}, ideas=ideas).is_valid()


def test_criterion_weight_must_be_above_zero():
    assert not CriterionForm({"name": "Impact", "weight": "0"}).is_valid()
    assert CriterionForm({"name": "Impact", "weight": "0.5"}).is_valid()


def test_a_declared_conflict_must_be_described():
    form = ConflictForm({"has_conflict": "yes", "details": " "})
    assert not form.is_valid() and "Describe the conflict" in str(form.errors["details"])
    clear = ConflictForm({"has_conflict": "no"})
    assert clear.is_valid() and clear.cleaned_data["has_conflict"] is False


def test_score_sheet_scores_from_zero_to_ten_with_comments():
    criteria = [SimpleNamespace(pk=1, name="Impact", weight=3), SimpleNamespace(pk=2, name="Cost", weight=1)]
    outside = ScoreSheetForm({"score_1": "11", "score_2": "5"}, criteria=criteria)
    assert not outside.is_valid() and "from 0 to 10" in errors(outside)
    form = ScoreSheetForm({"score_1": "7.5", "score_2": "4", "comment_1": "Strong"}, criteria=criteria)
    assert form.is_valid()
    values, comments = form.values()
    assert values == {1: pytest.approx(7.5), 2: 4} and comments == {1: "Strong", 2: ""}


# --- calls ----------------------------------------------------------------------------------------


def _call_data(**extra):
    return {
        "idea": "3",
        "title": "Gọi đề xuất",
        "description": "…",
        "max_employees": "49",
        "currency": " vnd ",
        "deadline": "2026-06-01T17:00",
        "required_documents": "Business registration\n\nWork plan\nBusiness registration",
        **extra,
    }


def test_call_form_reads_documents_currency_and_a_wall_clock_deadline():
    idea = SimpleNamespace(pk=3, title="Túi hai màu")
    form = CallForm(_call_data(), ideas=[idea], time_zone="Asia/Ho_Chi_Minh")
    assert form.is_valid(), form.errors
    fields = form.call_fields()
    assert fields["idea"] is idea and fields["currency"] == "VND"
    assert fields["required_documents"] == ["Business registration", "Work plan"]
    assert fields["deadline"] == datetime(2026, 6, 1, 17, 0) and fields["deadline"].tzinfo is None


def test_call_form_refuses_an_idea_not_offered_and_a_long_document_name():
    form = CallForm(
        _call_data(idea="4", required_documents="x" * 121), ideas=[SimpleNamespace(pk=3, title="T")], time_zone="UTC"
    )
    assert not form.is_valid()
    assert "idea" in form.errors and "under 120 characters" in str(form.errors["required_documents"])


def test_proposal_form_asks_one_upload_per_required_document():
    form = ProposalForm(
        {"title": "Xe ba gác điện", "summary": "…", "employees": "8"},
        {"document_1": SimpleUploadedFile("plan.pdf", b"%PDF-1.4")},
        documents=["Business registration", "Work plan"],
        currency="VND",
    )
    assert form.fields["document_0"].label == "Business registration"
    assert form.is_valid(), form.errors
    assert list(form.uploaded_documents()) == ["Work plan"]
    assert not ProposalForm({"title": "T", "summary": "S", "employees": "0"}, documents=[], currency="VND").is_valid()
