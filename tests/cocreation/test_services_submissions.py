"""Services of stakeholders' input: one submission per link, every answer checked, files by content."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from cocreation import services
from cocreation.models import Submission, SubmissionFile

from .conftest import good_answers, pdf_file

pytestmark = pytest.mark.django_db


def test_second_submission_edits_the_first(invitation_s, questions_a):
    """One submission per invitation: a second submit changes the answers of the first."""
    first, created = services.submission_save(invitation=invitation_s, answers=good_answers(questions_a), language="vi")
    assert created
    answers = good_answers(questions_a)
    answers[str(questions_a[0].pk)] = "Ý tưởng mới"
    second, created = services.submission_save(invitation=invitation_s, answers=answers, language="vi")
    assert not created and second.pk == first.pk
    assert Submission.objects.filter(invitation=invitation_s).count() == 1
    second.refresh_from_db()
    assert second.answers[str(questions_a[0].pk)] == "Ý tưởng mới" and second.edits == 1
    assert second.answers[str(questions_a[4].pk)] == [2, 0, 1]


def test_missing_and_invalid_answers_are_listed(invitation_s, questions_a):
    answers = good_answers(questions_a)
    del answers[str(questions_a[0].pk)]
    answers[str(questions_a[1].pk)] = "7"
    answers[str(questions_a[4].pk)] = ["0", "0", "1"]
    with pytest.raises(ValidationError) as error:
        services.submission_save(invitation=invitation_s, answers=answers, language="en")
    text = " ".join(error.value.messages)
    assert "“Your main idea” needs an answer." in text
    assert "choose one of the answers" in text and "different rank" in text
    assert not Submission.objects.exists()


def test_submission_after_deadline_refused(invitation_s, questions_a, workshop_a):
    workshop_a.input_closes_at = timezone.now() - timedelta(seconds=1)
    workshop_a.save(update_fields=["input_closes_at"])
    with pytest.raises(ValidationError, match="deadline for input has passed"):
        services.submission_save(invitation=invitation_s, answers=good_answers(questions_a))
    assert not Submission.objects.exists()


def test_closed_workshop_refuses_edits(invitation_s, questions_a, workshop_a):
    services.submission_save(invitation=invitation_s, answers=good_answers(questions_a))
    services.workshop_close(workshop=workshop_a, outcomes="Ba ý tưởng")
    with pytest.raises(ValidationError, match="not taking input"):
        services.submission_save(invitation=invitation_s, answers=good_answers(questions_a))
    assert Submission.objects.get().edits == 0


def test_revoked_invitation_refuses_input(invitation_s, questions_a):
    services.invitation_revoke(invitation=invitation_s)
    with pytest.raises(ValidationError, match="can no longer be used"):
        services.submission_save(invitation=invitation_s, answers=good_answers(questions_a))
    assert not Submission.objects.exists()


def test_file_checked_by_content(invitation_s, questions_a, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    file_q = questions_a[5]
    fake = SimpleUploadedFile("photo.pdf", b"MZ\x90\x00 this is an executable", content_type="application/pdf")
    with pytest.raises(ValidationError, match="not a type we accept"):
        services.submission_save(
            invitation=invitation_s, answers=good_answers(questions_a), files={str(file_q.pk): fake}
        )
    assert not Submission.objects.exists()
    submission, _created = services.submission_save(
        invitation=invitation_s, answers=good_answers(questions_a), files={str(file_q.pk): pdf_file()}
    )
    stored = SubmissionFile.objects.get(submission=submission)
    assert stored.content_type == "application/pdf"


def test_oversized_file_refused(invitation_s, questions_a, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    settings.COCREATION_MAX_UPLOAD_BYTES = 1024
    big = pdf_file(content=b"%PDF-1.4\n" + b"0" * 2048)
    with pytest.raises(ValidationError, match="at most"):
        services.submission_save(
            invitation=invitation_s, answers=good_answers(questions_a), files={str(questions_a[5].pk): big}
        )
    assert not Submission.objects.exists()
