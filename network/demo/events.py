"""The network's demo events: past and upcoming, in several languages, on the program calendar. A Thai webinar
by Bangkok on waterfront tourism is full and has a waitlist; a Vietnamese peer exchange of Can Tho and Da Nang;
an Indonesian training on waste banks and an English webinar of the funder took place and have their closing
records; a Malay study visit in Melaka is to come. The people are the demo accounts (ccrs.demo, cities.demo);
the organisers are the cities' network organisations where the members' demo made them."""

import uuid
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from ccrs.models import User

from ..models import Event, Organisation, Registration, RegistrationStatus
from ..services import events as services

UID_NAMESPACE = uuid.UUID("3f0d9c1e-6f0b-4a53-9d55-8d3c2f7a0e11")

# (key, kind, language, title, agenda, speakers, city slug of the organiser, zone, days from today, start,
#  hours, place, online link, capacity, registrants (the first `capacity` get seats), attended)
DEMO_EVENTS = [
    (
        "bangkok-waterfront",
        "webinar",
        "th",
        "ฟื้นฟูการท่องเที่ยวริมน้ำหลังโควิด: บทเรียนจากคลองโอ่งอ่างและเจ้าพระยา",
        "1. ภาพรวมผู้ประกอบการรายย่อยริมน้ำ\n2. โครงการนำร่องตลาดริมคลอง\n3. ถาม-ตอบ",
        "ดร. วิลาสินี สุขสวัสดิ์ (กรุงเทพมหานคร)\nสมชาย วงศ์สกุล",
        "bangkok",
        "Asia/Bangkok",
        9,
        time(14, 0),
        1.5,
        "",
        "https://meet.example.org/bkk-waterfront",
        3,
        [
            "officer.bangkok@ccrs.demo",
            "lead.melaka@ccrs.demo",
            "officer.melaka@ccrs.demo",
            "network@ccrs.demo",
            "lead.cantho@ccrs.demo",
        ],
        None,
    ),
    (
        "cantho-danang-exchange",
        "peer_exchange",
        "vi",
        "Trao đổi Cần Thơ – Đà Nẵng: thu gom và phân loại rác cùng doanh nghiệp nhỏ",
        "Buổi sáng: tham quan điểm thu gom ở quận Hải Châu.\nBuổi chiều: chia sẻ kinh nghiệm thí điểm túi hai màu.",
        "Nguyễn Thị Lan (Cần Thơ)\nTrần Thị Thu Hà (Đà Nẵng)",
        "can-tho",
        "Asia/Ho_Chi_Minh",
        23,
        time(8, 30),
        7,
        "Trung tâm Hành chính Đà Nẵng, 24 Trần Phú",
        "",
        25,
        ["lead.cantho@ccrs.demo", "officer.cantho@ccrs.demo", "lead.danang@ccrs.demo", "officer.danang@ccrs.demo"],
        None,
    ),
    (
        "melaka-study-visit",
        "study_visit",
        "ms",
        "Lawatan sambil belajar: pelancongan tepi Sungai Melaka",
        "Lawatan ke gerai PKS di tebing sungai dan perbincangan tentang pemulihan pelancongan.",
        "Nurul Aisyah binti Ahmad (Melaka)",
        "melaka",
        "Asia/Kuala_Lumpur",
        44,
        time(9, 0),
        6,
        "Dataran Pahlawan, Bandar Hilir, Melaka",
        "",
        20,
        ["lead.bangkok@ccrs.demo", "officer.bangkok@ccrs.demo"],
        None,
    ),
    (
        "semarang-waste-bank-training",
        "training",
        "id",
        "Pelatihan bank sampah untuk UMKM batik",
        "Cara menghitung tabungan sampah, kemitraan dengan pengrajin batik, dan pencatatan digital.",
        "Hendrawan Prasetyo (Semarang)\nRatna Kusumawati (Jakarta)",
        "semarang",
        "Asia/Jakarta",
        -26,
        time(9, 0),
        3,
        "Balai Kota Semarang, Jl. Pemuda 148",
        "https://meet.example.org/bank-sampah",
        40,
        ["lead.semarang@ccrs.demo", "viewer.semarang@ccrs.demo", "lead.jakarta@ccrs.demo", "officer.jakarta@ccrs.demo"],
        ["lead.semarang@ccrs.demo", "lead.jakarta@ccrs.demo", "officer.jakarta@ccrs.demo"],
    ),
    (
        "funder-sme-finance",
        "webinar",
        "en",
        "Financing SME resilience: what the cohort learned in its first year",
        "Short talks by three cities, then questions to the program team.",
        "Amelia Tan (R-Cities)",
        None,
        "Asia/Singapore",
        -61,
        time(15, 0),
        1,
        "",
        "https://meet.example.org/sme-finance",
        None,
        ["lead.cantho@ccrs.demo", "lead.bangkok@ccrs.demo", "network@ccrs.demo", "lead.melaka@ccrs.demo"],
        ["lead.cantho@ccrs.demo", "lead.bangkok@ccrs.demo", "network@ccrs.demo"],
    ),
]

