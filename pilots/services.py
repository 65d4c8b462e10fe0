"""Writes of the pilots app: the pilot and its budget, workplan, risks, results framework and updates."""

from datetime import date
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from ccrs.inputs import decimal_for_column, fit_decimal
from ccrs.models import CityMembership, CityRole
from cocreation.models import Proposal, ProposalStatus
from sectors.selectors import approved_sector, sector_baselines

from . import actuals, evidence
from .currency import MissingRate, RateTable
from .health import disaggregation_gaps
from .models import (
    DISAGGREGATIONS,
    PILOT_TRANSITIONS,
    BudgetApproval,
    BudgetLine,
    CoBenefit,
    ExchangeRate,
    Expenditure,
    FirmSize,
    FundingSource,
    Indicator,
    Measure,
    Milestone,
    MilestoneStatus,
    Period,
    Pilot,
    PilotStatus,
    Result,
    ResultType,
    Risk,
    SMEPartner,
    Update,
    UpdateEvidence,
    UpdateStatus,
)
from .selectors import budget_totals, periods_due_for_reminder, rate_table

# --- the pilot -------------------------------------------------------------------------------


@transaction.atomic
def pilot_create(*, city, title: str, start_date: date, end_date: date, **fields) -> Pilot:
    """A new pilot of a city, planned; entered by staff (`pilot_start_from_award` starts one from a call)."""
    pilot = Pilot(city=city, title=title, start_date=start_date, end_date=end_date, **fields)
    pilot.full_clean()
    pilot.save()
    return pilot


FIRM_SIZES = {"micro": FirmSize.MICRO, "small": FirmSize.SMALL, "medium": FirmSize.MEDIUM}


@transaction.atomic
def pilot_start_from_award(
    *, proposal, title: str, start_date: date, end_date: date, reporting_currency: str = "USD", description: str = ""
) -> Pilot:
    """A planned pilot from the proposal awarded in a city's call: its solution, its SME as partner and the
    city's approved sector (whose baselines the indicators can then start from)."""
    proposal = (
        Proposal.objects.select_for_update(of=("self",))
        .select_related("call__process__city", "stakeholder")
        .get(pk=proposal.pk)
    )
    if proposal.status != ProposalStatus.AWARDED:
        raise ValidationError(
            {"proposal": _("Only an awarded proposal can start a pilot; award it in its call first.")}
        )
    if Pilot.objects.filter(proposal=proposal).exists():
        raise ValidationError({"proposal": _("This proposal has started a pilot already; open that pilot instead.")})
    city = proposal.call.process.city
    sector = approved_sector(city=city)
    pilot = pilot_create(
        city=city,
        title=title,
        description=description,
        solution=f"{proposal.title}\n\n{proposal.summary}".strip(),
        proposal=proposal,
        sector_isic=sector.isic.code if sector else "",
        sector_name=sector.local_name if sector else "",
        start_date=start_date,
        end_date=end_date,
        reporting_currency=reporting_currency,
    )
    sme = proposal.stakeholder
    partner_add(
        pilot=pilot,
        name=(sme.organisation or sme.name)[:200],
        contact=", ".join(part for part in (sme.name, sme.email, sme.phone) if part)[:200],
        firm_size=FIRM_SIZES.get(sme.size, FirmSize.SMALL),
        women_led=sme.women_led,
    )
    return pilot


@transaction.atomic
def pilot_status_change(*, pilot: Pilot, status: str) -> Pilot:
    """Move the pilot to `status` if the change is legal (planned → active → paused/completed …)."""
    pilot = Pilot.objects.select_for_update().get(pk=pilot.pk)
    allowed = PILOT_TRANSITIONS.get(pilot.status, set())
    if status not in allowed:
        raise ValidationError(
            {
                "status": _("A %(current)s pilot cannot become %(new)s. Allowed: %(allowed)s.")
                % {
                    "current": pilot.get_status_display().lower(),
                    "new": dict(PilotStatus.choices).get(status, status).lower(),
                    "allowed": ", ".join(str(PilotStatus(s).label).lower() for s in sorted(allowed)) or "—",
                }
            }
        )
    pilot.status = status
    pilot.save(update_fields=["status", "updated_at"])
    return pilot


@transaction.atomic
def partner_add(*, pilot: Pilot, name: str, **fields) -> SMEPartner:
    partner = SMEPartner(pilot=pilot, name=name, **fields)
    partner.full_clean()
    partner.save()
    return partner


