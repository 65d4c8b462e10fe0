"""Reads of the co-creation app. Each takes the user and returns only what they may see."""

from django.db.models import Avg, Count, Exists, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery, Window
from django.db.models.functions import Coalesce

from ccrs.inputs import page_of
from cities.selectors import cities_visible_to

from . import scoring
from .models import (
    Call,
    CallStatus,
    Criterion,
    Idea,
    IdeaStatus,
    Phase,
    PhaseKind,
    Process,
    Proposal,
    ProposalStatus,
    Question,
    Score,
    Stakeholder,
    StakeholderInvitation,
    StakeholderKind,
    Submission,
    Vote,
    Workshop,
)

PAGE_SIZE = 50


def count_of(queryset: QuerySet, field: str):
    """The number of `queryset`'s rows whose `field` points at the outer row, as a correlated subquery.

    Two Count()s over two reverse relations join them into one product (invitations × submissions
    of a workshop); one subquery per count keeps each count on its own table.
    """
    counted = queryset.filter(**{field: OuterRef("pk")}).order_by().values(field).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def processes_visible_to(*, user) -> QuerySet[Process]:
    return Process.objects.filter(city__in=cities_visible_to(user=user))


def program_counts(*, user, cohort_id: int | None = None) -> list[dict]:
    """Per city (of one cohort, if given): workshops, submissions, calls and awarded calls, in one query."""
    processes = processes_visible_to(user=user)
    if cohort_id is not None:
        processes = processes.filter(city__cohort_id=cohort_id)
    return list(
        processes.values("city__name")
        .annotate(
            workshop_count=Count("workshops", distinct=True),
            submission_count=Count("workshops__submissions", distinct=True),
            call_count=Count("calls", distinct=True),
            awarded_count=Count("calls", filter=Q(calls__status=CallStatus.AWARDED), distinct=True),
        )
        .order_by("city__name")
    )


def process_list(*, user, city) -> list[Process]:
    """A city's processes with their phases (the timeline) and workshop and call counts."""
    return list(
        processes_visible_to(user=user)
        .filter(city=city)
        .annotate(workshop_count=count_of(Workshop.objects, "process"), call_count=count_of(Call.objects, "process"))
        .prefetch_related(Prefetch("phases", queryset=Phase.objects.order_by("starts_on")))
        .order_by("title")
    )


def process_get(*, user, pk: int) -> Process | None:
    return processes_visible_to(user=user).select_related("city").filter(pk=pk).first()


def timeline(process: Process) -> list[dict]:
    """The five phases in order, with dates and status where scheduled."""
    phases = {p.kind: p for p in process.phases.all()}
    return [{"kind": kind, "label": label, "phase": phases.get(kind)} for kind, label in PhaseKind.choices]


def process_detail(*, process: Process) -> dict:
    workshops = list(
        process.workshops.annotate(
            invited=count_of(StakeholderInvitation.objects, "workshop"),
            submitted=count_of(Submission.objects, "workshop"),
        ).order_by("-starts_at")
    )
    calls = list(process.calls.annotate(proposal_count=Count("proposals")).order_by("-deadline"))
    return {"timeline": timeline(process), "workshops": workshops, "calls": calls}


def stakeholder_list(*, user, city, page: int | str = 1, query: str = "") -> dict:
    """One page of a city's stakeholder registry (search by name, organisation or e-mail)."""
    qs = Stakeholder.objects.filter(city__in=cities_visible_to(user=user), city=city)
    if query:
        qs = qs.filter(Q(name__icontains=query) | Q(organisation__icontains=query) | Q(email__icontains=query))
    shown = page_of(qs.order_by("name", "pk"), number=page, per_page=PAGE_SIZE)
    return {"stakeholders": shown.pop("rows"), **shown}


def workshop_get(*, user, pk: int) -> Workshop | None:
    return (
        Workshop.objects.filter(process__city__in=cities_visible_to(user=user))
        .select_related("process__city")
        .filter(pk=pk)
        .first()
    )


