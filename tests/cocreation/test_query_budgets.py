"""Query budgets of the co-creation pages: bounded, and not growing with the data."""

import pytest
from django.urls import reverse

from cocreation import services
from tests.querybudget import CITY_DASHBOARD_BUDGET, Page, assert_query_budgets

from .conftest import good_answers, submit_proposal, url

pytestmark = pytest.mark.django_db


LIST_BUDGETS = [
    ("cocreation:submissions", 7),
    ("cocreation:ideas", 5),
    ("cocreation:workshop", 10),
    ("cocreation:stakeholders", 6),
]


def test_list_query_budgets(client_for, member_a, city_a, invitation_s, questions_a):
    """The lists and the city dashboard keep their query counts on seed_scale data (tens of thousands of
    submissions)."""
    services.submission_save(invitation=invitation_s, answers=good_answers(questions_a))
    services.idea_create(workshop=invitation_s.workshop, title="Idea")
    client = client_for(member_a)
    pages = []
    for name, budget in LIST_BUDGETS:
        kwargs = {"slug": "can-tho"} if name == "cocreation:stakeholders" else {"pk": invitation_s.workshop_id}
        pages.append(Page(client, reverse(name, kwargs=kwargs), budget))
    assert_query_budgets([*pages, Page(client, city_a.get_absolute_url(), CITY_DASHBOARD_BUDGET)])


WORKSHOP_PAGE_BUDGETS = [("attendance", 8), ("workshop_invite", 6), ("questions", 6), ("workshop_report", 7)]


def test_workshop_pages_query_budgets(officer, invitation_s):
    """The register, the invitation list, the questions editor and the report keep their query counts."""
    services.invitation_check_in(invitation=invitation_s)
    assert_query_budgets(
        [Page(officer, url(name, pk=invitation_s.workshop_id), budget) for name, budget in WORKSHOP_PAGE_BUDGETS]
    )


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


CALL_PAGE_BUDGETS = [("call", 15), ("call_evaluation", 12), ("process_evaluation", 12)]


def test_call_pages_query_budgets(client, client_for, member_a, call_a, call_link, shortlist_a, stakeholder_a):
    """The call page, the panel pages and the SME's application form keep their query counts on seed_scale
    data."""
    services.criterion_add(process=call_a.process, call=call_a, name="Impact", weight=1)
    submit_proposal(call_a, stakeholder_a, title="A")
    member = client_for(member_a)
    pages = []
    for name, budget in CALL_PAGE_BUDGETS:
        pk = call_a.process_id if name == "process_evaluation" else call_a.pk
        pages.append(Page(member, reverse(f"cocreation:{name}", kwargs={"pk": pk}), budget))
    _invitation, apply_url = call_link
    assert_query_budgets([*pages, Page(client, apply_url, 5)])