# --- money -----------------------------------------------------------------------------------


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
        _check_evidence([evidence_file])
        expenditure.evidence = evidence_file
    expenditure.full_clean()
    expenditure_check(pilot=pilot, amount=amount, currency=currency, spent_on=spent_on)
    expenditure.save()
    return expenditure


# --- workplan and risks ----------------------------------------------------------------------


@transaction.atomic
def milestone_save(*, pilot: Pilot, milestone: Milestone | None = None, **fields) -> Milestone:
    milestone = milestone or Milestone(pilot=pilot)
    for key, value in fields.items():
        setattr(milestone, key, value)
    if milestone.status == MilestoneStatus.DONE and milestone.completed_on is None:
        milestone.completed_on = timezone.localdate()
    milestone.full_clean()
    milestone.save()
    return milestone


@transaction.atomic
def milestone_status_set(*, milestone: Milestone, status: str, on: date | None = None) -> Milestone:
    """Move a milestone to a status; done records the day it was completed."""
    if status not in MilestoneStatus.values:
        raise ValidationError({"status": _("Choose planned, in progress, done or cancelled.")})
    milestone = Milestone.objects.select_for_update().get(pk=milestone.pk)
    milestone.status = status
    milestone.completed_on = (on or timezone.localdate()) if status == MilestoneStatus.DONE else None
    milestone.save(update_fields=["status", "completed_on", "updated_at"])
    return milestone


@transaction.atomic
def risk_save(*, pilot: Pilot, risk: Risk | None = None, **fields) -> Risk:
    risk = risk or Risk(pilot=pilot)
    for key, value in fields.items():
        setattr(risk, key, value)
    for name in ("likelihood", "impact"):
        if getattr(risk, name) not in range(1, 6):
            raise ValidationError({name: _("Score it from 1 (low) to 5 (high).")})
    risk.full_clean()
    risk.save()
    return risk


# --- results framework -----------------------------------------------------------------------


@transaction.atomic
def result_create(*, pilot: Pilot, type: str, title: str, description: str = "") -> Result:
    if type not in ResultType.values:
        raise ValidationError({"type": _("Choose output, outcome or impact.")})
    result = Result(pilot=pilot, type=type, title=title, description=description)
    result.full_clean()
    result.save()
    return result


@transaction.atomic
def indicator_create(
    *,
    result: Result,
    title: str,
    measure: str,
    unit: str = "",
    ascending: bool = True,
    baseline_value=None,
    baseline_year: int | None = None,
    baseline_comment: str = "",
    co_benefits: list[str] = (),
    disaggregations: list[str] = (),
    description: str = "",
    sector_baseline=None,
) -> Indicator:
    """An indicator of a result; a quantitative one with a baseline needs the baseline's year.

    With `sector_baseline` (a value of the city's approved sector assessment) the baseline's value,
    year, unit, direction and source are taken from it.
    """
    if measure not in Measure.values:
        raise ValidationError({"measure": _("Choose unit, percentage or qualitative.")})
    if sector_baseline is not None:
        if sector_baseline not in sector_baselines(city=result.pilot.city):
            raise ValidationError(
                {"sector_baseline": _("Choose a baseline from this city's approved sector assessment.")}
            )
        if measure == Measure.QUALITATIVE:
            raise ValidationError({"sector_baseline": _("A qualitative indicator has no numeric baseline.")})
        selection = sector_baseline.selection
        baseline_value = sector_baseline.value
        baseline_year = selection.assessment.year or selection.decided_at.year
        baseline_comment = (
            _("Sector assessment of %(sector)s: %(source)s")
            % {"sector": selection.sector.local_name, "source": sector_baseline.source or sector_baseline.name}
        )[:300]
        unit = unit or sector_baseline.unit
        ascending = sector_baseline.direction != "lower"
    bad = [c for c in co_benefits if c not in CoBenefit.values]
    if bad:
        raise ValidationError({"co_benefits": _("Unknown co-benefits: %(tags)s.") % {"tags": ", ".join(bad)}})
    bad = [d for d in disaggregations if d not in DISAGGREGATIONS]
    if bad:
        raise ValidationError({"disaggregations": _("Unknown disaggregations: %(keys)s.") % {"keys": ", ".join(bad)}})
    if measure == Measure.QUALITATIVE:
        baseline_value = None
    if baseline_value is not None and baseline_year is None:
        raise ValidationError({"baseline_year": _("Give the year the baseline value was measured.")})
    indicator = Indicator(
        result=result,
        title=title,
        description=description,
        measure=measure,
        unit=unit if measure == Measure.UNIT else "",
        ascending=ascending,
        baseline_value=baseline_value,
        baseline_year=baseline_year,
        baseline_comment=baseline_comment,
        co_benefits=list(co_benefits),
        disaggregations=list(disaggregations),
        sector_baseline=sector_baseline,
    )
    indicator.full_clean()
    indicator.save()
    return indicator


