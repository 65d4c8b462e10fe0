"""Writes of the pilots app: the update workflow, money rules, reminders and notices; bad input changes nothing."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from pilots import services
from pilots.models import BudgetLine, Expenditure, Pilot, PilotStatus, Update, UpdateEvidence, UpdateStatus
from tests.files import JPEG


def spend(budget_line, spent_on: date, amount: str, currency: str, description: str):
    return services.expenditure_record(
        budget_line=budget_line, spent_on=spent_on, amount=Decimal(amount), currency=currency, description=description
    )


def test_actual_counts_approved_updates_only(update_a, period_a, staff, member_a, django_capture_on_commit_callbacks):
    """Submitted and returned updates do not count; after approval the period's actual is the value."""
    period_a.refresh_from_db()
    assert period_a.actual_value is None
    with django_capture_on_commit_callbacks(execute=True):
        services.update_return(update=update_a, reviewer=staff, comment="Thiếu ảnh minh chứng.")
    period_a.refresh_from_db()
    assert period_a.actual_value is None
    update = services.update_revise(
        update=update_a,
        user=member_a,
        value="45",
        narrative="Đã bổ sung.",
        disaggregated={"women_led": {"women_led": "20", "other": "25"}},
        files=[SimpleUploadedFile("bins.jpg", JPEG, content_type="image/jpeg")],
    )
    assert update.status == UpdateStatus.SUBMITTED and update.revision == 2
    with django_capture_on_commit_callbacks(execute=True):
        services.update_approve(update=update, reviewer=staff)
    period_a.refresh_from_db()
    assert period_a.actual_value == Decimal("45")
    # The officer has no language of their own: the e-mails speak the city's (Vietnamese).
    assert [m.subject for m in mail.outbox] == [
        "Báo cáo của bạn về “Tonnes of waste separated” cần chỉnh sửa",
        "Báo cáo của bạn về “Tonnes of waste separated” đã được duyệt",
    ]
    assert "Thiếu ảnh minh chứng." in mail.outbox[0].body
    assert UpdateEvidence.objects.get().content_type == "image/jpeg"


def test_notice_is_sent_once(update_a, staff, django_capture_on_commit_callbacks):
    """The notify task is idempotent: running it again for the same review sends nothing."""
    with django_capture_on_commit_callbacks(execute=True):
        services.update_approve(update=update_a, reviewer=staff)
    assert len(mail.outbox) == 1
    assert services.update_notify(update_id=update_a.pk) is False
    assert len(mail.outbox) == 1


def test_two_approved_updates_add_up(period_a, update_a, member_a, staff):
    second = services.update_submit(
        period=period_a, user=member_a, value="12.5", disaggregated={"women_led": {"women_led": "2.5", "other": "10"}}
    )
    services.update_approve(update=update_a, reviewer=staff)
    services.update_approve(update=second, reviewer=staff)
    period_a.refresh_from_db()
    assert period_a.actual_value == Decimal("52.5")


def test_percentage_actual_pools_numerators_and_denominators(percentage_period, member_a, staff):
    one = services.update_submit(period=percentage_period, user=member_a, numerator="30", denominator="50")
    two = services.update_submit(period=percentage_period, user=member_a, numerator="10", denominator="50")
    assert one.value == Decimal("60.00")
    services.update_approve(update=one, reviewer=staff)
    services.update_approve(update=two, reviewer=staff)
    percentage_period.refresh_from_db()
    assert percentage_period.actual_value == Decimal("40.00")


def test_disaggregation_that_does_not_add_up_marks_the_update_incomplete(period_a, member_a):
    update = services.update_submit(
        period=period_a, user=member_a, value="40", disaggregated={"women_led": {"women_led": "10", "other": "20"}}
    )
    assert update.incomplete is True
    missing = services.update_submit(period=period_a, user=member_a, value="40")
    assert missing.incomplete is True
    complete = services.update_submit(
        period=period_a, user=member_a, value="40", disaggregated={"women_led": {"women_led": "10", "other": "30"}}
    )
    assert complete.incomplete is False


# --- bad input: refused with a message that names the field, nothing saved -------------------


@pytest.mark.parametrize("value", ["forty", "12kg", "NaN", ""])
def test_non_numeric_value_is_refused(period_a, member_a, value):
    with pytest.raises(ValidationError) as caught:
        services.update_submit(period=period_a, user=member_a, value=value)
    assert "value" in caught.value.message_dict
    assert (
        "number" in caught.value.message_dict["value"][0] or "Enter the value" in caught.value.message_dict["value"][0]
    )
    assert not Update.objects.exists()


def test_percentage_without_denominator_is_refused(percentage_period, member_a):
    with pytest.raises(ValidationError) as caught:
        services.update_submit(period=percentage_period, user=member_a, numerator="30", denominator="")
    assert caught.value.message_dict["denominator"] == ["A percentage needs its denominator: enter it."]
    with pytest.raises(ValidationError) as caught:
        services.update_submit(period=percentage_period, user=member_a, numerator="30", denominator="0")
    assert "denominator" in caught.value.message_dict
    assert not Update.objects.exists()


def test_update_for_a_locked_period_is_refused(period_a, member_a):
    services.period_lock(period=period_a)
    with pytest.raises(ValidationError) as caught:
        services.update_submit(period=period_a, user=member_a, value="10")
    assert "locked" in caught.value.message_dict["period"][0]
    assert not Update.objects.exists()