SUMMARIES = {
    "semarang-waste-bank-training": (
        "Tiga kota berbagi cara kerja bank sampah; Jakarta akan mencoba pencatatan digital."
    ),
    "funder-sme-finance": "Cities compared co-funding in cash and in kind; the recording and slides are shared.",
}


def _uid(key: str) -> uuid.UUID:
    return uuid.uuid5(UID_NAMESPACE, key)


@transaction.atomic
def seed_demo(*, log, calendar) -> None:
    people = {user.email: user for user in User.objects.filter(email__endswith="@ccrs.demo")}
    staff = people.get("staff@ccrs.demo")
    made = 0
    for (
        key,
        kind,
        language,
        title,
        agenda,
        speakers,
        city,
        zone,
        days,
        clock,
        hours,
        place,
        online,
        capacity,
        registrants,
        attended,
    ) in DEMO_EVENTS:
        if Event.objects.filter(uid=_uid(key)).exists():
            continue
        starts_at = datetime.combine(calendar.today + timedelta(days=days), clock, tzinfo=ZoneInfo(zone))
        event = services.event_create(
            created_by=staff,
            kind=kind,
            title=title,
            description=agenda,
            speakers=speakers,
            organiser=Organisation.objects.filter(city__slug=city).first() if city else None,
            starts_at=starts_at,
            ends_at=starts_at + timedelta(hours=hours),
            time_zone=zone,
            language=language,
            place=place,
            online_url=online,
            capacity=capacity,
            questions=[{"text": "Câu hỏi bạn muốn đặt cho diễn giả?", "required": False}] if language == "vi" else [],
        )
        Event.objects.filter(pk=event.pk).update(uid=_uid(key))
        users = [people[email] for email in registrants if email in people]
        if starts_at > timezone.now():
            for user in users:
                services.registration_create(event=event, user=user)
        else:
            seats = capacity or len(users)
            Registration.objects.bulk_create(
                Registration(
                    event=event,
                    user=user,
                    status=RegistrationStatus.REGISTERED if i < seats else RegistrationStatus.WAITLISTED,
                    queued_at=starts_at - timedelta(days=10, minutes=-i),
                )
                for i, user in enumerate(users)
            )
            services.attendance_record(
                event=event, attended_user_ids=[people[e].pk for e in attended or [] if e in people]
            )
            services.event_close(event=event, closed_by=staff, summary=SUMMARIES[key], recording_url=online)
        made += 1
    log(f"{made} demo network events")


def reset_demo(*, log) -> None:
    deleted, _rows = Event.objects.filter(uid__in=[_uid(row[0]) for row in DEMO_EVENTS]).delete()
    log(f"deleted the demo network events ({deleted} rows)")


def demo_links() -> list[tuple[str, str]]:
    return [("network events (a full Thai webinar with a waitlist)", "/network/events/")]


@transaction.atomic
def seed_scale(*, factor: int, log, density: float = 1.0) -> None:
    """Per unit of factor: 150 events at full density (a third past), and 30 registrations each from the scale
    members."""
    from ccrs.demo_registry import thinned

    members = list(User.objects.filter(email__endswith="@scale.ccrs", is_network_member=True).order_by("pk")[:100])
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    start = Event.objects.filter(title__startswith="Scale event").count()
    events = Event.objects.bulk_create(
        Event(
            kind="webinar",
            title=f"Scale event {i}",
            starts_at=now + timedelta(days=i % 90 - 30, hours=i % 7),
            ends_at=now + timedelta(days=i % 90 - 30, hours=i % 7 + 1),
            online_url="https://meet.example.org/scale",
            capacity=20,
        )
        for i in range(start, start + thinned(150 * factor, density))
    )
    registrations = [
        Registration(
            event=event,
            user=user,
            status=RegistrationStatus.REGISTERED if n < 20 else RegistrationStatus.WAITLISTED,
            queued_at=now,
        )
        for event in events
        for n, user in enumerate(members[:30])
    ]
    Registration.objects.bulk_create(registrations, ignore_conflicts=True, batch_size=2000)
    log(f"{len(events)} scale network events, {len(registrations)} registrations")
