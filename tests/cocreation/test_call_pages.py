"""Pages through which facilitators, evaluators, staff and SMEs do the work of ideas, the panel and calls."""

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from ccrs.models import CityMembership, CityRole
from cocreation import services
from cocreation.models import (
    Call,
    CallInvitation,
    CallStatus,
    Clarification,
    ConflictDeclaration,
    Criterion,
    Idea,
    IdeaStatus,
    InvitationStatus,
    Proposal,
    ProposalStatus,
    Score,
    Vote,
)
from tests.querybudget import assert_query_budget

from .conftest import good_answers, pdf_file

pytestmark = pytest.mark.django_db


@pytest.fixture
def viewer_a(city_a):
    from tests.conftest import make_user

    user = make_user("viewer.a@cantho.example.vn")
    CityMembership.objects.create(user=user, city=city_a, role=CityRole.VIEWER)
    return user


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
    call = services.call_create(
        process=process_a,
        idea=ideas_a[0],
        title="Gọi đề xuất: túi hai màu",
        description="Thu gom rác hữu cơ tại Ninh Kiều.",
        deadline=timezone.now() + timedelta(days=10),
        max_employees=49,
        required_documents=["Business registration", "Work plan"],
        budget="500000000",
        currency="VND",
    )
    services.call_open(call=call)
    services.clarification_publish(call=call, question="Hợp tác xã có được nộp không?", answer="Có.")
    call.refresh_from_db()
    return call


@pytest.fixture
def call_link(call_a, stakeholder_a):
    invitation, _ = services.call_invitation_create(call=call_a, stakeholder=stakeholder_a)
    return invitation, reverse(
        "cocreation:apply", kwargs={"token": services.call_invitation_token(invitation=invitation)}
    )


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


# --- ideas ------------------------------------------------------------------------------------------


def test_officer_turns_an_answer_into_an_idea(client_for, member_a, workshop_a, submission_a):
    """The form opens with the answer's text; the saved idea keeps the submission as its source."""
    client = client_for(member_a)
    url = reverse("cocreation:idea_new", kwargs={"pk": workshop_a.pk})
    page = client.get(url, {"submission": submission_a.pk}).content.decode()
    assert "Phát túi phân loại cho hộ gia đình" in page
    response = client.post(
        url,
        {
            "title": "Túi hai màu",
            "description": "…",
            "cluster": "Phân loại",
            "tags": "Hộ gia đình, rác ,",
            "submission": submission_a.pk,
        },
    )
    assert response.status_code == 302
    idea = Idea.objects.get()
    assert idea.tags == ["hộ gia đình", "rác"] and idea.cluster == "Phân loại"
    assert list(idea.sources.all()) == [submission_a]


def test_idea_without_title_is_refused(client_for, member_a, workshop_a):
    response = client_for(member_a).post(reverse("cocreation:idea_new", kwargs={"pk": workshop_a.pk}), {"title": " "})
    assert response.status_code == 400
    assert not Idea.objects.exists()


def test_viewer_reads_ideas_but_cannot_add_one(client_for, viewer_a, workshop_a):
    client = client_for(viewer_a)
    body = client.get(reverse("cocreation:ideas", kwargs={"pk": workshop_a.pk})).content.decode()
    assert reverse("cocreation:idea_new", kwargs={"pk": workshop_a.pk}) not in body
    response = client.post(reverse("cocreation:idea_new", kwargs={"pk": workshop_a.pk}), {"title": "X"})
    assert response.status_code == 403
    assert not Idea.objects.exists()


