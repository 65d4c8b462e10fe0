"""Services of the cities app: invitation to apply, drafts and submission, review, decisions, onboarding."""

import re
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from ccrs.links import LinkInvalid, link_open, link_token
from ccrs.models import CityMembership
from cities import services
from cities.letters import MAX_PDF_BYTES
from cities.models import Application, ApplicationStatus, City, CoFundingRecord, OnboardingStep, Review, Score

from .conftest import COMPLETE, make_application, pdf_bytes, pdf_upload


def test_invite_opens_a_draft_and_mails_a_link(cohort, staff, django_capture_on_commit_callbacks):
    """Staff invite a CRO: a draft application exists and one e-mail carries the signed link."""
    with django_capture_on_commit_callbacks(execute=True):
        application = services.application_invite(
            invited_by=staff, cohort=cohort, email="CRO@Hue.example.vn", city_name="Hue", country="VN"
        )
    assert application.status == ApplicationStatus.DRAFT
    assert application.invited_email == "cro@hue.example.vn"
    assert len(mail.outbox) == 1
    token = re.search(r"/cities/applications/accept/([^/\s]+)/", mail.outbox[0].body).group(1)
    assert link_open(services.APPLICATION_INVITATION, token) == application
    application.refresh_from_db()
    assert application.invitation_sent_at is not None


def test_accepting_the_link_makes_the_account(cohort, staff):
    application = make_application(cohort)
    token = link_token(services.APPLICATION_INVITATION, application)
    user, application = services.application_invitation_accept(
        token=token, full_name="Nguyễn Văn An", password="Perfume-river-2026"
    )
    assert application.applicant == user
    assert user.check_password("Perfume-river-2026")
    with pytest.raises(LinkInvalid):
        link_open(services.APPLICATION_INVITATION, token)


def test_a_tampered_link_is_refused(cohort):
    application = make_application(cohort)
    with pytest.raises(LinkInvalid, match="not valid"):
        link_open(services.APPLICATION_INVITATION, link_token(services.APPLICATION_INVITATION, application) + "x")


def test_duplicate_application_is_refused(cohort, staff):
    """The same city cannot apply twice to a cohort, whatever the letter case."""
    make_application(cohort, city_name="Hue")
    with pytest.raises(ValidationError, match="already applied"):
        services.application_invite(
            invited_by=staff, cohort=cohort, email="x@hue.example.vn", city_name="HUE", country="VN"
        )
    assert Application.objects.count() == 1


def test_renaming_a_draft_into_a_duplicate_is_refused(cohort, draft):
    make_application(cohort, city_name="Da Lat")
    with pytest.raises(ValidationError, match="already applied"):
        services.application_update(application=draft, data={"city_name": "da lat"})
    draft.refresh_from_db()
    assert draft.city_name == "Hue"


def test_a_draft_saves_incomplete(draft):
    services.application_update(application=draft, data={"strategy_summary": "Lũ lụt", "cofunding_cash": ""})
    draft.refresh_from_db()
    assert draft.strategy_summary == "Lũ lụt"
    assert draft.status == ApplicationStatus.DRAFT


def test_submitting_an_incomplete_application_lists_what_is_missing(draft):
    with pytest.raises(ValidationError) as caught:
        services.application_update(application=draft, data={"strategy_summary": "Lũ lụt"}, submit=True)
    assert "letter" in caught.value.error_dict
    assert "currency" in caught.value.error_dict
    draft.refresh_from_db()
    assert draft.status == ApplicationStatus.DRAFT
    assert draft.strategy_summary == ""  # nothing saved


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("cofunding_cash", "-5", "cannot be negative"),
        ("cofunding_in_kind", "a lot", "must be a number"),
        ("cofunding_cash", "NaN", "must be a number"),
        ("currency", "XYZ", "not an ISO 4217 currency code"),
    ],
)
def test_bad_amounts_and_currency_are_refused(draft, field, value, message):
    with pytest.raises(ValidationError, match=message):
        services.application_update(application=draft, data={**COMPLETE, field: value})
    draft.refresh_from_db()
    assert draft.cro_name == "" and draft.cofunding_cash is None and draft.currency == ""


