"""Selectors of the co-creation app: what each user may see, counts and ordering."""

from datetime import timedelta

import pytest
from django.utils import timezone

from cocreation import selectors, services
from cocreation.models import IdeaStatus, Phase, ProposalStatus

from .conftest import good_answers
from .factories import (
    CallFactory,
    CallInvitationFactory,
    CriterionFactory,
    IdeaFactory,
    InvitationFactory,
    ProcessFactory,
    ProposalFactory,
    QuestionFactory,
    StakeholderFactory,
    VoteFactory,
    WorkshopAttachmentFactory,
    WorkshopFactory,
)

pytestmark = pytest.mark.django_db


def test_invite_page_lists_at_most_its_limit(workshop_a, questions_a, city_a):
    for n in range(3):
        services.stakeholder_register(city=city_a, name=f"P{n}", email=f"p{n}@example.vn", kind="sme")
    data = selectors.invite_candidates(workshop=workshop_a, limit=2)
    assert data["total"] == 3 and len(data["candidates"]) == 2


# --- who sees what -------------------------------------------------------------------------------


def _rows_of_city(city):
    """One row of every kind the co-creation pages open by address, all in `city`."""
    process = ProcessFactory(city=city)
    workshop = WorkshopFactory(process=process)
    invitation = InvitationFactory(workshop=workshop)
    call = CallFactory(process=process)
    attachment = WorkshopAttachmentFactory(workshop=workshop, name="m.pdf")
    return {
        selectors.process_get: process,
        selectors.phase_get: Phase.objects.create(
            process=process, kind="discover", starts_on="2026-01-05", ends_on="2026-02-28"
        ),
        selectors.stakeholder_get: invitation.stakeholder,
        selectors.workshop_get: workshop,
        selectors.question_get: QuestionFactory(workshop=workshop),
        selectors.invitation_get: invitation,
        selectors.attachment_get: attachment,
        selectors.idea_get: IdeaFactory(workshop=workshop),
        selectors.criterion_get: CriterionFactory(process=process),
        selectors.call_get: call,
        selectors.call_invitation_get: CallInvitationFactory(call=call),
        selectors.proposal_get: ProposalFactory(call=call),
    }