def test_officer_edits_tags_merges_and_shortlists(client_for, member_a, ideas_a, invitation_s):
    """Editing, tagging (through HTMX), merging a duplicate (its votes move) and shortlisting change the DB."""
    first, _market, duplicate = ideas_a
    services.vote_cast(invitation=invitation_s, idea=duplicate)
    client = client_for(member_a)
    client.post(
        reverse("cocreation:idea_edit", kwargs={"pk": first.pk}), {"title": "Túi hai màu cho hộ", "description": "d"}
    )
    response = client.post(
        reverse("cocreation:idea_tag", kwargs={"pk": first.pk}),
        {"cluster": "Hộ", "tags": "túi, Hữu cơ"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200 and 'id="idea-tags-' in response.content.decode()
    assert "<html" not in response.content.decode()  # only the tag cell
    client.post(reverse("cocreation:idea_merge", kwargs={"pk": duplicate.pk}), {"into": first.pk})
    client.post(reverse("cocreation:idea_shortlist", kwargs={"pk": first.pk}))
    first.refresh_from_db()
    duplicate.refresh_from_db()
    assert first.title == "Túi hai màu cho hộ" and first.cluster == "Hộ" and first.tags == ["hữu cơ", "túi"]
    assert first.status == IdeaStatus.SHORTLISTED
    assert duplicate.status == IdeaStatus.MERGED and duplicate.merged_into == first
    assert Vote.objects.get().idea == first
    body = client.get(reverse("cocreation:ideas", kwargs={"pk": first.workshop_id})).content.decode()
    assert f'id="idea-{duplicate.pk}"' not in body and f'id="idea-{first.pk}"' in body  # merged: off the ranking


def test_merging_an_idea_into_itself_changes_nothing(client_for, member_a, ideas_a):
    idea = ideas_a[0]
    response = client_for(member_a).post(
        reverse("cocreation:idea_merge", kwargs={"pk": idea.pk}), {"into": idea.pk}, follow=True
    )
    assert "Choose the idea" in response.content.decode()
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.OPEN


def test_officer_of_another_city_cannot_tag(client_for, member_b, ideas_a):
    response = client_for(member_b).post(reverse("cocreation:idea_tag", kwargs={"pk": ideas_a[0].pk}), {"tags": "x"})
    assert response.status_code == 404
    ideas_a[0].refresh_from_db()
    assert ideas_a[0].tags == []


# --- evaluation -------------------------------------------------------------------------------------


def test_criteria_added_and_frozen_once_scoring_starts(client_for, member_a, staff, process_a, shortlist_a):
    ideas, (impact, cost) = shortlist_a
    client = client_for(member_a)
    add = reverse("cocreation:process_criterion_add", kwargs={"pk": process_a.pk})
    response = client.post(add, {"name": "Inclusion", "weight": "0"}, follow=True)
    assert "weight above 0" in response.content.decode()
    client.post(add, {"name": "Inclusion", "weight": "2"})
    inclusion = Criterion.objects.get(name="Inclusion")
    client.post(
        reverse("cocreation:criterion_edit", kwargs={"pk": inclusion.pk}), {"name": "Inclusion", "weight": "1.5"}
    )
    inclusion.refresh_from_db()
    assert inclusion.weight == Decimal("1.50")
    services.conflict_declare(process=process_a, evaluator=staff, has_conflict=False)
    services.score_sheet_submit(
        evaluator=staff, idea=ideas[0], values={c.pk: 7 for c in (impact, cost, inclusion)}, comments={}
    )
    response = client.post(
        reverse("cocreation:criterion_edit", kwargs={"pk": cost.pk}), {"name": "Cost", "weight": "9"}, follow=True
    )
    assert "Scoring has started" in response.content.decode()
    client.post(add, {"name": "Late", "weight": "1"})
    cost.refresh_from_db()
    assert cost.weight == 1 and not Criterion.objects.filter(name="Late").exists()


def test_conflict_must_be_explained_and_stops_scoring(client_for, lead_a, process_a, shortlist_a):
    ideas, criteria = shortlist_a
    client = client_for(lead_a)
    declare = reverse("cocreation:process_conflict_declare", kwargs={"pk": process_a.pk})
    response = client.post(declare, {"has_conflict": "yes", "details": ""}, follow=True)
    assert "Describe the conflict" in response.content.decode()
    assert not ConflictDeclaration.objects.exists()
    client.post(declare, {"has_conflict": "yes", "details": "My sister runs one of the SMEs."})
    assert ConflictDeclaration.objects.get().has_conflict
    sheet = reverse("cocreation:idea_score", kwargs={"pk": ideas[0].pk})
    response = client.post(sheet, {f"score_{c.pk}": "7" for c in criteria})
    assert response.status_code == 400 and "declared a conflict" in response.content.decode()
    assert not Score.objects.exists()


def test_score_outside_the_scale_saves_nothing(client_for, member_a, process_a, shortlist_a):
    ideas, (impact, cost) = shortlist_a
    services.conflict_declare(process=process_a, evaluator=member_a, has_conflict=False)
    response = client_for(member_a).post(
        reverse("cocreation:idea_score", kwargs={"pk": ideas[0].pk}),
        {f"score_{impact.pk}": "11", f"score_{cost.pk}": "5"},
    )
    assert response.status_code == 400 and "from 0 to 10" in response.content.decode()
    assert not Score.objects.exists()


def test_evaluators_score_independently(client_for, member_a, lead_a, viewer_a, process_a, shortlist_a):
    """An evaluator sees the panel's results for an item only after submitting their own sheet, which then stays."""
    ideas, (impact, cost) = shortlist_a
    for evaluator in (member_a, lead_a):
        services.conflict_declare(process=process_a, evaluator=evaluator, has_conflict=False)
    officer, lead = client_for(member_a), client_for(lead_a)
    sheet = reverse("cocreation:idea_score", kwargs={"pk": ideas[0].pk})
    response = officer.post(
        sheet, {f"score_{impact.pk}": "9", f"comment_{impact.pk}": "Strong reach", f"score_{cost.pk}": "3"}
    )
    assert response.status_code == 302
    assert Score.objects.filter(evaluator=member_a).count() == 2
    page = reverse("cocreation:process_evaluation", kwargs={"pk": process_a.pk})
    lead_view = lead.get(page).content.decode()
    assert "Strong reach" not in lead_view and "7.50" not in lead_view
    assert "appear once you have submitted" in lead_view
    officer_view = officer.get(page).content.decode()
    assert "7.50" in officer_view and "Strong reach" in officer_view  # (9·3 + 3·1) / 4
    assert "7.50" in client_for(viewer_a).get(page).content.decode()  # viewers read, they do not score
    lead.post(sheet, {f"score_{impact.pk}": "5", f"score_{cost.pk}": "5"})
    lead_view = lead.get(page).content.decode()
    assert "6.25" in lead_view and "± 1.25" in lead_view  # mean of 7.5 and 5, spread 1.25
    again = officer.post(sheet, {f"score_{impact.pk}": "1", f"score_{cost.pk}": "1"})
    assert again.status_code == 400 and "already submitted" in again.content.decode()
    assert float(Score.objects.get(evaluator=member_a, criterion=impact).value) == 9.0


def test_viewer_cannot_declare_or_score(client_for, viewer_a, process_a, shortlist_a):
    ideas, _criteria = shortlist_a
    client = client_for(viewer_a)
    declare = reverse("cocreation:process_conflict_declare", kwargs={"pk": process_a.pk})
    assert client.post(declare, {"has_conflict": "no"}).status_code == 403
    assert client.get(reverse("cocreation:idea_score", kwargs={"pk": ideas[0].pk})).status_code == 403
    assert not ConflictDeclaration.objects.exists()


# --- calls ------------------------------------------------------------------------------------------


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


# --- the SME's link ---------------------------------------------------------------------------------


def test_link_shows_the_call_in_the_smes_language(client, call_link):
    _invitation, url = call_link
    body = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'lang="vi"' in body
    assert "Hợp tác xã có được nộp không?" in body and "Business registration" in body
    assert "(Asia/Ho_Chi_Minh)" in body


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


# --- award ------------------------------------------------------------------------------------------


def test_staff_award_and_start_the_pilot_link(
    client_for, member_a, staff, call_a, stakeholder_a, sme_b, django_capture_on_commit_callbacks
):
    docs = {"Business registration": pdf_file(), "Work plan": pdf_file()}
    win = services.proposal_submit(
        call=call_a,
        stakeholder=stakeholder_a,
        title="A",
        summary="S",
        employees=8,
        registered_in_city=True,
        documents=docs,
    )
    lose = services.proposal_submit(
        call=call_a,
        stakeholder=sme_b,
        title="B",
        summary="S",
        employees=9,
        registered_in_city=True,
        documents={"Business registration": pdf_file(), "Work plan": pdf_file()},
    )
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
    proposal = services.proposal_submit(
        call=call_a,
        stakeholder=stakeholder_a,
        title="A",
        summary="S",
        employees=8,
        registered_in_city=True,
        documents={"Business registration": pdf_file(), "Work plan": pdf_file()},
    )
    url = proposal.documents.first().file.url
    assert client_for(member_a).get(url).status_code == 200
    assert client_for(member_b).get(url).status_code == 404


# --- query budgets ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "budget"), [("call", 15), ("call_evaluation", 12), ("process_evaluation", 12)])
def test_query_budgets(client_for, member_a, call_a, call_link, shortlist_a, stakeholder_a, name, budget):
    """The call page and the panel pages keep their query counts on seed_scale data."""
    pk = call_a.process_id if name == "process_evaluation" else call_a.pk
    services.criterion_add(process=call_a.process, call=call_a, name="Impact", weight=1)
    services.proposal_submit(
        call=call_a,
        stakeholder=stakeholder_a,
        title="A",
        summary="S",
        employees=8,
        registered_in_city=True,
        documents={"Business registration": pdf_file(), "Work plan": pdf_file()},
    )
    assert_query_budget(client_for(member_a), reverse(f"cocreation:{name}", kwargs={"pk": pk}), budget=budget)


def test_apply_query_budget(client, call_link):
    _invitation, url = call_link
    assert_query_budget(client, url, budget=5)


def test_call_page_seals_results_until_the_evaluator_has_scored(
    client_for, staff, member_a, viewer_a, call_a, stakeholder_a
):
    """On the call page too, an evaluator who has not scored a proposal does not see the panel's score for it."""
    proposal = services.proposal_submit(
        call=call_a,
        stakeholder=stakeholder_a,
        title="Xe ba gác điện",
        summary="S",
        employees=8,
        registered_in_city=True,
        documents={"Business registration": pdf_file(), "Work plan": pdf_file()},
    )
    criterion = services.criterion_add(process=call_a.process, call=call_a, name="Impact", weight=1)
    services.conflict_declare(process=call_a.process, call=call_a, evaluator=staff, has_conflict=False)
    services.score_sheet_submit(evaluator=staff, proposal=proposal, values={criterion.pk: 8}, comments={})
    url = reverse("cocreation:call", kwargs={"pk": call_a.pk})
    officer_view = client_for(member_a).get(url).content.decode()
    assert "8.00" not in officer_view and "appear once you have submitted" in officer_view
    assert "8.00" in client_for(viewer_a).get(url).content.decode()
    assert "8.00" in client_for(staff).get(url).content.decode()


def test_criterion_removed_before_scoring(client_for, member_a, process_a, shortlist_a):
    _ideas, (impact, _cost) = shortlist_a
    client_for(member_a).post(reverse("cocreation:criterion_edit", kwargs={"pk": impact.pk}), {"action": "remove"})
    assert list(Criterion.objects.values_list("name", flat=True)) == ["Cost"]


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
