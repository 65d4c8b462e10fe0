"""Demo and scale data of co-creation: five cohort cities' processes with workshops, input in the local
languages, ideas and votes; Can Tho's call for SME proposals is awarded, Jakarta's is open.

Every date comes from the program calendar (`ccrs.demo_calendar`): the services stamp the moment of loading,
so past steps are put back on their day afterwards. Workshops run at working hours in the city's own time;
invitations go to workshops still to come, or to past ones their stakeholders answered.
"""

import zoneinfo
from datetime import datetime, time, timedelta

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from ccrs.demo_calendar import AFTERNOON, MORNING, PHASES, workday
from ccrs.links import link_url
from ccrs.models import User
from cities.demo import DEMO_CITY_SLUGS, demo_cities

from .. import services
from ..models import (
    Call,
    CallInvitation,
    CallStatus,
    Clarification,
    Idea,
    IdeaRating,
    Process,
    Proposal,
    Stakeholder,
    StakeholderInvitation,
    Submission,
    Vote,
    Workshop,
)
from .data import AGENDAS, DEMO, UPCOMING
from .scale import seed_scale

__all__ = ["demo_links", "reset_demo", "seed_demo", "seed_scale"]

CONSENT_VERSION = "2026-01"
DEMO_PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
STAKEHOLDER_ACCOUNT = "stakeholder@ccrs.demo"


def _email(slug, n):
    return f"stakeholder{n}.{slug}@demo.ccrs.example"


def _local(city, day, clock: time) -> datetime:
    return timezone.make_aware(datetime.combine(day, clock), zoneinfo.ZoneInfo(city.time_zone))


@transaction.atomic
def seed_demo(*, log, calendar) -> None:
    staff = User.objects.filter(email="staff@ccrs.demo").first()
    cities = demo_cities()
    for slug, spec in DEMO.items():
        city = cities.get(slug)
        if city is None or not calendar.reached(slug, "discover"):
            continue
        process, ideas, people = _seed_city(city, spec, calendar=calendar, log=log)
        if slug == "can-tho":  # awarded at the end of the cohort's procurement: its pilot starts from it
            _seed_call(process, ideas, people, calendar=calendar, staff=staff, log=log)
        elif slug == "jakarta":  # running late: its procurement is under way
            _seed_open_call(process, ideas, people, calendar=calendar, log=log)
    if UPCOMING["city"] in cities:
        _seed_upcoming(cities[UPCOMING["city"]], calendar=calendar, log=log)


def _seed_process(city, spec, *, calendar) -> Process:
    """The process with its five phases on the city's calendar: those past are done, the current one active."""
    phases = {kind: calendar.milestone(city.slug, kind) for kind in PHASES}
    process = services.process_create(city=city, title=spec["process"], challenge=spec["challenge"], phases=phases)
    for phase in process.phases.order_by("starts_on"):
        if phase.ends_on < calendar.today:
            services.phase_advance(phase=services.phase_advance(phase=phase))
        elif phase.starts_on <= calendar.today:
            services.phase_advance(phase=phase)
    Process.objects.filter(pk=process.pk).update(created_at=_local(city, phases["discover"][0], time(9, 0)))
    return process


PERSON_FIELDS = ("name", "organisation", "kind", "size", "women_led", "gender")


def _stakeholder(city, row, *, language, email):
    """A stakeholder registered from a row of the demo data: its PERSON_FIELDS in that order."""
    fields = dict(zip(PERSON_FIELDS, row, strict=True))
    return services.stakeholder_register(
        city=city, language=language, email=email, consent_version=CONSENT_VERSION, **fields
    )[0]


