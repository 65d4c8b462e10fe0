"""Scale data of co-creation: a process, a workshop and many stakeholders with input per scale city."""

import random
from datetime import timedelta

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
    workshops = list(Workshop.objects.exclude(process__city__slug__startswith=SCALE_CITY_PREFIX)) + list(
        Workshop.objects.filter(process__city__in=cities)
    )
    for workshop in workshops:
        scale_city = workshop.process.city.slug.startswith(SCALE_CITY_PREFIX)
        count = thinned(SCALE_STAKEHOLDERS * factor, density) if scale_city else GROWTH_STAKEHOLDERS * factor
        _grow_workshop(workshop, count, now=now, rng=rng)
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
    for call in calls:
        scale_call = call.process.city.slug.startswith(SCALE_CITY_PREFIX)
        count = thinned(SCALE_CALL_SMES * factor, density) if scale_call else SCALE_CALL_SMES * factor
        _grow_call(call, count, now=now)
    log(f"co-creation scale: {Proposal.objects.count()} proposals to {len(calls)} calls")


def _grow_call(call, count, *, now):
    """SMEs of the call's city, each with a call link and a proposal (documents left out: no files at scale)."""
    city = call.process.city
    start = Stakeholder.objects.filter(city=city, email__startswith="scale-sme").count()
    smes = Stakeholder.objects.bulk_create(
        [
            Stakeholder(
                city=city,
                name=f"Scale SME {start + i}",
                email=f"scale-sme{start + i}.c{call.pk}@scale.ccrs",
                kind="sme",
                size="small",
                language="vi",
            )
            for i in range(count)
        ],
        batch_size=2000,
    )
    CallInvitation.objects.bulk_create(
        [
            CallInvitation(call=call, stakeholder=s, expires_at=call.deadline + timedelta(days=30), sent_at=now)
            for s in smes
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
            for s in smes
        ],
        batch_size=2000,
    )


def _grow_workshop(workshop, count, *, now, rng):
    city = workshop.process.city
    start = Stakeholder.objects.filter(city=city, email__startswith="scale").count()
    people = [
        Stakeholder(
            city=city,
            name=f"Scale stakeholder {start + i}",
            email=f"scale{start + i}.w{workshop.pk}@scale.ccrs",
            kind=rng.choice(["sme", "sme", "ngo", "academia", "city_department"]),
            women_led=rng.random() < 0.4,
            gender=rng.choice(["female", "male", ""]),
            language="vi",
        )
        for i in range(count)
    ]
    people = Stakeholder.objects.bulk_create(people, batch_size=2000)
    invitations = StakeholderInvitation.objects.bulk_create(
        [
            StakeholderInvitation(
                workshop=workshop,
                stakeholder=p,
                expires_at=now + timedelta(days=60),
                status=InvitationStatus.ACTIVE,
                sent_at=now,
            )
            for p in people
        ],
        batch_size=2000,
    )
    questions = list(workshop.questions.all())
    Submission.objects.bulk_create(
        [
            Submission(
                invitation=inv,
                workshop=workshop,
                language="vi",
                answers={
                    str(q.pk): (f"Ý tưởng {inv.pk}" if q.kind in ("short_text", "long_text") else 0)
                    for q in questions
                    if q.kind in ("short_text", "long_text", "single_choice")
                },
            )
            for inv in invitations
        ],
        batch_size=2000,
    )
    ideas = Idea.objects.bulk_create(
        [Idea(workshop=workshop, title=f"Scale idea {workshop.pk}.{n}", tags=["scale"]) for n in range(20)]
    )
    Vote.objects.bulk_create(
        [Vote(idea=ideas[n % len(ideas)], invitation=inv) for n, inv in enumerate(invitations)], batch_size=2000
    )
