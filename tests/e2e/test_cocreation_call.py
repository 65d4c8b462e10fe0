"""An SME opens its personal call link on a 360-px phone, reads the call in Vietnamese and submits a proposal."""

from datetime import timedelta

import pytest

from ccrs.links import link_token
from cocreation import services
from cocreation.models import Proposal
from tests.cocreation.factories import call_opened, workshop_scheduled
from tests.files import PDF


@pytest.fixture
def call_link(can_tho):
    city = can_tho
    process = services.process_create(city=city, title="Thu gom rác")
    workshop = workshop_scheduled(process, title="Hội thảo", starts=-timedelta(days=2), length=timedelta(hours=3))
    idea = services.idea_create(workshop=workshop, title="Túi hai màu")
    services.idea_shortlist(idea=idea)
    call = call_opened(
        process,
        idea=idea,
        title="Gọi đề xuất: túi hai màu",
        description="Thu gom rác hữu cơ tại quận Ninh Kiều.",
        max_employees=49,
        required_documents=["Giấy đăng ký kinh doanh"],
        currency="VND",
    )
    services.clarification_publish(call=call, question="Hợp tác xã có được nộp không?", answer="Có.")
    sme, _ = services.stakeholder_register(
        city=city, name="Nguyễn Thị Lan", email="lan@example.vn", kind="sme", language="vi", consent_version="2026-01"
    )
    invitation, _ = services.call_invitation_create(call=call, stakeholder=sme)
    return f"/cocreation/apply/{link_token(services.CALL_INVITATION, invitation)}/"


def test_sme_submits_a_proposal_on_a_phone(call_link, open_page, tmp_path):
    page = open_page(locale="en-GB")  # an English phone: the page follows the SME's language
    page.goto(call_link)
    assert page.get_attribute("html", "lang") == "vi"
    main = page.inner_text("main")
    assert "Gọi đề xuất: túi hai màu" in main and "Hợp tác xã có được nộp không?" in main
    assert "Cần Thơ" in main and "Asia/Ho_Chi_Minh" not in main  # the deadline in the city's time, named in words
    document = tmp_path / "dang-ky.pdf"
    document.write_bytes(PDF)
    page.locator("input[name=title]").fill("Xe ba gác điện thu gom rác hữu cơ")
    page.locator("textarea[name=summary]").fill("Thu gom hai lần mỗi tuần tại 2.000 hộ.")
    page.locator("input[name=employees]").fill("8")
    page.locator("input[name=document_0]").set_input_files(str(document))
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    assert page.locator(".alert-success").first.is_visible()
    assert "Xe ba gác điện thu gom rác hữu cơ" in page.inner_text("main")
    proposal = Proposal.objects.get()
    assert proposal.employees == 8 and proposal.registered_in_city
    assert list(proposal.documents.values_list("name", flat=True)) == ["Giấy đăng ký kinh doanh"]


def test_staff_pages_of_ideas_panel_and_call_fit_a_phone(transactional_db, open_page):
    """On the demo, staff open the ideas, the panel, a score sheet and the call on a 360-px phone."""
    from django.core.management import call_command

    from cocreation.models import Call
    from tests.e2e.test_smoke import assert_fits_a_phone, sign_in

    call_command("seed_demo", verbosity=0)
    call = Call.objects.get(process__city__slug="jakarta")
    proposal = call.proposals.get()
    page = open_page()
    sign_in(page, "staff@ccrs.demo")
    for path, text in [
        (f"/cocreation/workshop/{call.idea.workshop_id}/ideas/", "Bank sampah keliling per RW"),
        (f"/cocreation/call/{call.pk}/", "Nomor Induk Berusaha (NIB)"),
        (f"/cocreation/call/{call.pk}/evaluation/", "Dampak"),
        (f"/cocreation/proposal/{proposal.pk}/score/", proposal.title),
        (f"/cocreation/process/{call.process_id}/calls/new/", "Bank sampah keliling per RW"),
    ]:
        page.goto(path)
        assert text in page.inner_text("main"), path
        assert_fits_a_phone(page)