def _seed_city(city, spec, *, calendar, log):
    """The process, its stakeholders and one past ideation workshop that everyone invited answered."""
    process = _seed_process(city, spec, calendar=calendar)
    lang = spec["language"]
    people = [
        _stakeholder(city, row, language=lang, email=_email(city.slug, n)) for n, row in enumerate(spec["people"])
    ]
    day = workday(calendar.milestone(city.slug, "workshop"))
    starts_at, ends_at = _local(city, day, MORNING[0]), _local(city, day, MORNING[1])
    workshop = services.workshop_schedule(
        process=process,
        title=spec["workshop"],
        kind="ideation",
        starts_at=starts_at,
        ends_at=ends_at,
        input_closes_at=timezone.now() + timedelta(days=1),  # moved back to its day once the input is in
        place=spec["place"],
        language=lang,
        capacity=60,
        facilitators="R-Cities · " + city.name,
        agenda=AGENDAS[lang],
    )
    q_text = services.question_add(
        workshop=workshop, kind="long_text", text={lang: spec["questions"][0], "en": "Your idea"}
    )
    q_choice = services.question_add(
        workshop=workshop,
        kind="single_choice",
        text={lang: spec["questions"][1], "en": "Where to start?"},
        choices=[{lang: c} for c in spec["choices"]],
    )
    q_rating = services.question_add(
        workshop=workshop, kind="rating", text={lang: spec["questions"][2], "en": "How urgent (1–5)?"}
    )
    services.workshop_open(workshop=workshop)
    answering = people[: len(spec["answers"])]  # a past workshop's invitations are all answered
    invitations = [
        StakeholderInvitation.objects.create(
            workshop=workshop, stakeholder=person, expires_at=timezone.now() + timedelta(days=1)
        )
        for person in answering
    ]
    submissions = []
    for n, (invitation, answer) in enumerate(zip(invitations, spec["answers"], strict=False)):
        services.invitation_check_in(invitation=invitation)
        submission, _created = services.submission_save(
            invitation=invitation,
            language=lang,
            answers={str(q_text.pk): answer, str(q_choice.pk): n % len(spec["choices"]), str(q_rating.pk): 3 + n % 3},
        )
        submissions.append(submission)
    ideas = [
        services.idea_create(workshop=workshop, title=title, cluster=cluster, tags=tags, sources=submissions[n::3])
        for n, (title, cluster, tags) in enumerate(spec["ideas"])
    ]
    for n, invitation in enumerate(invitations[: len(submissions)]):
        services.vote_cast(invitation=invitation, idea=ideas[n % len(ideas)])
        services.idea_rate(invitation=invitation, idea=ideas[0], value=4 + n % 2)
    services.idea_shortlist(idea=ideas[0])
    _date_workshop(workshop, starts_at=starts_at, ends_at=ends_at)
    services.workshop_close(workshop=workshop)
    log(f"co-creation {city.name}: {len(people)} stakeholders, {len(submissions)} submissions, {len(ideas)} ideas")
    return process, ideas, people


def _date_workshop(workshop, *, starts_at, ends_at) -> None:
    """Put a past workshop and its input back on its day: invited ten days before, input closed a week after."""
    input_closes_at = ends_at + timedelta(days=7)
    Workshop.objects.filter(pk=workshop.pk).update(
        starts_at=starts_at, ends_at=ends_at, input_closes_at=input_closes_at, created_at=starts_at - timedelta(days=21)
    )
    StakeholderInvitation.objects.filter(workshop=workshop).update(
        created_at=starts_at - timedelta(days=10),
        sent_at=starts_at - timedelta(days=10),
        registered_at=starts_at - timedelta(days=3),
        checked_in_at=starts_at + timedelta(minutes=10),
        expires_at=input_closes_at + timedelta(days=30),
    )
    registered = starts_at - timedelta(days=30)
    Stakeholder.objects.filter(invitations__workshop=workshop).update(created_at=registered, consent_at=registered)
    answered = starts_at + timedelta(hours=2)
    Submission.objects.filter(workshop=workshop).update(created_at=answered, updated_at=answered)
    Idea.objects.filter(workshop=workshop).update(created_at=ends_at + timedelta(days=8))
    Vote.objects.filter(idea__workshop=workshop).update(created_at=ends_at + timedelta(days=9))
    IdeaRating.objects.filter(idea__workshop=workshop).update(created_at=ends_at + timedelta(days=9))


