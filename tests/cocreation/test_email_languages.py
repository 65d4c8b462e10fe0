"""The award e-mail writes the amount asked for as the stakeholder's language writes money (ccrs.formatting)."""

import pytest
from django.core import mail
from django.utils import timezone

from cocreation import services as cocreation
from tests.cocreation.conftest import pdf_file

LANGUAGES = ["vi", "th", "id", "ms", "en"]
AWARD = {
    "vi": "2.300.000.000\xa0₫",
    "th": "₫2,300,000,000",
    "id": "₫2.300.000.000",
    "ms": "₫2,300,000,000",
    "en": "₫2,300,000,000",
}


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_award_email_writes_the_amount_as_the_stakeholders_language_does(
    language,
    call_a,
    stakeholder_a,
):
    stakeholder_a.language = language
    stakeholder_a.save(update_fields=["language"])
    proposal = cocreation.proposal_submit(
        call=call_a,
        stakeholder=stakeholder_a,
        title="Xe ba gác điện thu gom rác",
        summary="Thu gom rác hữu cơ hai lần mỗi tuần.",
        employees=8,
        registered_in_city=True,
        amount="2300000000",
        documents={"Business registration": pdf_file("dkkd.pdf"), "Work plan": pdf_file("plan.pdf")},
    )
    call_a.deadline = timezone.now() - timezone.timedelta(minutes=1)
    call_a.save(update_fields=["deadline"])
    cocreation.call_close(call=call_a)
    cocreation.proposal_award(proposal=proposal)
    mail.outbox.clear()
    assert cocreation.award_notify(proposal_id=proposal.pk)
    assert AWARD[language] in mail.outbox[0].body