def workshop_detail(*, workshop: Workshop) -> dict:
    invitations = list(
        StakeholderInvitation.objects.filter(workshop=workshop)
        .select_related("stakeholder")
        .annotate(has_submission=Exists(Submission.objects.filter(invitation=OuterRef("pk"))))
        .order_by("stakeholder__name")[:PAGE_SIZE]
    )
    counts = StakeholderInvitation.objects.filter(workshop=workshop).aggregate(
        invited=Count("pk"),
        checked_in=Count("pk", filter=Q(checked_in_at__isnull=False)),
        submitted=Count("submission"),
        organisations=Count(
            "stakeholder__organisation",
            distinct=True,
            filter=Q(checked_in_at__isnull=False) & ~Q(stakeholder__organisation=""),
        ),
    )
    return {
        "questions": list(workshop.questions.all()),
        "invitations": invitations,
        "counts": counts,
        "uninvited": Stakeholder.objects.filter(city_id=workshop.process.city_id)
        .exclude(invitations__workshop=workshop)
        .count(),
        "organisations_present": organisations_present(workshop=workshop),
        "attachments": list(workshop.attachments.order_by("created_at")),
    }


def submission_list(*, workshop: Workshop, page: int | str = 1, language: str | None = None) -> dict:
    """One page of a workshop's input, answers shown as text in `language`; names hidden if anonymous."""
    questions = list(workshop.questions.all())
    qs = Submission.objects.filter(workshop=workshop).select_related("invitation__stakeholder")
    shown = page_of(qs.order_by("-updated_at", "pk"), number=page, per_page=PAGE_SIZE)
    rows = shown.pop("rows")
    for row in rows:
        row.answer_pairs = [
            (q.text_in(language), text)
            for q in questions
            if (text := answer_text(q, row.answers.get(str(q.pk)), language))
        ]
    return {
        "questions": questions,
        "submissions": rows,
        **shown,
        "anonymous": workshop.anonymous_input,
    }


def answer_text(question: Question, value, language=None) -> str:
    """An answer as readable text: choice labels in `language`, rankings as 1. … 2. …"""
    if value in (None, "", []):
        return ""
    choices = question.choices_in(language)
    kind = question.kind
    try:
        if kind == "single_choice":
            return choices[int(value)]
        if kind == "multiple_choice":
            return "; ".join(choices[int(v)] for v in value)
        if kind == "ranking":
            return "; ".join(f"{n}. {choices[int(v)]}" for n, v in enumerate(value, start=1))
        if kind == "rating":
            return f"{value}/{question.scale_max}"
    except (IndexError, TypeError, ValueError):
        return str(value)
    return str(value)


def idea_list(*, workshop: Workshop) -> list[Idea]:
    """The workshop's ideas (merged ones left out), ranked by votes, then mean rating."""
    ideas = list(
        Idea.objects.filter(workshop=workshop)
        .exclude(status=IdeaStatus.MERGED)
        .annotate(
            vote_count=count_of(Vote.objects, "idea"),
            rating_mean=Avg("ratings__value"),
            rating_count=Count("ratings"),
            source_count=count_of(Idea.sources.through.objects, "idea"),
        )
    )
    ideas.sort(
        key=lambda i: scoring.idea_rank_key(votes=i.vote_count, rating_mean=i.rating_mean, ratings=i.rating_count)
    )
    return ideas


