"""Writes of a pilot's money: exchange rates, co-funding, budget approvals, budget lines and spending."""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from ..currency import MissingRate, RateTable
from ..models import BudgetApproval, BudgetLine, ExchangeRate, Expenditure, FundingSource, Pilot
from ..selectors import budget_totals, rate_table
from .evidence import evidence_check


def _convert(table: RateTable, amount, currency, on, *, field: str) -> Decimal:
    try:
        return table.convert(amount, currency, on)
    except MissingRate as missing:
        raise ValidationError(
            {
                field: _(
                    "There is no exchange rate from %(currency)s to %(reporting)s on or before %(date)s. "
                    "Ask program staff to enter one first."
                )
                % {"currency": missing.currency, "reporting": table.reporting_currency, "date": date_format(missing.on)}
            }
        ) from None


@transaction.atomic
def exchange_rate_set(*, currency: str, reporting_currency: str, valid_from: date, rate) -> ExchangeRate:
    """Record (or correct) the rate of one day."""
    if currency == reporting_currency:
        raise ValidationError({"currency": _("A rate needs two different currencies.")})
    row, _created = ExchangeRate.objects.update_or_create(
        currency=currency, reporting_currency=reporting_currency, valid_from=valid_from, defaults={"rate": rate}
    )
    row.full_clean()
    return row


@transaction.atomic
def funding_add(*, pilot: Pilot, kind: str, funder: str, amount, currency: str, committed_on: date) -> FundingSource:
    source = FundingSource(
        pilot=pilot, kind=kind, funder=funder, amount=amount, currency=currency, committed_on=committed_on
    )
    source.full_clean()
    _convert(rate_table(reporting_currency=pilot.reporting_currency), amount, currency, committed_on, field="currency")
    source.save()
    return source


@transaction.atomic
def budget_approval_record(*, pilot: Pilot, amount, reason: str, approved_by) -> BudgetApproval:
    """Staff allow the plan or the spending to pass the budget by up to `amount` (reporting currency)."""
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the budget may be exceeded.")})
    approval = BudgetApproval(pilot=pilot, amount=amount, reason=reason, approved_by=approved_by)
    approval.full_clean()
    approval.save()
    return approval


def budget_line_check(*, pilot: Pilot, amount, currency: str, line_pk: int | None = None) -> None:
    """Refuse a line in a currency without a rate, or one that brings the plan past funding and approvals."""
    table = rate_table(reporting_currency=pilot.reporting_currency)
    new_amount = _convert(table, amount, currency, pilot.start_date, field="currency")
    others = pilot.budget_lines.exclude(pk=line_pk).values_list("amount", "currency")
    planned = new_amount + sum(
        (_convert(table, a, c, pilot.start_date, field="currency") for a, c in others), Decimal("0.00")
    )
    totals = budget_totals(pilot=pilot, table=table)
    ceiling = totals["funding"] + totals["approved_excess"]
    if planned > ceiling:
        raise ValidationError(
            {
                "amount": _(
                    "This line brings the budget to %(planned)s %(currency)s, past the %(ceiling)s %(currency)s "
                    "funded and approved. Record a budget approval first, or lower the amount."
                )
                % {"planned": planned, "ceiling": ceiling, "currency": pilot.reporting_currency}
            }
        )


@transaction.atomic
def budget_line_save(
    *, pilot: Pilot, category: str, description: str, amount, currency: str, line: BudgetLine | None = None
) -> BudgetLine:
    """Add or change a budget line; refused if the plan would pass the funding without an approval."""
    pilot = Pilot.objects.select_for_update().get(pk=pilot.pk)
    line = line or BudgetLine(pilot=pilot)
    line.category, line.description, line.amount, line.currency = category, description, amount, currency
    line.full_clean()
    budget_line_check(pilot=pilot, amount=amount, currency=currency, line_pk=line.pk)
    line.save()
    return line


def expenditure_check(
    *, pilot: Pilot, amount, currency: str, spent_on: date, expenditure_pk: int | None = None
) -> None:
    """Refuse spending in a currency without a rate on its date, or past the budget without an approval."""
    table = rate_table(reporting_currency=pilot.reporting_currency)
    converted = _convert(table, amount, currency, spent_on, field="currency")
    totals = budget_totals(pilot=pilot, table=table, exclude_expenditure=expenditure_pk)
    ceiling = totals["planned"] + totals["approved_excess"]
    if totals["spent"] + converted > ceiling:
        raise ValidationError(
            {
                "amount": _(
                    "This brings spending to %(spent)s %(currency)s, past the budget of %(ceiling)s %(currency)s. "
                    "Record a budget approval first."
                )
                % {"spent": totals["spent"] + converted, "ceiling": ceiling, "currency": pilot.reporting_currency}
            }
        )


@transaction.atomic
def expenditure_record(
    *, budget_line: BudgetLine, spent_on: date, amount, currency: str, description: str, evidence_file=None
) -> Expenditure:
    """Record spending; refused without an exchange rate or past the budget without an approval."""
    pilot = Pilot.objects.select_for_update().get(pk=budget_line.pilot_id)
    expenditure = Expenditure(
        budget_line=budget_line, spent_on=spent_on, amount=amount, currency=currency, description=description
    )
    if evidence_file is not None:
        evidence_check([evidence_file])
        expenditure.evidence = evidence_file
    expenditure.full_clean()
    expenditure_check(pilot=pilot, amount=amount, currency=currency, spent_on=spent_on)
    expenditure.save()
    return expenditure
