"""The pilots app's URLs in the permission matrix: city A's pilot, open to its team and staff only."""

from django.apps import apps

from tests.permissions import DENY, LOGIN, OK, REDIRECT, Rule, signed_in

TEAM_READS = {"anonymous": LOGIN, "stakeholder": DENY, "member_a": OK, "member_b": DENY, "staff": OK}
STAFF_POSTS = {**signed_in(DENY), "staff": REDIRECT}
PILOT = {"pk": "{pilot_a.pk}"}
PERIOD = {"pk": "{period_a.pk}"}
UPDATE = {"pk": "{update_a.pk}"}

MATRIX = {
    "pilots:list": Rule({"anonymous": LOGIN, "stakeholder": DENY, "member_a": OK, "member_b": OK, "staff": OK}),
    "pilots:queue": Rule({**signed_in(DENY), "staff": OK}),
    "pilots:start": Rule({**signed_in(DENY), "staff": OK}),
    "pilots:detail": Rule(TEAM_READS, kwargs=PILOT),
    "pilots:status": Rule(STAFF_POSTS, method="post", kwargs=PILOT, data={"status": "paused"}),
    "pilots:results": Rule(TEAM_READS, kwargs=PILOT),
    "pilots:export_xlsx": Rule(TEAM_READS, kwargs=PILOT),
    "pilots:export_iati": Rule(TEAM_READS, kwargs=PILOT),
    "pilots:update_create": Rule(TEAM_READS, kwargs=PERIOD),
    "pilots:expenditure_add": Rule(TEAM_READS, kwargs=PILOT),
    "pilots:milestone_status": Rule(
        {"anonymous": LOGIN, "stakeholder": DENY, "member_a": REDIRECT, "member_b": DENY, "staff": REDIRECT},
        method="post",
        kwargs={"pk": "{milestone_a.pk}"},
        data={"status": "in_progress"},
    ),
    # Staff lock the period (and the next persona opens it again): a redirect either way.
    "pilots:period_lock": Rule(STAFF_POSTS, method="post", kwargs=PERIOD),
    "pilots:update_detail": Rule(TEAM_READS, kwargs=UPDATE),
    "pilots:update_edit": Rule(TEAM_READS, kwargs=UPDATE),
    # A review without a comment is refused with a message and a redirect; nobody but staff gets that far.
    "pilots:update_approve": Rule(STAFF_POSTS, method="post", kwargs={"pk": "{update_b.pk}"}),
    "pilots:update_return": Rule(STAFF_POSTS, method="post", kwargs=UPDATE),
}


def objects(world):
    """An active Can Tho pilot with funding, a budget line, spending, workplan, risk and a results framework."""
    from datetime import date
    from decimal import Decimal

    from pilots import services

    city_a = world["format"]["city_a"]
    staff = world["users"]["staff"]
    member_a = world["users"]["member_a"]
    services.exchange_rate_set(currency="VND", reporting_currency="USD", valid_from=date(2024, 1, 1), rate="0.00004")
    pilot = services.pilot_create(
        city=city_a, title="Matrix pilot", start_date=date(2024, 1, 1), end_date=date(2026, 12, 31)
    )
    services.pilot_status_change(pilot=pilot, status="active")
    partner = services.partner_add(pilot=pilot, name="HTX Ninh Kiều")
    funding = services.funding_add(
        pilot=pilot, kind="grant", funder="CCRS", amount=Decimal("1000"), currency="USD", committed_on=date(2024, 1, 1)
    )
    line = services.budget_line_save(
        pilot=pilot, category="equipment", description="Bins", amount=Decimal("500"), currency="USD"
    )
    spent = services.expenditure_record(
        budget_line=line, spent_on=date(2024, 2, 1), amount=Decimal("100"), currency="USD", description="Bins"
    )
    approval = services.budget_approval_record(pilot=pilot, amount=Decimal("10"), reason="Test", approved_by=staff)
    milestone = services.milestone_save(pilot=pilot, title="Start", owner="City", due_date=date(2024, 3, 1))
    risk = services.risk_save(pilot=pilot, title="Flood", likelihood=3, impact=3)
    result = services.result_create(pilot=pilot, type="output", title="Waste separated")
    indicator = services.indicator_create(result=result, title="Tonnes", measure="unit", unit="t")
    period = services.period_create(indicator=indicator, start=date(2024, 1, 1), end=date(2024, 6, 30), target_value=10)
    update = services.update_submit(period=period, user=member_a, value="5")
    update_b = services.update_submit(period=period, user=member_a, value="6")
    from django.core.files.uploadedfile import SimpleUploadedFile

    services.update_revise(
        update=update_b,
        user=member_a,
        value="6",
        files=[SimpleUploadedFile("p.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 20, content_type="image/jpeg")],
    )

    program_indicator = services.program_indicator_save(name="Tonnes separated", measure="unit", unit="t")
    mapping = services.indicator_map(program_indicator=program_indicator, indicator=indicator)
    world["format"].update(
        {
            "milestone_a": milestone,
            "pilot_a": pilot,
            "period_a": period,
            "update_a": update,
            "update_b": update_b,
            "evidence_a": update_b.evidence.get().file.name,
        }
    )
    model = apps.get_model
    world["objects"].update(
        {
            model("pilots", "Pilot"): pilot,
            model("pilots", "SMEPartner"): partner,
            model("pilots", "FundingSource"): funding,
            model("pilots", "BudgetLine"): line,
            model("pilots", "BudgetApproval"): approval,
            model("pilots", "ExchangeRate"): model("pilots", "ExchangeRate").objects.first(),
            model("pilots", "Expenditure"): spent,
            model("pilots", "Milestone"): milestone,
            model("pilots", "Risk"): risk,
            model("pilots", "Result"): result,
            model("pilots", "Indicator"): indicator,
            model("pilots", "Period"): period,
            model("pilots", "Update"): update,
            model("pilots", "UpdateEvidence"): update_b.evidence.first(),
            model("pilots", "ProgramIndicator"): program_indicator,
            model("pilots", "IndicatorMapping"): mapping,
        }
    )
