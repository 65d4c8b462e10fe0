"""Exports of a pilot's results framework: an XLSX workbook and IATI 2.03 activity XML."""

import io
import xml.etree.ElementTree as ET
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from ccrs import spreadsheets

from .models import Measure, PilotStatus, ResultType, UpdateStatus

IATI_VERSION = "2.03"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# R-Cities' organisation identifier in IATI would go here; until registered, a placeholder prefix.
REPORTING_ORG_REF = "XI-CCRS"
RESULT_TYPE = {ResultType.OUTPUT: "1", ResultType.OUTCOME: "2", ResultType.IMPACT: "3"}
MEASURE = {Measure.UNIT: "1", Measure.PERCENTAGE: "2", Measure.QUALITATIVE: "5"}
# IATI ActivityStatus: 1 pipeline, 2 implementation, 3 finalisation, 4 closed, 5 cancelled, 6 suspended.
ACTIVITY_STATUS = {
    PilotStatus.PLANNED: "1",
    PilotStatus.ACTIVE: "2",
    PilotStatus.PAUSED: "6",
    PilotStatus.COMPLETED: "4",
    PilotStatus.CANCELLED: "5",
}


def _number(value: Decimal | None) -> str:
    return "" if value is None else format(value.normalize(), "f")


def results_xlsx(*, pilot, results) -> bytes:
    """Sheets: the framework (one row per period, target and actual) and every update; typed text stays text."""
    book = Workbook()
    sheet = book.active
    sheet.title = _("Results framework")[:31]
    header = [
        _("Result type"),
        _("Result"),
        _("Indicator"),
        _("Measure"),
        _("Unit"),
        _("Higher is better"),
        _("Baseline year"),
        _("Baseline value"),
        _("Co-benefits"),
        _("Period start"),
        _("Period end"),
        _("Target"),
        _("Actual"),
        _("Locked"),
    ]
    sheet.append(spreadsheets.xlsx_row(sheet, header))
    updates = book.create_sheet(_("Updates")[:31])
    updates.append(
        spreadsheets.xlsx_row(
            updates,
            [
                _("Indicator"),
                _("Period start"),
                _("Period end"),
                _("Status"),
                _("Value"),
                _("Numerator"),
                _("Denominator"),
                _("Incomplete"),
                _("Narrative"),
                _("Submitted by"),
                _("Submitted"),
                _("Reviewer's comment"),
            ],
        )
    )
    for result in results:
        for indicator in result.indicators.all():
            periods = list(indicator.periods.all()) or [None]
            for period in periods:
                sheet.append(
                    spreadsheets.xlsx_row(
                        sheet,
                        [
                            result.get_type_display(),
                            result.title,
                            indicator.title,
                            indicator.get_measure_display(),
                            indicator.unit,
                            _("yes") if indicator.ascending else _("no"),
                            indicator.baseline_year,
                            indicator.baseline_value,
                            ", ".join(indicator.co_benefits),
                            period and period.start,
                            period and period.end,
                            period and period.target_value,
                            period and period.actual_value,
                            period and (_("yes") if period.locked else _("no")),
                        ],
                    )
                )
                for update in period.updates.all() if period else []:
                    updates.append(
                        spreadsheets.xlsx_row(
                            updates,
                            [
                                indicator.title,
                                period.start,
                                period.end,
                                update.get_status_display(),
                                update.value,
                                update.numerator,
                                update.denominator,
                                _("yes") if update.incomplete else _("no"),
                                update.narrative,
                                str(update.submitted_by),
                                timezone.localtime(update.submitted_at).replace(tzinfo=None),
                                update.review_comment,
                            ],
                        )
                    )
    for ws in (sheet, updates):
        for cell in ws[1]:
            cell.font = Font(bold=True)
        ws.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _narrative(parent, tag: str, text: str, lang: str | None = None):
    element = ET.SubElement(parent, tag)
    narrative = ET.SubElement(element, "narrative")
    if lang:
        narrative.set(XML_LANG, lang)
    narrative.text = text
    return element


