"""Scale data of co-creation: a process, a workshop and many stakeholders with input per scale city."""

import random
from collections import defaultdict
from datetime import timedelta

from django.db.models import Count
from django.utils import timezone

from cities.demo import SCALE_CITY_PREFIX
from cities.models import City

from ..models import (
    Call,
    CallInvitation,
    Idea,
    InvitationStatus,
    Process,
    Proposal,
    Question,
    Stakeholder,
    StakeholderInvitation,
    Submission,
    Vote,
    Workshop,
    WorkshopStatus,
)

SCALE_CALL_SMES = 40  # per unit of factor: SMEs invited to each call, each with a proposal
SCALE_STAKEHOLDERS = 625  # per scale city and unit of factor: stakeholders, each with a submission and a vote
GROWTH_STAKEHOLDERS = 60  # per workshop already there and unit of factor


def seed_scale(*, factor: int, log, density: float = 1.0) -> None:
    """Per unit of factor: each scale city gets a process, a workshop, 625 stakeholders with submissions
    (20,000 in all at full density), ideas and votes; every existing workshop also grows by 60 submissions and
    every existing call by 40 SMEs' proposals, at any density (the scale calls by 40 at full density)."""
    from ccrs.demo_registry import thinned

    now = timezone.now()
    rng = random.Random(5)
    cities = list(City.objects.filter(slug__startswith=SCALE_CITY_PREFIX).order_by("slug")[: 32 * factor])
    for city in cities:
        process, _created = Process.objects.get_or_create(city=city, title="Scale process")
        if not process.workshops.exists():
            workshop = Workshop.objects.create(
                process=process,
                title=f"Scale workshop {city.slug}",
                kind="ideation",
                starts_at=now - timedelta(days=1),
                ends_at=now - timedelta(hours=20),
                input_closes_at=now + timedelta(days=30),
                status=WorkshopStatus.OPEN,
            )
            Question.objects.create(
                workshop=workshop, kind="short_text", text={"en": "Idea", "vi": "Ý tưởng"}, position=0
            )
            Question.objects.create(
                workshop=workshop,
                kind="single_choice",
                text={"en": "Where"},
                position=1,
                choices=[{"en": "Homes"}, {"en": "Markets"}],
            )
    workshops = list(
        Workshop.objects.exclude(process__city__slug__startswith=SCALE_CITY_PREFIX)
        .select_related("process__city")
        .order_by("pk")
    ) + list(Workshop.objects.filter(process__city__in=cities).select_related("process__city").order_by("pk"))
    people = thinned(SCALE_STAKEHOLDERS * factor, density)
    _grow_workshops(
        [(w, people if _in_scale_city(w.process) else GROWTH_STAKEHOLDERS * factor) for w in workshops],
        now=now,
        rng=rng,
    )
    log(f"co-creation scale: {Submission.objects.count()} submissions in {len(workshops)} workshops")
    for city in cities:
        process = Process.objects.get(city=city, title="Scale process")
        if not process.calls.exists():
            Call.objects.create(
                process=process,
                title=f"Scale call {city.slug}",
                description="Scale call",
                deadline=now + timedelta(days=30),
                status="open",
                required_documents=["Plan"],
            )
    calls = list(Call.objects.select_related("process__city"))
    smes = thinned(SCALE_CALL_SMES * factor, density)
    _grow_calls([(c, smes if _in_scale_city(c.process) else SCALE_CALL_SMES * factor) for c in calls], now=now)
    log(f"co-creation scale: {Proposal.objects.count()} proposals to {len(calls)} calls")


def _in_scale_city(process) -> bool:
    return process.city.slug.startswith(SCALE_CITY_PREFIX)


def _counts_by_city(cities, prefix: str) -> dict[int, int]:
    """How many stakeholders whose address starts with `prefix` each city has (one query)."""
    rows = Stakeholder.objects.filter(city__in=cities, email__startswith=prefix).values("city_id")
    return dict(rows.annotate(n=Count("pk")).values_list("city_id", "n"))