def _seed_upcoming(city, *, calendar, log) -> None:
    """The workshop still to come, open for input, and the stakeholder demo account's invitation to it."""
    process = Process.objects.filter(city=city).order_by("pk").first()
    if process is None:
        return
    lang = city.main_language
    day = workday(calendar.today + timedelta(days=UPCOMING["in_days"]))
    workshop = services.workshop_schedule(
        process=process,
        title=UPCOMING["title"],
        kind="validation",
        starts_at=_local(city, day, AFTERNOON[0]),
        ends_at=_local(city, day, AFTERNOON[1]),
        input_closes_at=_local(city, day + timedelta(days=7), time(17, 0)),
        place=UPCOMING["place"],
        language=lang,
        capacity=40,
        facilitators="R-Cities · " + city.name,
        agenda=UPCOMING["agenda"],
    )
    for kind, text, english in UPCOMING["questions"]:
        services.question_add(workshop=workshop, kind=kind, text={lang: text, "en": english})
    services.workshop_open(workshop=workshop)
    person = _stakeholder(city, UPCOMING["person"], language=lang, email=STAKEHOLDER_ACCOUNT)
    StakeholderInvitation.objects.create(
        workshop=workshop,
        stakeholder=person,
        expires_at=workshop.input_closes_at + timedelta(days=30),
        sent_at=timezone.now(),
    )
    log(f"co-creation {city.name}: a workshop on {day:%Y-%m-%d}, {STAKEHOLDER_ACCOUNT} invited")


def _invite_smes(call, people, *, sent_at):
    """Personal call links for the SMEs among `people`, e-mailed when the call opened."""
    return [
        CallInvitation.objects.create(
            call=call, stakeholder=person, expires_at=call.deadline + timedelta(days=30), sent_at=sent_at
        )
        for person in people
        if person.is_sme
    ]


def _seed_open_call(process, ideas, people, *, calendar, log):
    """Jakarta's call is open: published ten days ago, SMEs hold their links, one has sent a proposal."""
    city = process.city
    published = _local(city, calendar.today - timedelta(days=10), time(9, 0))
    call = services.call_create(
        process=process,
        idea=ideas[0],
        title="Panggilan proposal: bank sampah keliling per RW",
        description="Pemprov DKI Jakarta mengundang UMKM untuk mengusulkan layanan bank sampah keliling dengan jadwal tetap di setiap RW di Jakarta Utara.",  # noqa: E501 - text in the local language
        deadline=_local(city, calendar.today + timedelta(days=21), time(17, 0)),
        max_employees=49,
        required_documents=["Nomor Induk Berusaha (NIB)", "Rencana kerja"],
        budget="900000000",
        currency="IDR",
    )
    services.call_open(call=call)
    services.clarification_publish(
        call=call,
        question="Apakah koperasi boleh mengajukan proposal?",
        answer="Boleh, jika terdaftar di DKI Jakarta dan memiliki paling banyak 49 pekerja.",
    )
    for name, weight in [("Dampak", 4), ("Kelayakan", 3), ("Biaya", 2), ("Inklusi", 1)]:
        services.criterion_add(process=process, call=call, name=name, weight=weight)
    invitations = _invite_smes(call, people, sent_at=published)
    services.proposal_submit(
        call=call,
        stakeholder=invitations[0].stakeholder,
        title="Gerobak bank sampah keliling dua kali seminggu",
        summary="Layanan bank sampah keliling di 12 RW Cilincing, saldo tabungan untuk warga, dan pemilahan plastik.",
        employees=9,
        registered_in_city=True,
        amount="850000000",
        documents={
            "Nomor Induk Berusaha (NIB)": ContentFile(DEMO_PDF, name="nib.pdf"),
            "Rencana kerja": ContentFile(DEMO_PDF, name="rencana-kerja.pdf"),
        },
    )
    Call.objects.filter(pk=call.pk).update(created_at=published)
    Clarification.objects.filter(call=call).update(published_at=published + timedelta(days=5))
    Proposal.objects.filter(call=call).update(created_at=published + timedelta(days=7))
    log(f"co-creation call {call.title}: open, {len(invitations)} SMEs invited")