def evaluation(*, process: Process, call: Call | None = None) -> dict:
    """Scores of the shortlisted ideas (call None) or of the call's proposals: weighted mean and spread."""
    criteria = list(Criterion.objects.filter(process=process, call=call).order_by("name"))
    weights = {c.pk: c.weight for c in criteria}
    if call is None:
        items = list(
            Idea.objects.filter(workshop__process=process, status__in=[IdeaStatus.SHORTLISTED, IdeaStatus.SELECTED])
        )
        scores = Score.objects.filter(criterion__in=criteria, idea__in=items)
        key = "idea_id"
    else:
        items = list(Proposal.objects.filter(call=call).select_related("stakeholder"))
        scores = Score.objects.filter(criterion__in=criteria, proposal__in=items)
        key = "proposal_id"
    by_pk = {i.pk: i for i in items}
    sheets = {i: {} for i in items}
    comments = {i.pk: [] for i in items}
    for score in scores.values("criterion_id", "evaluator_id", "value", "comment", key):
        item = by_pk[score[key]]
        sheets[item].setdefault(score["evaluator_id"], {})[score["criterion_id"]] = score["value"]
        if score["comment"]:
            comments[item.pk].append(score["comment"])
    ranked = scoring.aggregate(sheets, weights) if weights else []
    return {"criteria": criteria, "ranked": ranked, "comments": comments}


def call_get(*, user, pk: int) -> Call | None:
    return (
        Call.objects.filter(process__city__in=cities_visible_to(user=user))
        .select_related("process__city", "idea")
        .filter(pk=pk)
        .first()
    )


def call_detail(*, call: Call, user=None, can_evaluate: bool = False) -> dict:
    """The call's proposals, published Q&A and panel results; with `user`, the results as they may see them."""
    proposals = list(
        call.proposals.select_related("stakeholder").annotate(document_count=Count("documents")).order_by("title")
    )
    return {
        "proposals": proposals,
        "clarifications": list(call.clarifications.filter(published_at__isnull=False).order_by("published_at")),
        "evaluation": evaluation(process=call.process, call=call)
        if user is None
        else evaluation_seen_by(user=user, process=call.process, call=call, can_evaluate=can_evaluate),
    }


def awarded_proposal(*, city) -> Proposal | None:
    """The proposal awarded in the city's latest awarded call: what a pilot starts from (issue "Pilot tracking")."""
    return (
        Proposal.objects.filter(call__process__city=city, status=ProposalStatus.AWARDED)
        .select_related("call__process", "stakeholder")
        .order_by("-awarded_at")
        .first()
    )


def inclusion_figures(*, city) -> dict:
    """Who took part in the city's workshops (checked in or gave input): by type, by gender where
    given, and the shares of SMEs and of women-led SMEs; one query."""
    from .models import Gender

    took_part = Stakeholder.objects.filter(city=city).filter(
        Q(invitations__checked_in_at__isnull=False) | Q(invitations__submission__isnull=False)
    )
    counts = {
        "total": Count("pk"),
        "smes": Count("pk", filter=Q(kind=StakeholderKind.SME)),
        "women_led_smes": Count("pk", filter=Q(kind=StakeholderKind.SME, women_led=True)),
        **{f"kind_{value}": Count("pk", filter=Q(kind=value)) for value in StakeholderKind.values},
        **{f"gender_{value}": Count("pk", filter=Q(gender=value)) for value in Gender.values},
    }
    totals = Stakeholder.objects.filter(pk__in=took_part.values("pk")).aggregate(**counts)
    total, smes = totals["total"], totals["smes"]
    return {
        "total": total,
        "by_kind": {value: totals[f"kind_{value}"] for value in StakeholderKind.values},
        "by_gender": {value: totals[f"gender_{value}"] for value in Gender.values},
        "sme_share": (smes / total) if total else None,
        "women_led_sme_share": (totals["women_led_smes"] / smes) if smes else None,
        "smes": smes,
        "women_led_smes": totals["women_led_smes"],
    }


def ballot(*, invitation: StakeholderInvitation) -> dict:
    """The ideas a participant may vote on and rate, with their own votes and ratings."""
    from .models import IdeaRating, Vote

    ideas = list(
        Idea.objects.filter(workshop_id=invitation.workshop_id).exclude(status=IdeaStatus.MERGED).order_by("title")
    )
    voted = set(Vote.objects.filter(invitation=invitation).values_list("idea_id", flat=True))
    ratings = dict(IdeaRating.objects.filter(invitation=invitation).values_list("idea_id", "value"))
    for idea in ideas:
        idea.voted = idea.pk in voted
        idea.my_rating = ratings.get(idea.pk)
    limit = invitation.workshop.vote_limit
    return {"ideas": ideas, "votes_used": len(voted), "vote_limit": limit, "votes_left": max(0, limit - len(voted))}