@pytest.fixture
def rows_a(city_a, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return _rows_of_city(city_a)


@pytest.mark.parametrize("persona", ["member_a", "staff"])
def test_every_get_selector_opens_city_a_rows_to_its_team_and_staff(request, rows_a, persona):
    user = request.getfixturevalue(persona)
    for select, row in rows_a.items():
        assert select(user=user, pk=row.pk) == row, select.__name__


@pytest.mark.parametrize("persona", ["member_b", "stakeholder"])
def test_every_get_selector_hides_city_a_rows_from_others(request, rows_a, persona):
    """A Da Nang officer, and a stakeholder with an account, open none of Can Tho's rows."""
    user = request.getfixturevalue(persona)
    for select, row in rows_a.items():
        assert select(user=user, pk=row.pk) is None, select.__name__


def test_get_selectors_answer_none_for_an_id_that_does_not_exist(staff):
    assert selectors.workshop_get(user=staff, pk=987654) is None
    assert selectors.call_get(user=staff, pk=987654) is None


def test_city_get_opens_a_city_to_its_team_only(city_a, member_a, member_b, staff):
    assert selectors.city_get(user=member_a, slug=city_a.slug) == city_a
    assert selectors.city_get(user=staff, slug=city_a.slug) == city_a
    assert selectors.city_get(user=member_b, slug=city_a.slug) is None
    assert selectors.city_get(user=member_a, slug="no-such-city") is None


def test_process_list_shows_only_the_visible_city_in_title_order_with_counts(city_a, city_b, member_a, member_b):
    second = ProcessFactory(city=city_a, title="B process")
    first = ProcessFactory(city=city_a, title="A process")
    WorkshopFactory.create_batch(2, process=second)
    CallFactory(process=second)
    ProcessFactory(city=city_b, title="Da Nang process")
    listed = selectors.process_list(user=member_a, city=city_a)
    assert listed == [first, second]
    assert (listed[1].workshop_count, listed[1].call_count) == (2, 1)
    assert (listed[0].workshop_count, listed[0].call_count) == (0, 0)
    assert selectors.process_list(user=member_b, city=city_a) == []


# --- counts and ordering -------------------------------------------------------------------------


def test_stakeholder_list_searches_and_orders_by_name(city_a, city_b, member_a):
    StakeholderFactory(city=city_a, name="Trần Bình", organisation="HTX Xanh")
    StakeholderFactory(city=city_a, name="An Nguyễn")
    StakeholderFactory(city=city_b, name="Another city")
    shown = selectors.stakeholder_list(user=member_a, city=city_a)
    assert [s.name for s in shown["stakeholders"]] == ["An Nguyễn", "Trần Bình"] and shown["total"] == 2
    found = selectors.stakeholder_list(user=member_a, city=city_a, query="xanh")
    assert [s.name for s in found["stakeholders"]] == ["Trần Bình"]


def test_workshop_detail_counts_invited_checked_in_submitted_and_uninvited(city_a):
    workshop = WorkshopFactory(process=ProcessFactory(city=city_a))
    came = InvitationFactory(workshop=workshop, stakeholder__organisation="HTX Ninh Kiều")
    InvitationFactory(workshop=workshop)
    services.invitation_check_in(invitation=came)
    StakeholderFactory(city=city_a)
    detail = selectors.workshop_detail(workshop=workshop)
    assert detail["counts"]["invited"] == 2 and detail["counts"]["checked_in"] == 1
    assert detail["counts"]["submitted"] == 0 and detail["counts"]["organisations"] == 1
    assert detail["uninvited"] == 1
    assert detail["organisations_present"] == ["HTX Ninh Kiều"]


def test_idea_list_ranks_by_votes_and_leaves_merged_ideas_out(city_a):
    workshop = WorkshopFactory(process=ProcessFactory(city=city_a))
    few, many = IdeaFactory(workshop=workshop, title="Few"), IdeaFactory(workshop=workshop, title="Many")
    IdeaFactory(workshop=workshop, title="Merged", status=IdeaStatus.MERGED, merged_into=many)
    VoteFactory.create_batch(2, idea=many)
    VoteFactory(idea=few)
    ranked = selectors.idea_list(workshop=workshop)
    assert [i.title for i in ranked] == ["Many", "Few"]
    assert [i.vote_count for i in ranked] == [2, 1]


def test_merge_targets_are_the_other_unmerged_ideas_of_the_workshop(city_a):
    workshop = WorkshopFactory(process=ProcessFactory(city=city_a))
    idea, other = IdeaFactory(workshop=workshop), IdeaFactory(workshop=workshop)
    IdeaFactory(workshop=workshop, status=IdeaStatus.MERGED, merged_into=other)
    IdeaFactory(workshop=WorkshopFactory(process=ProcessFactory(city=city_a)))
    assert selectors.merge_targets(idea=idea) == [other]


def test_ballot_idea_is_only_an_idea_of_the_participants_workshop(city_a):
    invitation = InvitationFactory(workshop=WorkshopFactory(process=ProcessFactory(city=city_a)))
    own = IdeaFactory(workshop=invitation.workshop)
    elsewhere = IdeaFactory(workshop=WorkshopFactory(process=invitation.workshop.process))
    assert selectors.ballot_idea(invitation=invitation, pk=own.pk) == own
    assert selectors.ballot_idea(invitation=invitation, pk=elsewhere.pk) is None
    assert selectors.ballot_idea(invitation=invitation, pk=None) is None


def test_evaluation_items_are_the_shortlist_or_the_eligible_proposals_by_title(city_a):
    process = ProcessFactory(city=city_a)
    workshop = WorkshopFactory(process=process)
    IdeaFactory(workshop=workshop, title="Open idea")
    IdeaFactory(workshop=workshop, title="Zebra", status=IdeaStatus.SHORTLISTED)
    IdeaFactory(workshop=workshop, title="Alpha", status=IdeaStatus.SELECTED)
    assert [i.title for i in selectors.evaluation_items(process=process)] == ["Alpha", "Zebra"]
    call = CallFactory(process=process)
    ProposalFactory(call=call, title="Y")
    ProposalFactory(call=call, title="X")
    ProposalFactory(call=call, title="Ineligible", status=ProposalStatus.INELIGIBLE)
    assert [p.title for p in selectors.evaluation_items(process=process, call=call)] == ["X", "Y"]


def test_uninvited_smes_are_the_citys_smes_without_a_link_to_the_call(city_a, city_b):
    call = CallFactory(process=ProcessFactory(city=city_a))
    waiting = StakeholderFactory(city=city_a)
    invited = CallInvitationFactory(call=call).stakeholder
    StakeholderFactory(city=city_a, kind="ngo")
    StakeholderFactory(city=city_b)
    assert list(selectors.uninvited_smes(call=call)) == [waiting]
    assert list(selectors.uninvited_smes(call=call, ids={invited.pk, waiting.pk})) == [waiting]


def test_call_invitations_count_the_invited_and_those_still_to_invite(city_a):
    call = CallFactory(process=ProcessFactory(city=city_a))
    CallInvitationFactory.create_batch(2, call=call)
    StakeholderFactory.create_batch(3, city=city_a)
    data = selectors.call_invitations(call=call)
    assert data["invited"] == 2 and len(data["invitations"]) == 2
    assert data["uninvited_smes"] == 3 and len(data["uninvited_list"]) == 3


def test_awarded_proposal_is_the_latest_award_of_the_city(city_a, city_b):
    ProposalFactory(call=CallFactory(process=ProcessFactory(city=city_a)), status=ProposalStatus.SUBMITTED)
    earlier = ProposalFactory(
        call=CallFactory(process=ProcessFactory(city=city_a)), status=ProposalStatus.AWARDED,
        awarded_at=timezone.now() - timedelta(days=30),
    )  # fmt: skip
    later = ProposalFactory(
        call=CallFactory(process=ProcessFactory(city=city_a)), status=ProposalStatus.AWARDED, awarded_at=timezone.now()
    )
    assert selectors.awarded_proposal(city=city_a) == later != earlier
    assert selectors.awarded_proposal(city=city_b) is None


def test_workshop_questions_are_in_order_and_say_whether_input_was_given(invitation_s, questions_a):
    workshop = invitation_s.workshop
    before = selectors.workshop_questions(workshop=workshop)
    assert before["questions"] == sorted(questions_a, key=lambda q: q.position) and not before["answered"]
    services.submission_save(invitation=invitation_s, answers=good_answers(questions_a))
    assert selectors.workshop_questions(workshop=workshop)["answered"]


def test_submission_text_reads_the_answers_in_order_with_choice_labels(invitation_s, questions_a):
    submission, _ = services.submission_save(invitation=invitation_s, answers=good_answers(questions_a))
    text = selectors.submission_text(workshop=invitation_s.workshop, submission=submission, language="en")
    assert text.splitlines()[:2] == ["Phát túi phân loại cho hộ gia đình", "Households"]
    assert selectors.submission_in_workshop(workshop=invitation_s.workshop, pk=submission.pk) == submission
    other = WorkshopFactory(process=invitation_s.workshop.process)
    assert selectors.submission_in_workshop(workshop=other, pk=submission.pk) is None