@transaction.atomic
def period_create(*, indicator: Indicator, start: date, end: date, target_value=None, target_comment="") -> Period:
    if end < start:
        raise ValidationError({"end": _("The period must end on or after its start.")})
    if indicator.measure == Measure.QUALITATIVE:
        target_value = None
    period = Period(indicator=indicator, start=start, end=end, target_value=target_value, target_comment=target_comment)
    period.full_clean()
    period.save()
    return period


@transaction.atomic
def period_lock(*, period: Period, locked: bool = True) -> Period:
    """Lock a period (no more updates, reviews or changes) or open it again."""
    period = Period.objects.select_for_update().get(pk=period.pk)
    period.locked = locked
    period.save(update_fields=["locked", "updated_at"])
    return period


def period_recompute_actual(*, period: Period) -> Period:
    """Set the period's actual from its approved updates only."""
    approved = list(
        period.updates.filter(status=UpdateStatus.APPROVED).values_list("value", "numerator", "denominator")
    )
    period.actual_value = actuals.period_actual(period.indicator.measure, approved)
    period.save(update_fields=["actual_value", "updated_at"])
    return period


# --- updates ---------------------------------------------------------------------------------


def _number(raw, field: str, label: str, *, column: bool = True) -> Decimal | None:
    """A number typed into the update form; one saved in Update's column of `field` must fit it."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    try:
        value = Decimal(str(raw).strip().replace(",", ""))
    except InvalidOperation:
        raise ValidationError(
            {field: _("%(label)s must be a number, such as 120 or 3.5.") % {"label": label}}
        ) from None
    if not value.is_finite():
        raise ValidationError({field: _("%(label)s must be a number, such as 120 or 3.5.") % {"label": label}})
    if not column:
        return value
    try:
        return decimal_for_column(value, field=Update._meta.get_field(field), label=label)
    except ValidationError as error:
        raise ValidationError({field: error.messages}) from None


def _clean_figures(indicator: Indicator, *, value, numerator, denominator, narrative, disaggregated) -> dict:
    """Parse and check an update's figures for its indicator; raises ValidationError naming the field."""
    figures = {"value": None, "numerator": None, "denominator": None, "disaggregated": {}}
    if indicator.measure == Measure.QUALITATIVE:
        if not narrative.strip():
            raise ValidationError({"narrative": _("Describe the progress: this indicator is qualitative.")})
        return {**figures, "incomplete": False}
    if indicator.measure == Measure.PERCENTAGE:
        figures["numerator"] = _number(numerator, "numerator", _("The numerator"))
        figures["denominator"] = _number(denominator, "denominator", _("The denominator"))
        if figures["numerator"] is None:
            raise ValidationError({"numerator": _("Enter the numerator of the percentage.")})
        if figures["denominator"] is None:
            raise ValidationError({"denominator": _("A percentage needs its denominator: enter it.")})
        if figures["denominator"] <= 0:
            raise ValidationError({"denominator": _("The denominator must be more than zero.")})
        if figures["numerator"] < 0:
            raise ValidationError({"numerator": _("The numerator cannot be negative.")})
        figures["value"] = fit_decimal(
            actuals.percentage(figures["numerator"], figures["denominator"]),
            max_digits=Update._meta.get_field("value").max_digits,
            decimal_places=Update._meta.get_field("value").decimal_places,
        )
        if figures["value"] is None:
            raise ValidationError(
                {"denominator": _("The percentage is too large: check the numerator and the denominator.")}
            )
    else:
        figures["value"] = _number(value, "value", _("The value"))
        if figures["value"] is None:
            raise ValidationError({"value": _("Enter the value reached in this period.")})
    breakdown = {}
    for key, _label, categories in indicator.disaggregation_categories():
        entered = (disaggregated or {}).get(key) or {}
        values = {
            cat: _number(entered.get(cat), f"disaggregated_{key}_{cat}", str(label), column=False)
            for cat, label in categories
        }
        if any(v is not None for v in values.values()):
            breakdown[key] = {cat: (str(v) if v is not None else None) for cat, v in values.items()}
    total = figures["numerator"] if indicator.measure == Measure.PERCENTAGE else figures["value"]
    gaps = disaggregation_gaps(
        total,
        {k: {c: (Decimal(v) if v is not None else None) for c, v in vals.items()} for k, vals in breakdown.items()},
    )
    missing_dimensions = [key for key in indicator.disaggregations if key in DISAGGREGATIONS and key not in breakdown]
    figures["disaggregated"] = breakdown
    figures["incomplete"] = bool(gaps or missing_dimensions)
    return figures