def iati_identifier(pilot) -> str:
    return f"{REPORTING_ORG_REF}-{pilot.city.slug.upper()}-{pilot.pk}"


def iati_activity_xml(*, pilot, results) -> bytes:
    """The pilot as one IATI 2.03 activity with its results, indicators, baselines, periods, targets, actuals.

    Actuals come from approved updates only (the period's computed actual); approved narratives
    become the actual's comment.
    """
    root = ET.Element(
        "iati-activities", {"version": IATI_VERSION, "generated-datetime": timezone.now().isoformat(timespec="seconds")}
    )
    activity = ET.SubElement(
        root,
        "iati-activity",
        {
            "last-updated-datetime": pilot.updated_at.isoformat(timespec="seconds"),
            XML_LANG: "en",
            "default-currency": pilot.reporting_currency,
        },
    )
    ET.SubElement(activity, "iati-identifier").text = iati_identifier(pilot)
    org = _narrative(activity, "reporting-org", "Resilient Cities Network")
    org.set("ref", REPORTING_ORG_REF)
    org.set("type", "21")  # international NGO
    _narrative(activity, "title", pilot.title)
    _narrative(activity, "description", pilot.description or pilot.title).set("type", "1")
    implementing = _narrative(activity, "participating-org", pilot.city.name)
    implementing.set("role", "4")  # implementing
    implementing.set("type", "10")  # government
    ET.SubElement(activity, "activity-status", {"code": ACTIVITY_STATUS[pilot.status]})
    ET.SubElement(activity, "activity-date", {"iso-date": pilot.start_date.isoformat(), "type": "1"})
    ET.SubElement(activity, "activity-date", {"iso-date": pilot.end_date.isoformat(), "type": "3"})
    ET.SubElement(activity, "recipient-country", {"code": str(pilot.city.country), "percentage": "100"})
    if pilot.sector_isic:
        sector = _narrative(activity, "sector", pilot.sector_name or pilot.sector_isic)
        sector.attrib.update(
            {
                "vocabulary": "99",
                "vocabulary-uri": "https://unstats.un.org/unsd/classifications/Econ/isic",
                "code": pilot.sector_isic,
                "percentage": "100",
            }
        )
    for result in results:
        element = ET.SubElement(activity, "result", {"type": RESULT_TYPE[result.type], "aggregation-status": "1"})
        _narrative(element, "title", result.title)
        if result.description:
            _narrative(element, "description", result.description)
        for indicator in result.indicators.all():
            attrs = {"measure": MEASURE[indicator.measure]}
            if indicator.is_quantitative:
                attrs["ascending"] = "1" if indicator.ascending else "0"
            node = ET.SubElement(element, "indicator", attrs)
            _narrative(node, "title", indicator.title)
            if indicator.description:
                _narrative(node, "description", indicator.description)
            if indicator.baseline_year:
                baseline = ET.SubElement(node, "baseline", {"year": str(indicator.baseline_year)})
                if indicator.is_quantitative and indicator.baseline_value is not None:
                    baseline.set("value", _number(indicator.baseline_value))
                if indicator.baseline_comment:
                    _narrative(baseline, "comment", indicator.baseline_comment)
            for period in indicator.periods.all():
                period_node = ET.SubElement(node, "period")
                ET.SubElement(period_node, "period-start", {"iso-date": period.start.isoformat()})
                ET.SubElement(period_node, "period-end", {"iso-date": period.end.isoformat()})
                target = ET.SubElement(period_node, "target")
                if period.target_value is not None:
                    target.set("value", _number(period.target_value))
                if period.target_comment:
                    _narrative(target, "comment", period.target_comment)
                approved = [u for u in period.updates.all() if u.status == UpdateStatus.APPROVED]
                if approved or period.actual_value is not None:
                    actual = ET.SubElement(period_node, "actual")
                    if period.actual_value is not None:
                        actual.set("value", _number(period.actual_value))
                    narratives = [u.narrative for u in approved if u.narrative]
                    if narratives:
                        _narrative(actual, "comment", "\n\n".join(narratives))
    ET.indent(root)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="utf-8")
