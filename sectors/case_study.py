"""The sectors app's part of a case study: the candidate sectors, the method and ranking with its sensitivity, the
selected sector and its rationale, with the ranking chart (see cities/case_study.py for the shape of a part)."""

from django.utils.translation import gettext as _

from ccrs import formatting
from ccrs.charts import chart_spec

from . import selectors
from .models import Principle, RankingMethod, Selection, SelectionStatus


def principle_choices() -> list[tuple[str, str]]:
    """The program's principles, which a case study is filed under (the public listing's filter)."""
    return [(value, str(label)) for value, label in Principle.choices]


def case_study_figures(*, city) -> list[dict]:
    assessment = selectors.assessment_of(city)
    if assessment is None:
        return []
    selection = (
        Selection.objects.filter(assessment=assessment, status=SelectionStatus.APPROVED)
        .select_related("sector__isic")
        .first()
    )
    result = selectors.ranking(assessment=assessment)
    rows = result.get("rows", [])
    sectors = result["inputs"]["sectors"]
    method = str(RankingMethod(result["method"]).label)
    facts = [
        {"label": _("Candidate sectors"), "value": ", ".join(s.local_name for s in sectors)},
        {"label": _("Ranking method"), "value": method},
    ]
    if rows:
        leader = rows[0]
        facts.append(
            {
                "label": _("Leading sector"),
                "value": _("%(sector)s (ranked first in %(share)s of %(samples)s weight samples)")
                % {
                    "sector": leader["sector"].local_name,
                    "share": formatting.percent(100 * leader["p_first"], 0),
                    "samples": formatting.number(result["samples"]),
                },
            }
        )
    draft = [
        _("The city compared %(count)s candidate sectors with the %(method)s method.")
        % {"count": formatting.number(len(sectors)), "method": method}
    ]
    if selection:
        facts.append(
            {"label": _("Selected sector"), "value": f"{selection.sector.local_name} (ISIC {selection.sector.isic_id})"}
        )
        draft.append(_("It selected %(sector)s.") % {"sector": selection.sector.local_name})
        draft.append(selection.rationale)
    charts = [chart_spec(result["score_chart"]), chart_spec(result["sensitivity_chart"])] if rows else []
    return [
        {
            "section": "assessment",
            "facts": facts,
            "charts": charts,
            "draft": " ".join(draft),
            "values": {
                "sectors": [s.local_name for s in sectors],
                "ranking": [{"sector": r["sector"].local_name, "rank": r["rank"], "score": r["score"]} for r in rows],
                "selected_sector": selection.sector.local_name if selection else None,
                "selected_isic": selection.sector.isic_id if selection else None,
                "principles": sorted({c.principle for c in result["inputs"]["criteria"]}),
            },
        }
    ]