def test_a_renamed_text_file_is_not_a_letter(draft):
    """A file named .pdf whose content is not a PDF is refused (checked by content, not by name)."""
    fake = SimpleUploadedFile("letter.pdf", b"Hello, this is not a PDF", content_type="application/pdf")
    with pytest.raises(ValidationError, match="not a PDF"):
        services.application_update(application=draft, data=COMPLETE, letter=fake)
    draft.refresh_from_db()
    assert not draft.letter and draft.cro_name == ""


def test_a_damaged_pdf_is_refused(draft):
    broken = SimpleUploadedFile("letter.pdf", b"%PDF-1.7\n" + b"garbage" * 50)
    with pytest.raises(ValidationError, match="cannot be read"):
        services.application_update(application=draft, data={}, letter=broken)


def test_an_oversized_letter_is_refused(draft):
    big = SimpleUploadedFile("letter.pdf", pdf_bytes() + b"\n%" + b"x" * MAX_PDF_BYTES)
    with pytest.raises(ValidationError, match="the limit is 10 MB"):
        services.application_update(application=draft, data={}, letter=big)
    draft.refresh_from_db()
    assert not draft.letter


def test_a_real_pdf_under_a_non_guessable_name(draft):
    services.application_update(application=draft, data={}, letter=pdf_upload("Thư cam kết.pdf"))
    draft.refresh_from_db()
    assert draft.letter_name == "Thư cam kết.pdf"
    assert draft.letter.name.startswith("private/application/")
    assert "cam" not in draft.letter.name and len(draft.letter.name) > 40


def test_submit_then_no_more_changes(submitted):
    assert submitted.status == ApplicationStatus.SUBMITTED and submitted.submitted_at
    assert submitted.cofunding_cash == Decimal("2500000000")
    with pytest.raises(ValidationError, match="can no longer be changed"):
        services.application_update(application=submitted, data={"cro_name": "Someone else"})


def test_review_requires_every_criterion_in_range(submitted, staff, criteria):
    with pytest.raises(ValidationError) as caught:
        services.review_save(application=submitted, reviewer=staff, scores={criteria[0].pk: 7, criteria[1].pk: 3})
    assert f"criterion_{criteria[0].pk}" in caught.value.error_dict
    assert f"criterion_{criteria[2].pk}" in caught.value.error_dict
    assert not Review.objects.exists()


def test_review_is_replaced_not_duplicated(submitted, staff, criteria):
    services.review_save(application=submitted, reviewer=staff, scores={c.pk: 3 for c in criteria})
    services.review_save(application=submitted, reviewer=staff, scores={c.pk: 5 for c in criteria}, comment="Better")
    assert Review.objects.count() == 1
    assert set(Score.objects.values_list("value", flat=True)) == {5}


def test_conflict_of_interest_drops_the_scores_and_needs_a_note(submitted, staff, criteria):
    services.review_save(application=submitted, reviewer=staff, scores={c.pk: 3 for c in criteria})
    with pytest.raises(ValidationError, match="conflict of interest"):
        services.review_save(application=submitted, reviewer=staff, scores={}, conflict_of_interest=True)
    services.review_save(
        application=submitted, reviewer=staff, scores={}, conflict_of_interest=True, conflict_note="Former employer"
    )
    assert not Score.objects.exists()


def test_a_draft_cannot_be_reviewed(draft, staff, criteria):
    with pytest.raises(ValidationError, match="Only a submitted application"):
        services.review_save(application=draft, reviewer=staff, scores={c.pk: 3 for c in criteria})


def test_selection_onboards_the_city(submitted, staff, applicant):
    """Selection: the city joins the cohort, the applicant leads it, the checklist and co-funding are set up."""
    services.application_decide(application=submitted, decided_by=staff, status="selected", rationale="Clear plan")
    submitted.refresh_from_db()
    city = submitted.city
    assert city.cohort == submitted.cohort and city.slug == "hue" and city.time_zone == "Asia/Ho_Chi_Minh"
    assert CityMembership.objects.get(city=city, user=applicant).role == "lead"
    assert OnboardingStep.objects.filter(city=city).count() == 6
    assert set(OnboardingStep.objects.filter(city=city).values_list("owner", flat=True)) == {applicant.pk}
    assert sorted(CoFundingRecord.objects.filter(city=city).values_list("kind", "amount")) == [
        ("cash", Decimal("2500000000")),
        ("in_kind", Decimal("1000000000")),
    ]
    assert city.shocks == ["flooding", "typhoon"]