def _check_open(period: Period) -> None:
    if period.locked:
        raise ValidationError(
            {"period": _("This period is locked: no updates can be added or changed. Ask program staff to open it.")}
        )
    if period.indicator.result.pilot.status != PilotStatus.ACTIVE:
        raise ValidationError({"period": _("Updates can only be reported while the pilot is active.")})


def _check_evidence(files) -> list:
    """[(upload, content type, kind)] of acceptable files; refuses a file too large or of another type."""
    checked = []
    for upload in files or []:
        if upload.size > evidence.MAX_EVIDENCE_BYTES:
            raise ValidationError(
                {"evidence": _("%(name)s is larger than 10 MB. Send a smaller photo or file.") % {"name": upload.name}}
            )
        upload.seek(0)
        head = upload.read(16)
        upload.seek(0)
        found = evidence.sniff(head)
        if found is None:
            raise ValidationError(
                {"evidence": _("%(name)s is not a photo (JPEG, PNG, WebP, HEIC) or a PDF.") % {"name": upload.name}}
            )
        checked.append((upload, *found))
    return checked


def _attach_evidence(update: Update, checked) -> None:
    for upload, content_type, kind in checked:
        UpdateEvidence.objects.create(
            update=update, file=upload, kind=kind, content_type=content_type, size=upload.size
        )


@transaction.atomic
def update_submit(
    *,
    period: Period,
    user,
    value=None,
    numerator=None,
    denominator=None,
    narrative: str = "",
    disaggregated: dict | None = None,
    files=(),
) -> Update:
    """A city officer reports on a period; staff review it next."""
    period = Period.objects.select_for_update().select_related("indicator__result__pilot").get(pk=period.pk)
    _check_open(period)
    figures = _clean_figures(
        period.indicator,
        value=value,
        numerator=numerator,
        denominator=denominator,
        narrative=narrative,
        disaggregated=disaggregated,
    )
    checked = _check_evidence(files)
    update = Update.objects.create(
        period=period,
        narrative=narrative.strip(),
        submitted_by=user,
        submitted_at=timezone.now(),
        status=UpdateStatus.SUBMITTED,
        **figures,
    )
    _attach_evidence(update, checked)
    return update


@transaction.atomic
def update_revise(
    *,
    update: Update,
    user,
    value=None,
    numerator=None,
    denominator=None,
    narrative: str = "",
    disaggregated: dict | None = None,
    files=(),
) -> Update:
    """The officer corrects a returned (or still unreviewed) update and submits it again."""
    update = Update.objects.select_for_update().select_related("period__indicator__result__pilot").get(pk=update.pk)
    if update.status == UpdateStatus.APPROVED:
        raise ValidationError({"status": _("An approved update cannot be changed.")})
    _check_open(update.period)
    figures = _clean_figures(
        update.period.indicator,
        value=value,
        numerator=numerator,
        denominator=denominator,
        narrative=narrative,
        disaggregated=disaggregated,
    )
    checked = _check_evidence(files)
    for key, item in figures.items():
        setattr(update, key, item)
    update.narrative = narrative.strip()
    if update.status == UpdateStatus.RETURNED:
        update.revision += 1
    update.status = UpdateStatus.SUBMITTED
    update.submitted_by = user
    update.submitted_at = timezone.now()
    update.save(
        update_fields=[
            *figures.keys(),
            "narrative",
            "status",
            "revision",
            "submitted_by",
            "submitted_at",
            "updated_at",
        ]
    )
    _attach_evidence(update, checked)
    return update


