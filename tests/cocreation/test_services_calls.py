"""Services of calls for SME proposals: eligibility, documents, the deadline and the award."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from cocreation import services
from cocreation.models import CallStatus, Proposal, ProposalStatus

from .conftest import pdf_file, submit_proposal
from .factories import call_opened

pytestmark = pytest.mark.django_db


@pytest.fixture
def open_call(process_a, tagged_ideas_a):
    return call_opened(
        process_a,
        title="Gọi đề xuất: phân loại rác tại chợ",
        description="…",
        idea=tagged_ideas_a[0],
        max_employees=49,
        required_documents=["Business registration"],
        budget="500000000",
        currency="VND",
    )


@pytest.fixture
def sme_b(city_a):
    sme, _ = services.stakeholder_register(
        city=city_a, name="Phạm Minh", email="minh@xanh.example.vn", kind="sme", language="vi", size="small"
    )
    return sme


def test_proposal_eligibility_and_documents(open_call, stakeholder_a, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    with pytest.raises(ValidationError) as error:
        services.proposal_submit(
            call=open_call, stakeholder=stakeholder_a, title="T", summary="S", employees=120, registered_in_city=False
        )
    text = " ".join(error.value.messages)
    assert "at most 49 employees" in text and "registered in the city" in text and "Business registration" in text
    assert not Proposal.objects.exists()
    proposal = submit_proposal(
        open_call, stakeholder_a, title="Xe thu gom điện", employees=8, documents={"Business registration": pdf_file()}
    )
    assert proposal.documents.count() == 1


def test_proposal_after_deadline_refused(open_call, stakeholder_a):
    type(open_call).objects.filter(pk=open_call.pk).update(deadline=timezone.now() - timedelta(minutes=1))
    with pytest.raises(ValidationError, match="deadline of this call has passed"):
        submit_proposal(
            open_call, stakeholder_a, title="T", employees=3, documents={"Business registration": pdf_file()}
        )
    assert not Proposal.objects.exists()


def test_award_recorded_notified_and_read_by_pilots(
    open_call, stakeholder_a, sme_b, tmp_path, settings, city_a, django_capture_on_commit_callbacks
):
    from cocreation.selectors import awarded_proposal

    settings.MEDIA_ROOT = tmp_path
    docs = {"Business registration": pdf_file()}
    win = submit_proposal(open_call, stakeholder_a, title="A", employees=8, documents=docs)
    lose = submit_proposal(open_call, sme_b, title="B", employees=12, documents={"Business registration": pdf_file()})
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