def _new_stakeholders(growth, prefix: str, make):
    """Per (owner, count), `count` new stakeholders of the city of the owner's process, numbered on from that
    city's stakeholders whose address starts with `prefix`; `make(owner, city, number)` draws one. Returns the
    owners and the stakeholders in the same order (one bulk insert for all)."""
    numbers = _counts_by_city({owner.process.city_id for owner, _count in growth}, prefix)
    people, owners = [], []
    for owner, count in growth:
        city = owner.process.city
        start = numbers.get(city.pk, 0)
        numbers[city.pk] = start + count
        for number in range(start, start + count):
            people.append(make(owner, city, number))
            owners.append(owner)
    return owners, Stakeholder.objects.bulk_create(people, batch_size=2000)


def _grow_calls(growth, *, now):
    """Per (call, count): SMEs of the call's city, each with a call link and a proposal (documents left out: no
    files at scale). A few queries for every call at once."""
    owners, smes = _new_stakeholders(
        growth,
        "scale-sme",
        lambda call, city, number: Stakeholder(
            city=city,
            name=f"Scale SME {number}",
            email=f"scale-sme{number}.c{call.pk}@scale.ccrs",
            kind="sme",
            size="small",
            language="vi",
        ),
    )
    CallInvitation.objects.bulk_create(
        [
            CallInvitation(call=call, stakeholder=s, expires_at=call.deadline + timedelta(days=30), sent_at=now)
            for call, s in zip(owners, smes, strict=True)
        ],
        batch_size=2000,
    )
    Proposal.objects.bulk_create(
        [
            Proposal(
                call=call,
                stakeholder=s,
                title=f"Scale proposal {s.pk}",
                summary="Scale",
                employees=10,
                registered_in_city=True,
                status="not_awarded" if call.status == "awarded" else "submitted",
            )
            for call, s in zip(owners, smes, strict=True)
        ],
        batch_size=2000,
    )


def _grow_workshops(growth, *, now, rng):
    """Per (workshop, count): stakeholders of the workshop's city, each invited, with a submission and a vote for
    one of 20 new ideas. A few queries for every workshop at once."""
    owners, people = _new_stakeholders(
        growth,
        "scale",
        lambda workshop, city, number: Stakeholder(
            city=city,
            name=f"Scale stakeholder {number}",
            email=f"scale{number}.w{workshop.pk}@scale.ccrs",
            kind=rng.choice(["sme", "sme", "ngo", "academia", "city_department"]),
            women_led=rng.random() < 0.4,
            gender=rng.choice(["female", "male", ""]),
            language="vi",
        ),
    )
    invitations = StakeholderInvitation.objects.bulk_create(
        [
            StakeholderInvitation(
                workshop=workshop,
                stakeholder=p,
                expires_at=now + timedelta(days=60),
                status=InvitationStatus.ACTIVE,
                sent_at=now,
            )
            for workshop, p in zip(owners, people, strict=True)
        ],
        batch_size=2000,
    )
    questions = defaultdict(list)
    for question in Question.objects.filter(workshop__in=[w for w, _count in growth]).order_by("workshop_id", "pk"):
        if question.kind in ("short_text", "long_text", "single_choice"):
            questions[question.workshop_id].append(question)
    Submission.objects.bulk_create(
        [
            Submission(
                invitation=inv,
                workshop=workshop,
                language="vi",
                answers={
                    str(q.pk): (f"Ý tưởng {inv.pk}" if q.kind in ("short_text", "long_text") else 0)
                    for q in questions[workshop.pk]
                },
            )
            for workshop, inv in zip(owners, invitations, strict=True)
        ],
        batch_size=2000,
    )
    ideas = defaultdict(list)
    for idea in Idea.objects.bulk_create(
        [Idea(workshop=w, title=f"Scale idea {w.pk}.{n}", tags=["scale"]) for w, _count in growth for n in range(20)],
        batch_size=2000,
    ):
        ideas[idea.workshop_id].append(idea)
    seen = defaultdict(int)
    votes = []
    for workshop, inv in zip(owners, invitations, strict=True):
        n = seen[workshop.pk]
        seen[workshop.pk] = n + 1
        votes.append(Vote(idea=ideas[workshop.pk][n % 20], invitation=inv))
    Vote.objects.bulk_create(votes, batch_size=2000)