def _review(update: Update, reviewer, status: str, comment: str) -> Update:
    from .tasks import update_notify

    update = Update.objects.select_for_update().select_related("period__indicator__result__pilot").get(pk=update.pk)
    if update.status != UpdateStatus.SUBMITTED:
        raise ValidationError(
            {
                "status": _("Only a submitted update can be reviewed; this one is %(status)s.")
                % {"status": update.get_status_display().lower()}
            }
        )
    if update.period.locked:
        raise ValidationError({"period": _("This period is locked: open it before reviewing its updates.")})
    update.status = status
    update.reviewed_by = reviewer
    update.reviewed_at = timezone.now()
    update.review_comment = comment.strip()
    update.save(update_fields=["status", "reviewed_by", "reviewed_at", "review_comment", "updated_at"])
    period_recompute_actual(period=update.period)
    update_notify.delay_on_commit(update.pk)
    return update


@transaction.atomic
def update_approve(*, update: Update, reviewer, comment: str = "") -> Update:
    """Staff accept the update: the period's actual now counts it."""
    return _review(update, reviewer, UpdateStatus.APPROVED, comment)


@transaction.atomic
def update_return(*, update: Update, reviewer, comment: str) -> Update:
    """Staff send the update back to the officer with what to correct."""
    if not comment.strip():
        raise ValidationError({"comment": _("Say what the officer should correct.")})
    return _review(update, reviewer, UpdateStatus.RETURNED, comment)


# --- notifications ---------------------------------------------------------------------------


def _language_of(user, city) -> str:
    supported = {code for code, _name in settings.LANGUAGES}
    if user.language:
        return user.language
    return next((code for code in city.languages if code in supported), "en")


def update_notify(*, update_id: int) -> bool:
    """E-mail the officer that their update was approved or returned; once per review."""
    with transaction.atomic():
        update = (
            Update.objects.select_for_update(of=("self",))
            .select_related("period__indicator__result__pilot__city", "submitted_by", "reviewed_by")
            .filter(pk=update_id)
            .first()
        )
        if update is None or update.status not in {UpdateStatus.APPROVED, UpdateStatus.RETURNED}:
            return False
        key = f"{update.status}:{update.revision}"
        if update.notified == key:
            return False
        pilot = update.period.indicator.result.pilot
        with translation.override(_language_of(update.submitted_by, pilot.city)):
            if update.status == UpdateStatus.APPROVED:
                subject = _("Your update on “%(indicator)s” was approved") % {"indicator": update.period.indicator}
            else:
                subject = _("Your update on “%(indicator)s” needs changes") % {"indicator": update.period.indicator}
            body = render_to_string(
                "pilots/email/update_reviewed.txt",
                {"update": update, "pilot": pilot, "link": f"{settings.SITE_URL}{update.get_absolute_url()}"},
            )
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [update.submitted_by.email])
        update.notified = key
        update.save(update_fields=["notified"])
    return True


def period_reminders_send(*, today: date | None = None) -> int:
    """Remind each city's leads and officers of periods about to end; each period once. Returns e-mails sent."""
    today = today or timezone.localdate()
    sent = 0
    for period_id in list(periods_due_for_reminder(today=today).values_list("pk", flat=True)):
        with transaction.atomic():
            period = (
                Period.objects.select_for_update(of=("self",))
                .select_related("indicator__result__pilot__city")
                .filter(pk=period_id, reminder_sent_at__isnull=True)
                .first()
            )
            if period is None:
                continue
            pilot = period.indicator.result.pilot
            team = CityMembership.objects.filter(
                city=pilot.city, role__in=[CityRole.LEAD, CityRole.OFFICER]
            ).select_related("user")
            for membership in team:
                user = membership.user
                with translation.override(_language_of(user, pilot.city)):
                    subject = _("Report on “%(indicator)s” before %(end)s") % {
                        "indicator": period.indicator,
                        "end": date_format(period.end),
                    }
                    body = render_to_string(
                        "pilots/email/period_reminder.txt",
                        {
                            "period": period,
                            "pilot": pilot,
                            "user": user,
                            "link": f"{settings.SITE_URL}{reverse('pilots:results', kwargs={'pk': pilot.pk})}",
                        },
                    )
                send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
                sent += 1
            period.reminder_sent_at = timezone.now()
            period.save(update_fields=["reminder_sent_at"])
    return sent