# --- ideas, evaluation and calls: the facilitators' and evaluators' pages -------------------------


def idea_get(*, user, pk: int) -> Idea | None:
    return (
        Idea.objects.filter(workshop__process__city__in=cities_visible_to(user=user))
        .select_related("workshop__process__city")
        .filter(pk=pk)
        .first()
    )


def proposal_get(*, user, pk: int) -> Proposal | None:
    return (
        Proposal.objects.filter(call__process__city__in=cities_visible_to(user=user))
        .select_related("call__process__city", "stakeholder")
        .filter(pk=pk)
        .first()
    )


def criterion_get(*, user, pk: int) -> Criterion | None:
    return (
        Criterion.objects.filter(process__city__in=cities_visible_to(user=user))
        .select_related("process__city", "call")
        .filter(pk=pk)
        .first()
    )


def _decided(*, process: Process, call: Call | None) -> bool:
    """An evaluation is over once its call is awarded, or (shortlist) once a solution was selected."""
    if call is not None:
        return call.status == CallStatus.AWARDED
    return Idea.objects.filter(workshop__process=process, status=IdeaStatus.SELECTED).exists()


def evaluation_seen_by(*, user, process: Process, call: Call | None = None, can_evaluate: bool) -> dict:
    """The panel's results as `user` may see them: an evaluator sees an item's results only after
    submitting their own full score sheet for it (independent scoring), or once the evaluation is over."""
    from .models import ConflictDeclaration

    result = evaluation(process=process, call=call)
    criteria = result["criteria"]
    declaration = None
    mine: dict = {}
    if can_evaluate:
        declaration = ConflictDeclaration.objects.filter(process=process, call=call, evaluator=user).first()
        key = "proposal_id" if call is not None else "idea_id"
        for row in Score.objects.filter(criterion__in=criteria, evaluator=user).values(key, "criterion_id", "value"):
            mine.setdefault(row[key], {})[row["criterion_id"]] = row["value"]
    complete = {pk for pk, scores in mine.items() if criteria and len(scores) == len(criteria)}
    open_to_all = not can_evaluate or _decided(process=process, call=call)
    ranked = [a for a in result["ranked"] if open_to_all or a.item.pk in complete]
    comments = {pk: c for pk, c in result["comments"].items() if open_to_all or pk in complete}
    return {
        **result,
        "ranked": ranked,
        "comments": comments,
        "rows": [{"aggregate": a, "comments": comments.get(a.item.pk, [])} for a in ranked],
        "sealed": len(result["ranked"]) - len(ranked),
        "declaration": declaration,
        "my_scores": mine,
        "complete": complete,
        "scoring_started": Score.objects.filter(criterion__in=criteria).exists() if criteria else False,
    }


def evaluation_items(*, process: Process, call: Call | None = None) -> list:
    """What the panel scores: the process's shortlisted ideas, or the call's submitted proposals."""
    if call is None:
        return list(
            Idea.objects.filter(workshop__process=process, status__in=[IdeaStatus.SHORTLISTED, IdeaStatus.SELECTED])
            .select_related("workshop")
            .order_by("title")
        )
    return list(
        Proposal.objects.filter(call=call)
        .exclude(status=ProposalStatus.INELIGIBLE)
        .select_related("stakeholder")
        .order_by("title")
    )


def call_invitations(*, call: Call) -> dict:
    """One page of a call's SME invitations, with counts and how many SMEs are not yet invited."""
    from .models import CallInvitation

    qs = CallInvitation.objects.filter(call=call)
    # The first SMEs to pick from and, through a window count over the whole set, how many there are.
    uninvited = list(uninvited_smes(call=call).annotate(total=Window(Count("pk"))).order_by("name", "pk")[:PICK_LIMIT])
    return {
        "invitations": list(qs.select_related("stakeholder").order_by("stakeholder__name", "pk")[:PAGE_SIZE]),
        "invited": qs.count(),
        "uninvited_smes": uninvited[0].total if uninvited else 0,
        "uninvited_list": uninvited,
    }


