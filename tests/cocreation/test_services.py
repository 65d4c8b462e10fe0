"""Services of the co-creation app: registry, invitations, submissions, ideas, votes, evaluation, calls."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from cocreation import services
from cocreation.models import (
    CallStatus,
    IdeaStatus,
    InvitationStatus,
    Phase,
    PhaseStatus,
    Proposal,
    ProposalStatus,
    Stakeholder,
    StakeholderInvitation,
    StakeholderKind,
    Submission,
    SubmissionFile,
    Vote,
    WorkshopStatus,
)
from cocreation.services.evaluation import _score_record

from .conftest import good_answers, pdf_file

pytestmark = pytest.mark.django_db


def test_process_has_phases_in_order(process_a):
    """A process keeps one row per phase, with dates; a phase moves planned → under way → done."""
    phases = list(Phase.objects.filter(process=process_a).order_by("starts_on"))
    assert [p.kind for p in phases] == ["discover", "ideate"]
    phase = services.phase_advance(phase=phases[0])
    assert phase.status == PhaseStatus.ACTIVE
    phase = services.phase_advance(phase=phase)
    assert phase.status == PhaseStatus.DONE
    with pytest.raises(ValidationError, match="already done"):
        services.phase_advance(phase=phase)


def test_phase_cannot_end_before_it_starts(process_a):
    from datetime import date

    with pytest.raises(ValidationError, match="cannot end before"):
        services.phase_schedule(process=process_a, kind="select", starts_on=date(2026, 5, 2), ends_on=date(2026, 5, 1))
    assert not Phase.objects.filter(process=process_a, kind="select").exists()


def test_stakeholder_deduplicated_by_email(city_a, stakeholder_a):
    """Registering the same e-mail (any case) updates the stakeholder instead of adding a second one."""
    again, created = services.stakeholder_register(
        city=city_a, name="Lan Nguyen", email="LAN@ve-sinh.example.vn", kind=StakeholderKind.SME, sector="Rác thải"
    )
    assert not created and again.pk == stakeholder_a.pk
    assert Stakeholder.objects.filter(city=city_a).count() == 1
    again.refresh_from_db()
    assert again.sector == "Rác thải" and again.name == "Lan Nguyen"


def test_consent_recorded_with_date_and_version(stakeholder_a):
    assert stakeholder_a.consent_version == "2026-01"
    assert stakeholder_a.consent_at is not None
    services.consent_record(stakeholder=stakeholder_a, version="2026-03")
    stakeholder_a.refresh_from_db()
    assert stakeholder_a.consent_version == "2026-03"


CSV_OK = (
    "name,email,organisation,kind,size,women_led,gender,language\n"
    "Trần Văn Nam,nam@example.vn,Vựa ve chai Cái Răng,sme,micro,no,male,vi\n"
    "Lê Thị Hoa,hoa@example.vn,Hội phụ nữ phường An Hòa,ngo,,yes,female,vi\n"
    "Tran Van Nam,NAM@example.vn,Vựa ve chai Cái Răng,sme,small,no,male,vi\n"
)


def test_csv_import_creates_and_deduplicates(city_a):
    result = services.stakeholders_import(city=city_a, csv_text=CSV_OK, consent_version="2026-01")
    assert result == {"created": 2, "updated": 0}
    nam = Stakeholder.objects.get(email="nam@example.vn")
    assert nam.size == "small" and nam.consent_version == "2026-01"


def test_csv_import_is_all_or_nothing_with_row_errors(city_a):
    """One bad row refuses the whole file; every bad row is named; nothing is saved."""
    bad = CSV_OK + "Somebody,not-an-email,,sme,,,,vi\nOther,other@example.vn,,bank,,,,vi\n"
    with pytest.raises(ValidationError) as error:
        services.stakeholders_import(city=city_a, csv_text=bad)
    messages = error.value.messages
    assert any("Row 5" in m and "not-an-email" in m for m in messages)
    assert any("Row 6" in m and "bank" in m for m in messages)
    assert not Stakeholder.objects.filter(city=city_a).exists()


def test_csv_import_needs_columns(city_a):
    with pytest.raises(ValidationError, match="needs the columns"):
        services.stakeholders_import(city=city_a, csv_text="who,mail\nA,a@example.vn\n")


def test_workshop_times_are_city_wall_clock(process_a):
    """A naive 09:00 in Can Tho is 02:00 UTC."""
    from datetime import datetime

    workshop = services.workshop_schedule(
        process=process_a,
        title="Khung thách thức",
        kind="challenge_framing",
        starts_at=datetime(2026, 3, 10, 9, 0),
        ends_at=datetime(2026, 3, 10, 12, 0),
    )
    assert workshop.starts_at.astimezone(timezone.UTC if hasattr(timezone, "UTC") else None).hour == 2 or (
        workshop.starts_at.utctimetuple().tm_hour == 2
    )


def test_open_needs_a_question(process_a):
    workshop = services.workshop_schedule(
        process=process_a,
        title="W",
        kind="ideation",
        starts_at=timezone.now(),
        ends_at=timezone.now() + timedelta(hours=2),
    )
    with pytest.raises(ValidationError, match="at least one question"):
        services.workshop_open(workshop=workshop)


def test_invitation_sent_once_in_stakeholder_language(
    workshop_a, stakeholder_a, questions_a, django_capture_on_commit_callbacks
):
    """The invitation e-mail goes out once (a task after the commit), in Vietnamese; inviting again sends nothing."""
    with django_capture_on_commit_callbacks(execute=True):
        invitation_s, _created = services.invitation_create(workshop=workshop_a, stakeholder=stakeholder_a)
    assert len(mail.outbox) == 1
    assert "Kính gửi" in mail.outbox[0].body or "Dear" in mail.outbox[0].body
    assert "/cocreation/respond/" in mail.outbox[0].body
    assert "Ý tưởng phân loại rác tại nguồn" in mail.outbox[0].subject
    invitation_s.refresh_from_db()
    assert invitation_s.sent_at is not None
    again, created = services.invitation_create(workshop=workshop_a, stakeholder=stakeholder_a)
    assert not created and again.pk == invitation_s.pk
    assert services.invitation_send(invitation_id=invitation_s.pk) is False
    assert len(mail.outbox) == 1


def test_token_round_trip_and_tampering(invitation_s):
    token = services.invitation_token(invitation=invitation_s)
    assert services.invitation_from_token(token=token).pk == invitation_s.pk
    with pytest.raises(services.LinkInvalid, match="not valid"):
        services.invitation_from_token(token=token[:-2] + "xx")


def test_token_dies_with_a_new_key(invitation_s):
    """A link signed for another key (a leaked old link) is refused even though its signature is valid."""
    from django.core import signing

    forged = signing.dumps({"i": invitation_s.pk, "k": "guessed"}, salt=services.INVITATION_SALT, compress=False)
    with pytest.raises(services.LinkInvalid, match="no longer valid"):
        services.invitation_from_token(token=forged)


def test_revoked_and_expired_links(invitation_s):
    token = services.invitation_token(invitation=invitation_s)
    StakeholderInvitation.objects.filter(pk=invitation_s.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    with pytest.raises(services.LinkInvalid, match="expired"):
        services.invitation_from_token(token=token)
    StakeholderInvitation.objects.filter(pk=invitation_s.pk).update(expires_at=timezone.now() + timedelta(days=1))
    services.invitation_revoke(invitation=invitation_s)
    with pytest.raises(services.LinkInvalid, match="withdrawn"):
        services.invitation_from_token(token=token)


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


def test_oversized_file_refused(invitation_s, questions_a, tmp_path, settings, monkeypatch):
    from cocreation import uploads

    settings.MEDIA_ROOT = tmp_path
    monkeypatch.setattr(uploads, "MAX_UPLOAD_BYTES", 1024)
    big = pdf_file(content=b"%PDF-1.4\n" + b"0" * 2048)
    with pytest.raises(ValidationError, match="at most"):
        services.submission_save(
            invitation=invitation_s, answers=good_answers(questions_a), files={str(questions_a[5].pk): big}
        )
    assert not Submission.objects.exists()


# --- ideas and votes ----------------------------------------------------------------------------


@pytest.fixture
def ideas_a(workshop_a, invitation_s, questions_a):
    submission, _ = services.submission_save(invitation=invitation_s, answers=good_answers(questions_a))
    return [
        services.idea_create(
            workshop=workshop_a, title=f"Ý tưởng {n}", tags=["rác", "Hộ gia đình "], sources=[submission]
        )
        for n in range(4)
    ]


def test_vote_limit_per_participant(invitation_s, ideas_a, workshop_a):
    workshop_a.vote_limit = 2
    workshop_a.save(update_fields=["vote_limit"])
    services.vote_cast(invitation=invitation_s, idea=ideas_a[0])
    services.vote_cast(invitation=invitation_s, idea=ideas_a[0])  # the same vote twice counts once
    services.vote_cast(invitation=invitation_s, idea=ideas_a[1])
    with pytest.raises(ValidationError, match="used all 2 of your votes"):
        services.vote_cast(invitation=invitation_s, idea=ideas_a[2])
    assert Vote.objects.filter(invitation=invitation_s).count() == 2
    services.vote_withdraw(invitation=invitation_s, idea=ideas_a[0])
    services.vote_cast(invitation=invitation_s, idea=ideas_a[2])


def test_merge_moves_votes_and_sources(invitation_s, ideas_a):
    services.vote_cast(invitation=invitation_s, idea=ideas_a[1])
    services.idea_rate(invitation=invitation_s, idea=ideas_a[1], value=4)
    into = services.idea_merge(duplicate=ideas_a[1], into=ideas_a[0])
    ideas_a[1].refresh_from_db()
    assert ideas_a[1].status == IdeaStatus.MERGED and ideas_a[1].merged_into == into
    assert into.votes.count() == 1 and into.ratings.get().value == 4
    assert into.tags == ["hộ gia đình", "rác"]
    with pytest.raises(ValidationError, match="merged into another"):
        services.vote_cast(invitation=invitation_s, idea=ideas_a[1])


# --- evaluation and the call --------------------------------------------------------------------


def test_conflicted_evaluator_cannot_score(process_a, ideas_a, staff, lead_a):
    criterion = services.criterion_add(process=process_a, name="Impact", weight=3)
    services.idea_shortlist(idea=ideas_a[0])
    with pytest.raises(ValidationError, match="Declare any conflict"):
        _score_record(evaluator=staff, criterion=criterion, idea=ideas_a[0], value=7)
    with pytest.raises(ValidationError, match="Describe the conflict"):
        services.conflict_declare(process=process_a, evaluator=lead_a, has_conflict=True)
    services.conflict_declare(process=process_a, evaluator=lead_a, has_conflict=True, details="My cousin runs the SME")
    with pytest.raises(ValidationError, match="declared a conflict"):
        _score_record(evaluator=lead_a, criterion=criterion, idea=ideas_a[0], value=7)
    services.conflict_declare(process=process_a, evaluator=staff, has_conflict=False)
    score = _score_record(evaluator=staff, criterion=criterion, idea=ideas_a[0], value=7)
    again = _score_record(evaluator=staff, criterion=criterion, idea=ideas_a[0], value=8, comment="re-read")
    assert again.pk == score.pk and float(again.value) == 8.0


@pytest.fixture
def sme_b(city_a):
    sme, _ = services.stakeholder_register(
        city=city_a, name="Phạm Minh", email="minh@xanh.example.vn", kind="sme", language="vi", size="small"
    )
    return sme


@pytest.fixture
def open_call(process_a, ideas_a):
    call = services.call_create(
        process=process_a,
        title="Gọi đề xuất: phân loại rác tại chợ",
        description="…",
        deadline=timezone.now() + timedelta(days=10),
        idea=ideas_a[0],
        max_employees=49,
        required_documents=["Business registration"],
        budget="500000000",
        currency="VND",
    )
    return services.call_open(call=call)


def test_proposal_eligibility_and_documents(open_call, stakeholder_a, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    with pytest.raises(ValidationError) as error:
        services.proposal_submit(
            call=open_call, stakeholder=stakeholder_a, title="T", summary="S", employees=120, registered_in_city=False
        )
    text = " ".join(error.value.messages)
    assert "at most 49 employees" in text and "registered in the city" in text and "Business registration" in text
    assert not Proposal.objects.exists()
    proposal = services.proposal_submit(
        call=open_call,
        stakeholder=stakeholder_a,
        title="Xe thu gom điện",
        summary="S",
        employees=8,
        registered_in_city=True,
        documents={"Business registration": pdf_file()},
    )
    assert proposal.documents.count() == 1


def test_proposal_after_deadline_refused(open_call, stakeholder_a):
    type(open_call).objects.filter(pk=open_call.pk).update(deadline=timezone.now() - timedelta(minutes=1))
    with pytest.raises(ValidationError, match="deadline of this call has passed"):
        services.proposal_submit(
            call=open_call,
            stakeholder=stakeholder_a,
            title="T",
            summary="S",
            employees=3,
            registered_in_city=True,
            documents={"Business registration": pdf_file()},
        )
    assert not Proposal.objects.exists()


def test_award_recorded_notified_and_read_by_pilots(
    open_call, stakeholder_a, sme_b, tmp_path, settings, city_a, django_capture_on_commit_callbacks
):
    from cocreation.selectors import awarded_proposal

    settings.MEDIA_ROOT = tmp_path
    docs = {"Business registration": pdf_file()}
    win = services.proposal_submit(
        call=open_call,
        stakeholder=stakeholder_a,
        title="A",
        summary="S",
        employees=8,
        registered_in_city=True,
        documents=docs,
    )
    lose = services.proposal_submit(
        call=open_call,
        stakeholder=sme_b,
        title="B",
        summary="S",
        employees=12,
        registered_in_city=True,
        documents={"Business registration": pdf_file()},
    )
    with pytest.raises(ValidationError, match="Close the call"):
        services.proposal_award(proposal=win)
    services.call_close(call=open_call)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.proposal_award(proposal=win)
    win.refresh_from_db()
    lose.refresh_from_db()
    open_call.refresh_from_db()
    assert win.status == ProposalStatus.AWARDED and lose.status == ProposalStatus.NOT_AWARDED
    assert open_call.status == CallStatus.AWARDED
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [stakeholder_a.email]
    assert awarded_proposal(city=city_a) == win


def test_workshop_close_needs_open(workshop_a, questions_a):
    services.workshop_close(workshop=workshop_a)
    workshop_a.refresh_from_db()
    assert workshop_a.status == WorkshopStatus.CLOSED
    with pytest.raises(ValidationError, match="Only a workshop open"):
        services.workshop_close(workshop=workshop_a)


def test_revoke_twice_refused(invitation_s):
    services.invitation_revoke(invitation=invitation_s)
    assert StakeholderInvitation.objects.get().status == InvitationStatus.REVOKED
    with pytest.raises(ValidationError, match="already withdrawn"):
        services.invitation_revoke(invitation=invitation_s)
