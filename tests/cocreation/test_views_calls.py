"""Pages of calls for SME proposals: drafting, invitations, the SME's link and the award."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from cocreation import services
from cocreation.models import (
    Call,
    CallInvitation,
    CallStatus,
    Clarification,
    IdeaStatus,
    InvitationStatus,
    Proposal,
    ProposalStatus,
)

from .conftest import call_form, proposal_data, submit_proposal

pytestmark = pytest.mark.django_db


def test_call_from_a_shortlisted_idea_with_deadline_in_city_time(client_for, member_a, process_a, ideas_a):
    idea = ideas_a[1]
    services.idea_shortlist(idea=idea)
    response = client_for(member_a).post(reverse("cocreation:call_new", kwargs={"pk": process_a.pk}), call_form(idea))
    call = Call.objects.get()
    assert response["Location"] == reverse("cocreation:call", kwargs={"pk": call.pk})
    assert call.deadline == datetime(2030, 5, 1, 10, 0, tzinfo=UTC)  # 17:00 in Can Tho (UTC+7)
    assert call.required_documents == ["Business registration", "Work plan"]
    assert call.currency == "VND" and call.status == CallStatus.DRAFT and call.idea == idea
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.SELECTED


def test_call_with_deadline_in_the_past_is_refused(client_for, member_a, process_a, ideas_a):
    services.idea_shortlist(idea=ideas_a[0])
    response = client_for(member_a).post(
        reverse("cocreation:call_new", kwargs={"pk": process_a.pk}), call_form(ideas_a[0], deadline="2020-01-01T09:00")
    )
    assert response.status_code == 400 and "deadline is in the past" in response.content.decode()
    assert not Call.objects.exists()


def test_call_needs_a_shortlisted_idea(client_for, member_a, process_a, ideas_a):
    response = client_for(member_a).post(
        reverse("cocreation:call_new", kwargs={"pk": process_a.pk}), call_form(ideas_a[0])
    )
    assert response.status_code == 400
    assert not Call.objects.exists()


def test_call_edit_open_close_and_clarification(client_for, member_a, call_a):
    client = client_for(member_a)
    url = reverse("cocreation:call_edit", kwargs={"pk": call_a.pk})
    assert 'value="2' in client.get(url).content.decode()  # the deadline shown in city time
    client.post(url, call_form(call_a.idea, title="Gọi đề xuất (sửa)", deadline="2031-01-10T08:30"))
    call_a.refresh_from_db()
    assert call_a.title == "Gọi đề xuất (sửa)" and call_a.deadline == datetime(2031, 1, 10, 1, 30, tzinfo=UTC)
    publish = reverse("cocreation:clarification_publish", kwargs={"pk": call_a.pk})
    response = client.post(publish, {"question": "Có cần xe?", "answer": ""}, follow=True)
    assert "needs both the question and its answer" in response.content.decode()
    client.post(publish, {"question": "Có cần xe?", "answer": "Không bắt buộc."})
    assert Clarification.objects.filter(call=call_a).count() == 2
    client.post(reverse("cocreation:call_close", kwargs={"pk": call_a.pk}))
    call_a.refresh_from_db()
    assert call_a.status == CallStatus.CLOSED
    response = client.post(url, call_form(call_a.idea, title="Too late"))
    assert response.status_code == 400
    call_a.refresh_from_db()
    assert call_a.title == "Gọi đề xuất (sửa)"


def test_smes_invited_by_email_in_their_language(
    client_for, member_a, call_a, stakeholder_a, sme_b, django_capture_on_commit_callbacks
):
    """Every SME of the registry (not the NGO) gets one personal link; inviting again sends nothing."""
    services.stakeholder_register(city=call_a.process.city, name="NGO", email="ngo@example.vn", kind="ngo")
    mail.outbox.clear()
    client = client_for(member_a)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("cocreation:call_invite", kwargs={"pk": call_a.pk}))
    assert set(CallInvitation.objects.values_list("stakeholder__name", flat=True)) == {stakeholder_a.name, sme_b.name}
    assert sorted(m.to[0] for m in mail.outbox) == sorted([stakeholder_a.email, sme_b.email])
    vi = next(m for m in mail.outbox if m.to == [stakeholder_a.email])
    assert "/cocreation/apply/" in vi.body and call_a.title in vi.subject and "(Asia/Ho_Chi_Minh)" in vi.body
    assert all(i.sent_at for i in CallInvitation.objects.all())
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("cocreation:call_invite", kwargs={"pk": call_a.pk}))
    assert CallInvitation.objects.count() == 2 and len(mail.outbox) == 2


def test_staff_pick_which_smes_to_invite(client_for, member_a, call_a, stakeholder_a, sme_b):
    """Ticking one SME invites that one only; the call page lists the SMEs still waiting for a link."""
    client = client_for(member_a)
    page = client.get(reverse("cocreation:call", kwargs={"pk": call_a.pk})).content.decode()
    assert f'value="{sme_b.pk}"' in page and f'value="{stakeholder_a.pk}"' in page
    client.post(
        reverse("cocreation:call_invite", kwargs={"pk": call_a.pk}), {"selected": "1", "stakeholder": [sme_b.pk]}
    )
    assert list(CallInvitation.objects.values_list("stakeholder", flat=True)) == [sme_b.pk]
    page = client.get(reverse("cocreation:call", kwargs={"pk": call_a.pk})).content.decode()
    assert f'name="stakeholder" value="{sme_b.pk}"' not in page


def test_picking_nobody_or_an_sme_of_another_city_invites_nobody(client_for, member_a, call_a, stakeholder_a, city_b):
    other, _ = services.stakeholder_register(city=city_b, name="Other city SME", email="x@sme.example.vn", kind="sme")
    client = client_for(member_a)
    url = reverse("cocreation:call_invite", kwargs={"pk": call_a.pk})
    response = client.post(url, {"selected": "1"}, follow=True)
    assert "Tick at least one SME" in response.content.decode()
    response = client.post(url, {"selected": "1", "stakeholder": [stakeholder_a.pk, other.pk]}, follow=True)
    assert "Reload the page" in response.content.decode()
    assert not CallInvitation.objects.exists()


def test_draft_call_invitations_are_sent_when_it_opens(
    process_a, ideas_a, stakeholder_a, django_capture_on_commit_callbacks
):
    services.idea_shortlist(idea=ideas_a[0])
    call = services.call_create(
        process=process_a, idea=ideas_a[0], title="Draft", description="d", deadline=timezone.now() + timedelta(days=3)
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        invitation, _ = services.call_invitation_create(call=call, stakeholder=stakeholder_a)
    assert not mail.outbox
    with django_capture_on_commit_callbacks(execute=True):
        services.call_open(call=call)
    assert len(mail.outbox) == 1
    invitation.refresh_from_db()
    assert invitation.sent_at is not None


def test_link_shows_the_call_in_the_smes_language(client, call_link):
    _invitation, url = call_link
    body = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'lang="vi"' in body
    assert "Hợp tác xã có được nộp không?" in body and "Business registration" in body
    assert "Asia/Ho_Chi_Minh" not in body  # the deadline's zone in words, in the SME's language
    assert "(giờ Cần Thơ)" in body


def test_sme_submits_a_proposal_with_documents(client, call_link, stakeholder_a):
    invitation, url = call_link
    response = client.post(url, proposal_data())
    assert response.status_code == 302
    proposal = Proposal.objects.get()
    assert proposal.stakeholder == stakeholder_a and proposal.employees == 8
    assert sorted(proposal.documents.values_list("name", flat=True)) == ["Business registration", "Work plan"]
    body = client.get(url).content.decode()
    assert "Xe ba gác điện" in body and 'name="title"' not in body  # received, not offered again
    assert client.post(url, proposal_data(title="Second")).status_code == 400
    assert Proposal.objects.count() == 1


def test_missing_document_or_wrong_type_saves_nothing(client, call_link):
    _invitation, url = call_link
    response = client.post(url, proposal_data(document_1=""), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400 and "Work plan" in response.content.decode()
    fake = SimpleUploadedFile("plan.pdf", b"GIF89a pretending", content_type="application/pdf")
    response = client.post(url + "?lang=en", proposal_data(document_1=fake))
    assert response.status_code == 400 and "PDF, PNG, JPEG" in response.content.decode()
    assert not Proposal.objects.exists()


def test_ineligible_sme_is_told_why(client, call_link):
    _invitation, url = call_link
    response = client.post(url + "?lang=en", proposal_data(employees="120", registered_in_city=""))
    text = response.content.decode()
    assert response.status_code == 400 and "at most 49 employees" in text and "registered in the city" in text
    assert not Proposal.objects.exists()


def test_after_deadline_or_once_closed_no_proposal(client, call_link, call_a):
    _invitation, url = call_link
    Call.objects.filter(pk=call_a.pk).update(deadline=timezone.now() - timedelta(minutes=1))
    response = client.post(url + "?lang=en", proposal_data())
    assert response.status_code == 400 and "deadline of this call has passed" in response.content.decode()
    assert "no longer takes proposals" in client.get(url + "?lang=en").content.decode()
    Call.objects.filter(pk=call_a.pk).update(deadline=timezone.now() + timedelta(days=1), status=CallStatus.CLOSED)
    response = client.post(url + "?lang=en", proposal_data())
    assert response.status_code == 400 and "not open for proposals" in response.content.decode()
    assert not Proposal.objects.exists()


def test_revoked_or_altered_link_is_refused(client_for, member_a, client, call_link):
    invitation, url = call_link
    assert client.get(url[:-4] + "abc/").status_code == 404
    client_for(member_a).post(reverse("cocreation:call_invitation_revoke", kwargs={"pk": invitation.pk}))
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.REVOKED
    response = client.post(url, proposal_data())
    assert response.status_code == 410 and not Proposal.objects.exists()


def test_honeypot_refuses_a_proposal(client, call_link):
    _invitation, url = call_link
    assert client.post(url, proposal_data(website="http://spam.example")).status_code == 400
    assert not Proposal.objects.exists()


def test_staff_award_and_start_the_pilot_link(
    client_for, member_a, staff, call_a, stakeholder_a, sme_b, django_capture_on_commit_callbacks
):
    win = submit_proposal(call_a, stakeholder_a, title="A")
    lose = submit_proposal(call_a, sme_b, title="B", employees=9)
    services.call_close(call=call_a)
    award = reverse("cocreation:proposal_award", kwargs={"pk": win.pk})
    assert client_for(member_a).post(award).status_code == 403
    win.refresh_from_db()
    assert win.status == ProposalStatus.SUBMITTED
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert client_for(staff).post(award).status_code == 302
    win.refresh_from_db()
    lose.refresh_from_db()
    assert win.status == ProposalStatus.AWARDED and lose.status == ProposalStatus.NOT_AWARDED
    assert [m.to for m in mail.outbox] == [[stakeholder_a.email]]
    body = client_for(staff).get(reverse("cocreation:call", kwargs={"pk": call_a.pk})).content.decode()
    assert f"{reverse('pilots:start')}?proposal={win.pk}" in body
    assert (
        "?proposal="
        not in client_for(member_a).get(reverse("cocreation:call", kwargs={"pk": call_a.pk})).content.decode()
    )


def test_evaluators_read_proposal_documents(client_for, member_a, member_b, call_a, stakeholder_a):
    proposal = submit_proposal(call_a, stakeholder_a, title="A")
    url = proposal.documents.first().file.url
    assert client_for(member_a).get(url).status_code == 200
    assert client_for(member_b).get(url).status_code == 404


def test_expired_link_is_refused(client, call_link):
    invitation, url = call_link
    CallInvitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    response = client.post(url + "?lang=en", proposal_data())
    assert response.status_code == 410 and "expired" in response.content.decode()
    assert not Proposal.objects.exists()


def test_rate_limit_per_call_link(client, call_link, settings):
    settings.COCREATION_FORM_RATE_PER_LINK = 1
    _invitation, url = call_link
    client.post(url, proposal_data(document_1=""))
    response = client.post(url, proposal_data())
    assert response.status_code == 429 and not Proposal.objects.exists()


def test_call_link_is_emailed_once(call_a, stakeholder_a):
    """The task is safe to run twice: the second run sends nothing."""
    invitation = CallInvitation.objects.create(
        call=call_a, stakeholder=stakeholder_a, expires_at=timezone.now() + timedelta(days=30)
    )
    mail.outbox.clear()
    assert services.call_invitation_send(invitation_id=invitation.pk) is True
    assert services.call_invitation_send(invitation_id=invitation.pk) is False
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [stakeholder_a.email]
    assert "Cần Thơ" in mail.outbox[0].body  # the city as its people write it