PICK_LIMIT = 200  # SMEs listed to pick from; "invite all" covers a larger registry


def uninvited_smes(*, call: Call) -> QuerySet[Stakeholder]:
    """The SMEs of the call's city registry that hold no link to this call yet."""
    return Stakeholder.objects.filter(city_id=call.process.city_id, kind=StakeholderKind.SME).exclude(
        call_invitations__call=call
    )


def shortlisted_ideas(*, process: Process) -> QuerySet[Idea]:
    return Idea.objects.filter(
        workshop__process=process, status__in=[IdeaStatus.SHORTLISTED, IdeaStatus.SELECTED]
    ).order_by("title")


def proposal_for_invitation(*, invitation) -> Proposal | None:
    return (
        Proposal.objects.filter(call_id=invitation.call_id, stakeholder_id=invitation.stakeholder_id)
        .prefetch_related("documents")
        .first()
    )


# --- pages for processes, stakeholders and workshops ----------------------------------------------


def stakeholder_get(*, user, pk: int) -> Stakeholder | None:
    return (
        Stakeholder.objects.filter(city__in=cities_visible_to(user=user)).select_related("city").filter(pk=pk).first()
    )


def invite_candidates(*, workshop: Workshop, kind: str = "", query: str = "", limit: int = 200) -> dict:
    """The city's stakeholders not yet invited to the workshop, filtered by type and search; the first `limit`."""
    qs = Stakeholder.objects.filter(city_id=workshop.process.city_id).exclude(invitations__workshop=workshop)
    if kind:
        qs = qs.filter(kind=kind)
    if query:
        qs = qs.filter(Q(name__icontains=query) | Q(organisation__icontains=query) | Q(email__icontains=query))
    total = qs.count()
    return {"candidates": list(qs.order_by("name", "pk")[:limit]), "total": total, "limit": limit, "matching": qs}


def attendance_register(*, workshop: Workshop, page: int | str = 1, query: str = "") -> dict:
    """One page of the workshop's invitees for checking in, with the attendance so far."""
    qs = StakeholderInvitation.objects.filter(workshop=workshop)
    if query:
        qs = qs.filter(
            Q(stakeholder__name__icontains=query)
            | Q(stakeholder__organisation__icontains=query)
            | Q(stakeholder__email__icontains=query)
        )
    shown = page_of(
        qs.select_related("stakeholder").order_by("stakeholder__name", "pk"), number=page, per_page=PAGE_SIZE
    )
    return {
        "invitations": shown.pop("rows"),
        **shown,
        **workshop_attendance(workshop=workshop),
    }


def organisations_present(*, workshop: Workshop) -> list[str]:
    """The organisations of the checked-in participants, in alphabetical order (one query)."""
    return list(
        StakeholderInvitation.objects.filter(workshop=workshop, checked_in_at__isnull=False)
        .exclude(stakeholder__organisation="")
        .values_list("stakeholder__organisation", flat=True)
        .distinct()
        .order_by("stakeholder__organisation")
    )


def checked_in_count(*, workshop: Workshop) -> int:
    return StakeholderInvitation.objects.filter(workshop=workshop, checked_in_at__isnull=False).count()


def workshop_attendance(*, workshop: Workshop) -> dict:
    """Attendance from the check-ins: how many came, and the organisations present (two queries)."""
    return {
        "checked_in": checked_in_count(workshop=workshop),
        "organisations_present": organisations_present(workshop=workshop),
    }


def workshop_report(*, workshop: Workshop) -> dict:
    """The closing report: attendance, organisations present and the attached files."""
    return {**workshop_attendance(workshop=workshop), "attachments": list(workshop.attachments.order_by("created_at"))}