def _seed_call(process, ideas, people, *, calendar, staff, log):
    """Can Tho's call: published, answered by two SMEs, evaluated and awarded on the city's calendar."""
    city = process.city
    published = calendar.moment(city, "call_published", time(9, 0))
    deadline = calendar.moment(city, "call_deadline", time(17, 0))
    call = services.call_create(
        process=process,
        idea=ideas[0],
        title="Gọi đề xuất: thu gom rác hữu cơ bằng túi hai màu",
        description="Thành phố Cần Thơ mời các doanh nghiệp nhỏ và vừa đề xuất giải pháp thu gom và phân loại rác hữu cơ tại hộ gia đình ở quận Ninh Kiều.",  # noqa: E501 - text in the local language
        deadline=timezone.now() + timedelta(days=1),  # moved back to its day once the proposals are in
        max_employees=49,
        budget="750000000",
        currency="VND",
    )
    services.call_open(call=call)
    _invite_smes(call, people, sent_at=published)
    services.clarification_publish(
        call=call,
        question="Hợp tác xã có được nộp đề xuất không?",
        answer="Có, nếu hợp tác xã đăng ký kinh doanh tại Cần Thơ và có dưới 50 lao động.",
    )
    proposals = [
        services.proposal_submit(
            call=call,
            stakeholder=people[0],
            title="Túi hai màu và xe ba gác điện",
            summary="Thu gom rác hữu cơ hai lần mỗi tuần tại 2.000 hộ.",
            employees=8,
            registered_in_city=True,
            amount="690000000",
        ),
        services.proposal_submit(
            call=call,
            stakeholder=people[2],
            title="Ủ compost rác chợ cho nông dân ven đô",
            summary="Thu gom rác hữu cơ ở 3 chợ và ủ phân compost.",
            employees=22,
            registered_in_city=True,
            amount="740000000",
        ),
    ]
    if staff is not None:
        criteria = [
            services.criterion_add(process=process, call=call, name=n, weight=w)
            for n, w in [("Tác động", 4), ("Tính khả thi", 3), ("Chi phí", 2), ("Tính bao trùm", 1)]
        ]
        services.conflict_declare(process=process, call=call, evaluator=staff, has_conflict=False)
        for proposal, base in zip(proposals, (8, 6), strict=True):
            services.score_sheet_submit(
                evaluator=staff,
                proposal=proposal,
                values={criterion.pk: base - n % 2 for n, criterion in enumerate(criteria)},
                comments={},
            )
    Call.objects.filter(pk=call.pk).update(deadline=min(deadline, timezone.now() - timedelta(hours=1)))
    call.refresh_from_db()
    services.call_close(call=call)
    if staff is not None:
        services.proposal_award(proposal=proposals[0])
    Call.objects.filter(pk=call.pk).update(created_at=published, deadline=deadline)
    Clarification.objects.filter(call=call).update(published_at=published + timedelta(days=7))
    Proposal.objects.filter(call=call).update(created_at=deadline - timedelta(days=3))
    Proposal.objects.filter(call=call, awarded_at__isnull=False).update(
        awarded_at=calendar.moment(city, "award", time(10, 0))
    )
    log(f"co-creation call {call.title}: {len(proposals)} proposals, awarded")


@transaction.atomic
def reset_demo(*, log) -> None:
    """Delete the demo cities' processes (workshops, input, ideas, calls, proposals) and stakeholder registries."""
    processes, _by_model = Process.objects.filter(city__slug__in=DEMO_CITY_SLUGS).delete()
    stakeholders, _by_model = Stakeholder.objects.filter(city__slug__in=DEMO_CITY_SLUGS).delete()
    log(f"deleted the demo's co-creation ({processes + stakeholders} rows)")


def demo_links() -> list[tuple[str, str]]:
    """The stakeholder demo account's workshop form, and the link of an SME that has not answered the open call."""
    links = []
    invitation = (
        StakeholderInvitation.objects.filter(
            stakeholder__email=STAKEHOLDER_ACCOUNT, workshop__starts_at__gt=timezone.now(), submission__isnull=True
        )
        .select_related("workshop")
        .first()
    )
    if invitation is not None:
        links.append(
            (f"the workshop form of {STAKEHOLDER_ACCOUNT}", link_url(services.STAKEHOLDER_INVITATION, invitation))
        )
    call_invitation = (
        CallInvitation.objects.filter(call__status=CallStatus.OPEN, call__process__city__slug__in=DEMO_CITY_SLUGS)
        .exclude(stakeholder__proposals__call=F("call"))
        .select_related("call")
        .order_by("pk")
        .first()
    )
    if call_invitation is not None:
        links.append(
            (
                f"an SME's link to the call {call_invitation.call.title}",
                link_url(services.CALL_INVITATION, call_invitation),
            )
        )
    return links
