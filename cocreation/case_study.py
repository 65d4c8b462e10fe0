"""The co-creation app's part of a case study: workshops and who took part, the ideas shortlisted and the solution
chosen, the call for SME proposals and its award (see cities/case_study.py for the shape of a part), and the
workshop input a quote may be picked from."""

from django.db.models import Count
from django.utils.translation import gettext as _

from ccrs import formatting

from . import selectors
from .models import (
    Call,
    Criterion,
    Idea,
    IdeaStatus,
    Proposal,
    ProposalStatus,
    QuestionKind,
    StakeholderKind,
    Submission,
    Workshop,
    WorkshopStatus,
)

QUOTABLE = {QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT}


def _percent(share) -> str:
    return "" if share is None else formatting.percent(100 * share, 0)


def _cocreation(city) -> dict:
    workshops = list(
        Workshop.objects.filter(process__city=city)
        .exclude(status=WorkshopStatus.PLANNED)
        .annotate(submission_count=Count("submissions"))
        .order_by("starts_at")
    )
    inclusion = selectors.inclusion_figures(city=city)
    ideas = list(
        Idea.objects.filter(workshop__process__city=city, status__in=[IdeaStatus.SHORTLISTED, IdeaStatus.SELECTED])
        .order_by("title")
        .values_list("title", "status")
    )
    chosen = [title for title, status in ideas if status == IdeaStatus.SELECTED]
    kinds = [(str(label), inclusion["by_kind"][value]) for value, label in StakeholderKind.choices]
    kinds = [(label, n) for label, n in kinds if n]
    facts = [
        {"label": _("Workshops held"), "value": formatting.number(len(workshops))},
        {"label": _("People who took part"), "value": formatting.number(inclusion["total"])},
        {"label": _("SMEs among them"), "value": _percent(inclusion["sme_share"])},
        {"label": _("Women-led SMEs among the SMEs"), "value": _percent(inclusion["women_led_sme_share"])},
        {"label": _("Ideas shortlisted"), "value": "; ".join(title for title, _status in ideas)},
        {"label": _("Solution chosen"), "value": "; ".join(chosen)},
    ]
    draft = [
        _("%(workshops)s workshops gathered %(people)s people, of whom %(smes)s SMEs.")
        % {
            "workshops": formatting.number(len(workshops)),
            "people": formatting.number(inclusion["total"]),
            "smes": formatting.number(inclusion["smes"]),
        }
    ]
    if chosen:
        draft.append(_("The solution chosen: %(idea)s.") % {"idea": "; ".join(chosen)})
    charts = []
    if kinds:
        charts.append(
            {
                "title": _("Participants by stakeholder type"),
                "categories": [label for label, _n in kinds],
                "series": [[_("People"), [n for _label, n in kinds]]],
            }
        )
    return {
        "section": "cocreation",
        "facts": [f for f in facts if f["value"]],
        "charts": charts,
        "draft": " ".join(draft),
        "values": {
            "workshops": len(workshops),
            "participants": inclusion["total"],
            "smes": inclusion["smes"],
            "women_led_smes": inclusion["women_led_smes"],
            "shortlisted": [title for title, _status in ideas],
            "chosen": chosen,
        },
    }


def _procurement(city) -> dict | None:
    call = (
        Call.objects.filter(process__city=city)
        .exclude(status="draft")
        .annotate(proposal_count=Count("proposals"))
        .order_by("-deadline")
        .first()
    )
    if call is None:
        return None
    award = Proposal.objects.filter(call=call, status=ProposalStatus.AWARDED).select_related("stakeholder").first()
    criteria = list(Criterion.objects.filter(call=call).order_by("name").values_list("name", flat=True))
    facts = [
        {"label": _("Call for SME proposals"), "value": call.title},
        {"label": _("Budget"), "value": formatting.money(call.budget, call.currency)},
        {"label": _("Proposals received"), "value": formatting.number(call.proposal_count)},
        {"label": _("Evaluated on"), "value": "; ".join(criteria)},
        {
            "label": _("Awarded to"),
            "value": f"{award.title} ({award.stakeholder.organisation or award.stakeholder.name})" if award else "",
        },
    ]
    draft = [
        _("The call “%(call)s” received %(count)s proposals.")
        % {"call": call.title, "count": formatting.number(call.proposal_count)}
    ]
    if award:
        draft.append(_("It was awarded to %(proposal)s.") % {"proposal": facts[-1]["value"]})
    return {
        "section": "procurement",
        "facts": [f for f in facts if f["value"]],
        "charts": [],
        "draft": " ".join(draft),
        "values": {"call": call.title, "proposals": call.proposal_count, "awarded": award.title if award else None},
    }


def case_study_figures(*, city) -> list[dict]:
    parts = [_cocreation(city), _procurement(city)]
    return [part for part in parts if part]


def quote_sources(*, city) -> list[dict]:
    """Written answers of the city's workshop input a quote may be picked from, with who gave them and whether
    their recorded consent covers publication (the data processing text allows use without names)."""
    submissions = (
        Submission.objects.filter(workshop__process__city=city)
        .select_related("invitation__stakeholder", "workshop")
        .prefetch_related("workshop__questions")
        .order_by("-updated_at")
    )
    sources = []
    for submission in submissions:
        person = submission.invitation.stakeholder
        for question in submission.workshop.questions.all():
            text = submission.answers.get(str(question.pk))
            if question.kind in QUOTABLE and isinstance(text, str) and len(text.strip()) >= 20:
                sources.append(
                    {
                        "key": f"{submission.pk}:{question.pk}",
                        "submission_id": submission.pk,
                        "text": text.strip(),
                        "language": submission.language,
                        "workshop": submission.workshop.title,
                        "anonymous_input": submission.workshop.anonymous_input,
                        "name": person.name,
                        "organisation": person.organisation,
                        "kind": person.kind,
                        "consent_recorded": person.consent_at is not None,
                    }
                )
    return sources


def quote_source(*, city, key: str) -> dict | None:
    return next((source for source in quote_sources(city=city) if source["key"] == key), None)