def test_selection_past_the_cap_is_refused(cohort, submitted, staff, city_a, city_b):
    cohort.max_cities = 2
    cohort.save(update_fields=["max_cities"])
    with pytest.raises(ValidationError, match="maximum of 2 cities"):
        services.application_decide(application=submitted, decided_by=staff, status="selected", rationale="Good")
    submitted.refresh_from_db()
    assert submitted.status == ApplicationStatus.SUBMITTED and submitted.city is None
    assert not City.objects.filter(name="Hue").exists()
    # Wait-listing is still possible.
    services.application_decide(application=submitted, decided_by=staff, status="waitlisted", rationale="Cap reached")


@pytest.mark.parametrize(
    ("start", "to"),
    [("draft", "selected"), ("selected", "declined"), ("declined", "selected"), ("submitted", "draft")],
)
def test_illegal_status_changes_are_refused(submitted, staff, start, to):
    Application.objects.filter(pk=submitted.pk).update(
        status=start, decision_rationale="x", decided_at=submitted.submitted_at
    )
    with pytest.raises(ValidationError, match="cannot become"):
        services.application_decide(application=submitted, decided_by=staff, status=to, rationale="Because")
    assert Application.objects.get(pk=submitted.pk).status == start


def test_a_decision_needs_a_rationale(submitted, staff):
    with pytest.raises(ValidationError, match="rationale"):
        services.application_decide(application=submitted, decided_by=staff, status="declined", rationale="  ")
    assert Application.objects.get(pk=submitted.pk).status == ApplicationStatus.SUBMITTED


def test_waitlisted_then_selected(submitted, staff):
    services.application_decide(application=submitted, decided_by=staff, status="waitlisted", rationale="Cap")
    services.application_decide(application=submitted, decided_by=staff, status="selected", rationale="A place opened")
    assert Application.objects.get(pk=submitted.pk).status == ApplicationStatus.SELECTED


def test_a_step_needs_evidence_and_keeps_who_and_when(step_a, member_a):
    with pytest.raises(ValidationError, match="evidence"):
        services.step_complete(step=step_a, user=member_a)
    services.step_complete(step=step_a, user=member_a, evidence_file=pdf_upload("MoU.pdf"))
    step_a.refresh_from_db()
    assert step_a.completed_by == member_a and step_a.completed_at and step_a.evidence_name == "MoU.pdf"
    assert step_a.history.count() >= 2
    with pytest.raises(ValidationError, match="already done"):
        services.step_complete(step=step_a, user=member_a, evidence_url="https://example.org")


def test_a_step_refuses_a_non_pdf_evidence(step_a, member_a):
    with pytest.raises(ValidationError, match="not a PDF"):
        services.step_complete(step=step_a, user=member_a, evidence_file=SimpleUploadedFile("x.pdf", b"MZ\x90\x00"))
    step_a.refresh_from_db()
    assert step_a.completed_at is None


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [("amount", "-1", "cannot be negative"), ("amount", "ten", "must be a number"), ("currency", "ABC", "ISO 4217")],
)
def test_bad_cofunding_is_refused(city_a, staff, field, value, message):
    data = {"kind": "cash", "stage": "received", "amount": "100", "currency": "VND", "on": "2022-01-01", field: value}
    with pytest.raises(ValidationError, match=message):
        services.cofunding_record(city=city_a, recorded_by=staff, **data)
    assert not CoFundingRecord.objects.exists()


def test_every_change_is_in_the_history(selected_a):
    """Draft, submission and decision are three versions of the application, with who decided."""
    versions = list(selected_a.history.order_by("history_date"))
    assert [v.status for v in versions][-1] == "selected"
    assert {"draft", "submitted", "selected"} <= {v.status for v in versions}


def test_no_submission_after_the_call_closes(cohort, draft):
    """A draft can still be saved after the call closes, but no longer submitted."""
    from datetime import date

    cohort.call_opens_on, cohort.call_closes_on = date(2021, 3, 2), date(2021, 5, 31)
    cohort.save(update_fields=["call_opens_on", "call_closes_on"])
    draft.refresh_from_db()
    with pytest.raises(ValidationError, match="closed on"):
        services.application_update(application=draft, data=COMPLETE, letter=pdf_upload(), submit=True)
    assert Application.objects.get(pk=draft.pk).status == ApplicationStatus.DRAFT
