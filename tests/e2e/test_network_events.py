"""On a 360-px phone in Thai: a member registers for a full event, lands on the waitlist, is moved up when
another member cancels, and downloads the event's .ics with the online link in it."""

import icalendar
from django.core import mail

from network.models import Registration
from network.services import events as services
from tests.conftest import PASSWORD, make_user
from tests.e2e.test_smoke import assert_fits_a_phone, sign_in
from tests.network.events_factories import make_event


def test_a_thai_member_waits_is_promoted_and_adds_the_event_to_a_calendar(transactional_db, open_page):
    staff = make_user("staff@example.org", is_staff=True)
    holder = make_user("holder@network.example.org", is_network_member=True)
    member = make_user("pimchanok@network.example.org", is_network_member=True, language="th")
    event = make_event(
        staff,
        capacity=1,
        title="ฟื้นฟูการท่องเที่ยวริมน้ำ",
        language="th",
        online_url="https://meet.example.org/bkk-waterfront",
    )
    services.registration_create(event=event, user=holder)

    page = open_page(locale="th-TH")
    sign_in(page, member.email, PASSWORD)
    page.goto(f"/network/events/{event.pk}/")
    assert_fits_a_phone(page)
    assert "meet.example.org" not in page.inner_text("main")
    with page.expect_navigation():
        page.click("main button:has-text('ลงทะเบียน')")
    assert "รายชื่อสำรองลำดับที่ 1" in page.inner_text("[data-testid=registration-status]")
    assert_fits_a_phone(page)

    mail.outbox.clear()
    services.registration_cancel(registration=Registration.objects.get(user=holder))
    assert [m.to for m in mail.outbox] == [[member.email]]

    page.reload()
    assert "คุณลงทะเบียนแล้ว" in page.inner_text("[data-testid=registration-status]")
    assert "https://meet.example.org/bkk-waterfront" in page.inner_text("main")
    with page.expect_download() as download:
        page.click("text=เพิ่มลงในปฏิทิน")
    calendar = icalendar.Calendar.from_ical(open(download.value.path(), "rb").read())  # noqa: SIM115
    (vevent,) = calendar.walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "ฟื้นฟูการท่องเที่ยวริมน้ำ"
    assert "https://meet.example.org/bkk-waterfront" in str(vevent["DESCRIPTION"])
    assert calendar.walk("VTIMEZONE")