def test_revision_of_an_update_in_a_locked_period_is_refused(update_a, period_a, member_a):
    services.period_lock(period=period_a)
    with pytest.raises(ValidationError):
        services.update_revise(update=update_a, user=member_a, value="99")
    update_a.refresh_from_db()
    assert update_a.value == Decimal("40")


def test_evidence_of_another_type_is_refused(period_a, member_a):
    fake = SimpleUploadedFile("photo.jpg", b"MZ\x90\x00this is a program", content_type="image/jpeg")
    with pytest.raises(ValidationError) as caught:
        services.update_submit(period=period_a, user=member_a, value="10", files=[fake])
    assert "photo.jpg is not a photo" in caught.value.message_dict["evidence"][0]
    assert not Update.objects.exists() and not UpdateEvidence.objects.exists()


def test_expenditure_in_a_currency_without_rate_is_refused(budget_line_a):
    with pytest.raises(ValidationError) as caught:
        spend(budget_line_a, date(2024, 3, 1), "5000", "THB", "Boat hire")
    assert "no exchange rate from THB to USD" in caught.value.message_dict["currency"][0]
    with pytest.raises(ValidationError) as caught:
        spend(budget_line_a, date(2022, 3, 1), "5000", "VND", "Too early for the first rate")
    assert "currency" in caught.value.message_dict
    assert not Expenditure.objects.exists()


def test_spending_past_the_budget_needs_an_approval(budget_line_a, pilot_a, staff):
    spend(budget_line_a, date(2024, 3, 1), "1000000000", "VND", "Bins (1 bn VND = 40,000 USD)")
    with pytest.raises(ValidationError) as caught:
        spend(budget_line_a, date(2024, 4, 1), "25000", "USD", "Trucks")
    assert "past the budget" in caught.value.message_dict["amount"][0]
    assert Expenditure.objects.count() == 1
    services.budget_approval_record(
        pilot=pilot_a, amount=Decimal("5000"), reason="Truck prices rose", approved_by=staff
    )
    spend(budget_line_a, date(2024, 4, 1), "25000", "USD", "Trucks")
    assert Expenditure.objects.count() == 2


def test_budget_line_past_the_funding_needs_an_approval(budget_line_a, pilot_a, staff):
    """Funding is 100,000 USD + 1 bn VND (40,000 USD at the 2024 rate); lines may reach 140,000 USD."""
    with pytest.raises(ValidationError) as caught:
        services.budget_line_save(
            pilot=pilot_a, category="personnel", description="Field team", amount=Decimal("90000"), currency="USD"
        )
    assert "Record a budget approval first" in caught.value.message_dict["amount"][0]
    assert BudgetLine.objects.count() == 1
    services.budget_approval_record(pilot=pilot_a, amount=Decimal("10000"), reason="City top-up", approved_by=staff)
    services.budget_line_save(
        pilot=pilot_a, category="personnel", description="Field team", amount=Decimal("90000"), currency="USD"
    )
    assert BudgetLine.objects.count() == 2


@pytest.mark.parametrize(
    ("start", "target"),
    [(PilotStatus.PLANNED, PilotStatus.COMPLETED), (PilotStatus.ACTIVE, PilotStatus.PLANNED)],
)
def test_illegal_status_change_is_refused(pilot_a, start, target):
    Pilot.objects.filter(pk=pilot_a.pk).update(status=start)
    with pytest.raises(ValidationError) as caught:
        services.pilot_status_change(pilot=pilot_a, status=target)
    assert "status" in caught.value.message_dict
    pilot_a.refresh_from_db()
    assert pilot_a.status == start


def test_legal_status_changes(pilot_a):
    for status in [PilotStatus.PAUSED, PilotStatus.ACTIVE, PilotStatus.COMPLETED]:
        services.pilot_status_change(pilot=pilot_a, status=status)
    pilot_a.refresh_from_db()
    assert pilot_a.status == PilotStatus.COMPLETED


def test_return_needs_a_comment(update_a, staff):
    with pytest.raises(ValidationError) as caught:
        services.update_return(update=update_a, reviewer=staff, comment="  ")
    assert "comment" in caught.value.message_dict
    update_a.refresh_from_db()
    assert update_a.status == UpdateStatus.SUBMITTED


def test_an_approved_update_cannot_be_reviewed_again(update_a, staff):
    services.update_approve(update=update_a, reviewer=staff)
    with pytest.raises(ValidationError):
        services.update_return(update=update_a, reviewer=staff, comment="Wrong")


def test_reminder_before_a_period_ends_is_sent_once(period_a, member_a, lead_a, member_b):
    """The beat task's service: the city's leads and officers are reminded once per period."""
    today = period_a.end - timedelta(days=3)
    assert services.period_reminders_send(today=today) == 2
    recipients = sorted(address for m in mail.outbox for address in m.to)
    assert recipients == sorted([member_a.email, lead_a.email])
    assert "Tonnes of waste separated" in mail.outbox[0].subject
    assert services.period_reminders_send(today=today) == 0
    assert len(mail.outbox) == 2
    period_a.refresh_from_db()
    assert period_a.reminder_sent_at is not None


def test_no_reminder_far_from_the_end_or_for_locked_periods(period_a, member_a):
    assert services.period_reminders_send(today=period_a.end - timedelta(days=30)) == 0
    services.period_lock(period=period_a)
    assert services.period_reminders_send(today=period_a.end - timedelta(days=1)) == 0
    assert not mail.outbox


def test_beat_schedule_registers_the_reminder():
    from ccrs.celery import app
    from pilots import tasks

    assert app.conf.beat_schedule["pilots-period-reminders"]["task"] == tasks.period_reminders.name
