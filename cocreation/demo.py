"""Demo and scale data of co-creation: five cohort cities' processes with workshops, input in the
local languages, ideas and votes, and one call for SME proposals (Can Tho) that is awarded."""

import random
from datetime import timedelta

from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from ccrs.models import User
from cities.demo import SCALE_CITY_PREFIX
from cities.models import City

from . import services
from .models import (
    Call,
    CallInvitation,
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

CONSENT_VERSION = "2026-01"
DEMO_PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
SCALE_CALL_SMES = 40  # per unit of factor: SMEs invited to each call, each with a proposal

# slug: (process title, challenge, workshop title, place, [stakeholders], [questions], [answers], [ideas])
DEMO = {
    "can-tho": {
        "language": "vi",
        "process": "Thu gom và phân loại rác thải tại nguồn ở Cần Thơ",
        "challenge": "Nâng cao thu gom và phân loại rác với các HTX và cơ sở ve chai nhỏ, trong bối cảnh ngập lụt và nước biển dâng.",  # noqa: E501 - text in the local language
        "workshop": "Hội thảo ý tưởng: phân loại rác tại hộ gia đình và chợ",
        "place": "Hội trường UBND quận Ninh Kiều",
        "people": [
            ("Nguyễn Thị Lan", "HTX Vệ sinh môi trường Ninh Kiều", "sme", "micro", True, "female"),
            ("Trần Văn Hùng", "Cơ sở ve chai Cái Răng", "sme", "micro", False, "male"),
            ("Lê Thị Mai", "Công ty TNHH Tái chế Xanh Mekong", "sme", "small", True, "female"),
            ("Phạm Quốc Bảo", "Sở Tài nguyên và Môi trường", "city_department", "", False, "male"),
            ("Võ Thị Hạnh", "Hội Liên hiệp Phụ nữ TP Cần Thơ", "ngo", "", False, "female"),
            ("Đặng Minh Tuấn", "Trường Đại học Cần Thơ", "academia", "", False, "male"),
        ],
        "questions": [
            "Ý tưởng của bạn để tăng phân loại rác tại nguồn?",
            "Nên bắt đầu ở đâu?",
            "Mức độ cấp bách (1–5)",
        ],
        "choices": ["Hộ gia đình", "Chợ truyền thống", "Trường học"],
        "answers": [
            "Phát túi hai màu cho hộ gia đình và thu gom rác hữu cơ riêng hai lần mỗi tuần.",
            "Đặt điểm thu mua phế liệu tại chợ Xuân Khánh, trả tiền ngay cho người bán.",
            "Ứng dụng Zalo để hẹn giờ thu gom ve chai tận nhà.",
            "Ủ phân compost rác hữu cơ từ chợ cho nông dân ven đô.",
            "Tập huấn cho tổ thu gom về an toàn lao động và phân loại.",
            "Thưởng điểm cho hộ phân loại đúng, đổi lấy hàng tiêu dùng.",
        ],
        "ideas": [
            ("Túi hai màu và lịch thu gom riêng", "Phân loại", ["hộ gia đình", "hữu cơ"]),
            ("Điểm thu mua phế liệu tại chợ", "Tái chế", ["chợ", "ve chai"]),
            ("Ứng dụng hẹn thu gom qua Zalo", "Số hóa", ["ứng dụng"]),
        ],
    },
    "jakarta": {
        "language": "id",
        "process": "Pengumpulan dan pemilahan sampah oleh UMKM di Jakarta",
        "challenge": "Mengurangi, memulihkan dan mengolah sampah melalui UMKM pengumpul dan pemilah.",
        "workshop": "Lokakarya ide: bank sampah dan pemilahan di RW",
        "place": "Balai Kota DKI Jakarta, Ruang Pola",
        "people": [
            ("Siti Rahmawati", "Bank Sampah Melati Bersih", "sme", "micro", True, "female"),
            ("Budi Santoso", "CV Daur Ulang Cilincing", "sme", "small", False, "male"),
            ("Dewi Lestari", "Koperasi Pemulung Bantargebang", "sme_association", "", True, "female"),
            ("Agus Wijaya", "Dinas Lingkungan Hidup DKI Jakarta", "city_department", "", False, "male"),
            ("Rina Marlina", "Yayasan Kota Hijau", "ngo", "", False, "female"),
        ],
        "questions": [
            "Apa ide Anda untuk meningkatkan pemilahan sampah?",
            "Di mana sebaiknya dimulai?",
            "Seberapa mendesak (1–5)?",
        ],
        "choices": ["Rumah tangga", "Pasar tradisional", "Sekolah"],
        "answers": [
            "Bank sampah keliling di setiap RW dengan jadwal tetap.",
            "Insentif saldo e-wallet untuk sampah plastik terpilah.",
            "Pelatihan pemilahan untuk kader PKK.",
            "Kemitraan pemulung dengan pengelola pasar.",
            "Komposter komunal di pasar tradisional.",
        ],
        "ideas": [
            ("Bank sampah keliling per RW", "Pengumpulan", ["bank sampah"]),
            ("Saldo e-wallet untuk plastik terpilah", "Insentif", ["plastik", "digital"]),
        ],
    },
    "semarang": {
        "language": "id",
        "process": "Batik Semarang menuju produksi hijau",
        "challenge": "Mengubah industri batik tradisional menjadi hijau dengan pewarna dan metode ramah lingkungan untuk pasar premium.",  # noqa: E501 - text in the local language
        "workshop": "Lokakarya: pewarna alami dan pengolahan limbah batik",
        "place": "Kampung Batik Semarang",
        "people": [
            ("Sri Wahyuni", "Batik Semarang 16", "sme", "small", True, "female"),
            ("Eko Prasetyo", "Griya Batik Kampung Malon", "sme", "micro", False, "male"),
            ("Lestari Handayani", "Paguyuban Perajin Batik Semarang", "sme_association", "", True, "female"),
            ("Hendra Gunawan", "Universitas Diponegoro", "academia", "", False, "male"),
        ],
        "questions": [
            "Apa ide Anda untuk batik yang lebih ramah lingkungan?",
            "Prioritas utama?",
            "Seberapa mendesak (1–5)?",
        ],
        "choices": ["Pewarna alami", "Pengolahan limbah", "Pemasaran premium"],
        "answers": [
            "IPAL komunal untuk perajin di Kampung Batik.",
            "Pewarna alami dari indigo dan kulit mahoni dengan pelatihan bersama.",
            "Sertifikasi batik ramah lingkungan untuk pasar ekspor.",
            "Showroom bersama dengan cerita proses hijau.",
        ],
        "ideas": [
            ("IPAL komunal Kampung Batik", "Limbah", ["air", "limbah"]),
            ("Pewarna alami bersama", "Bahan", ["indigo"]),
        ],
    },
    "bangkok": {
        "language": "th",
        "process": "ฟื้นฟูการท่องเที่ยวริมน้ำคลองผดุงกรุงเกษม",
        "challenge": "ฟื้นฟูการท่องเที่ยวริมน้ำพร้อมแก้ปัญหาน้ำเสียและความเหนียวแน่นของชุมชน",
        "workshop": "เวทีระดมความคิด: ตลาดริมคลองและเรือท่องเที่ยว",
        "place": "ศาลาว่าการกรุงเทพมหานคร",
        "people": [
            ("สมศรี ใจดี", "ร้านอาหารริมคลองบ้านสมศรี", "sme", "micro", True, "female"),
            ("ประเสริฐ วงศ์ทอง", "เรือนำเที่ยวคลองผดุง", "sme", "small", False, "male"),
            ("วิภาวรรณ แสงทอง", "ชมรมผู้ประกอบการตลาดน้ำ", "sme_association", "", True, "female"),
            ("อนุชา บุญมา", "สำนักการระบายน้ำ กทม.", "city_department", "", False, "male"),
        ],
        "questions": ["ความคิดของคุณเพื่อฟื้นฟูท่องเที่ยวริมน้ำคืออะไร", "ควรเริ่มที่ใด", "ความเร่งด่วน (1–5)"],
        "choices": ["ตลาดริมคลอง", "เรือท่องเที่ยว", "ทางเดินริมน้ำ"],
        "answers": [
            "ตลาดนัดริมคลองทุกเย็นวันศุกร์ ใช้ภาชนะย่อยสลายได้",
            "เรือไฟฟ้านำเที่ยวพร้อมไกด์ชุมชน",
            "ถังดักไขมันสำหรับร้านอาหารริมน้ำ",
            "ป้ายเล่าเรื่องประวัติคลองสองภาษา",
        ],
        "ideas": [("ตลาดเย็นริมคลอง ปลอดโฟม", "ตลาด", ["ขยะ", "ตลาด"]), ("เรือไฟฟ้ากับไกด์ชุมชน", "การเดินทาง", ["เรือ"])],
    },
    "melaka": {
        "language": "ms",
        "process": "Pelancongan tepi Sungai Melaka bersama PKS tempatan",
        "challenge": "Menghidupkan semula pelancongan sungai dan tepi air bersama PKS tempatan sambil menangani pencemaran air.",  # noqa: E501 - text in the local language
        "workshop": "Bengkel idea: pelancongan sungai yang bersih",
        "place": "Dewan Bandaraya Melaka",
        "people": [
            ("Nurul Aina binti Ahmad", "Kafe Tepi Sungai Kampung Morten", "sme", "micro", True, "female"),
            ("Tan Wei Ming", "Melaka River Cruise Sdn Bhd", "sme", "medium", False, "male"),
            ("Siti Hajar binti Osman", "Persatuan Peniaga Jonker", "sme_association", "", True, "female"),
            ("Mohd Faizal bin Hassan", "Majlis Bandaraya Melaka Bersejarah", "city_department", "", False, "male"),
        ],
        "questions": [
            "Apakah idea anda untuk pelancongan tepi sungai?",
            "Di mana patut bermula?",
            "Tahap keperluan (1–5)?",
        ],
        "choices": ["Kampung Morten", "Jonker Walk", "Dataran Pahlawan"],
        "answers": [
            "Perangkap sampah terapung dan sukarelawan sungai setiap bulan.",
            "Pasar malam tepi sungai tanpa polistirena.",
            "Pakej homestay dan lawatan kayak di Kampung Morten.",
            "Papan tanda cerita warisan dalam empat bahasa.",
        ],
        "ideas": [
            ("Pasar malam tepi sungai tanpa polistirena", "Pasar", ["sisa"]),
            ("Homestay dan kayak Kampung Morten", "Pengalaman", ["kampung"]),
        ],
    },
}


def _email(slug, n):
    return f"stakeholder{n}.{slug}@demo.ccrs.example"


def _seed_city(city, spec, *, now, log, staff):
    if Process.objects.filter(city=city, title=spec["process"]).exists():
        return None
    today = timezone.localdate()
    phases = {}
    start = today - timedelta(days=90)
    for i, kind in enumerate(["discover", "ideate", "prioritise", "select", "procure"]):
        phases[kind] = (start + timedelta(days=45 * i), start + timedelta(days=45 * i + 44))
    process = services.process_create(city=city, title=spec["process"], challenge=spec["challenge"], phases=phases)
    for phase in process.phases.order_by("starts_on"):
        if phase.ends_on < today:
            services.phase_advance(phase=services.phase_advance(phase=phase))
        elif phase.starts_on <= today:
            services.phase_advance(phase=phase)
    lang = spec["language"]
    people = []
    for n, (name, org, kind, size, women_led, gender) in enumerate(spec["people"]):
        person, _created = services.stakeholder_register(
            city=city,
            name=name,
            organisation=org,
            kind=kind,
            size=size,
            women_led=women_led,
            gender=gender,
            language=lang,
            email=_email(city.slug, n),
            consent_version=CONSENT_VERSION,
        )
        people.append(person)
    workshop = services.workshop_schedule(
        process=process,
        title=spec["workshop"],
        kind="ideation",
        starts_at=now - timedelta(days=3),
        ends_at=now - timedelta(days=3) + timedelta(hours=3),
        input_closes_at=now + timedelta(days=14),
        place=spec["place"],
        language=lang,
        capacity=60,
        facilitators="R-Cities · " + city.name,
        agenda=_agenda(lang),
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
    invitations = []
    for person in people:
        invitation = StakeholderInvitation.objects.create(
            workshop=workshop, stakeholder=person, expires_at=now + timedelta(days=44), sent_at=now - timedelta(days=10)
        )
        invitations.append(invitation)
    submissions = []
    for n, (invitation, answer) in enumerate(zip(invitations, spec["answers"], strict=False)):
        services.invitation_check_in(invitation=invitation)
        submission, _created = services.submission_save(
            invitation=invitation,
            language=lang,
            answers={str(q_text.pk): answer, str(q_choice.pk): n % len(spec["choices"]), str(q_rating.pk): 3 + n % 3},
        )
        submissions.append(submission)
    ideas = []
    for n, (title, cluster, tags) in enumerate(spec["ideas"]):
        ideas.append(
            services.idea_create(workshop=workshop, title=title, cluster=cluster, tags=tags, sources=submissions[n::3])
        )
    for n, invitation in enumerate(invitations[: len(submissions)]):
        services.vote_cast(invitation=invitation, idea=ideas[n % len(ideas)])
        services.idea_rate(invitation=invitation, idea=ideas[0], value=4 + n % 2)
    services.idea_shortlist(idea=ideas[0])
    log(f"co-creation {city.name}: {len(people)} stakeholders, {len(submissions)} submissions, {len(ideas)} ideas")
    return process, ideas, people


@transaction.atomic
def seed_demo(*, log) -> None:
    now = timezone.now()
    staff = User.objects.filter(email="staff@ccrs.demo").first()
    for slug, spec in DEMO.items():
        city = City.objects.filter(slug=slug).first()
        if city is None:
            continue
        result = _seed_city(city, spec, now=now, log=log, staff=staff)
        if result and slug == "can-tho":
            _seed_call(result, now=now, staff=staff, log=log)
        if result and slug == "jakarta":
            _seed_open_call(result, now=now, log=log)


def _invite_smes(call, people, *, now):
    """Personal call links for the SMEs among `people`, as if e-mailed when the call opened."""
    return [
        CallInvitation.objects.create(
            call=call,
            stakeholder=person,
            expires_at=call.deadline + timedelta(days=30),
            sent_at=now - timedelta(days=2),
        )
        for person in people
        if person.is_sme
    ]


def _seed_open_call(result, *, now, log):
    """Jakarta's call is open: SMEs hold their links, one has already sent a proposal with its documents."""
    process, ideas, people = result
    call = services.call_create(
        process=process,
        idea=ideas[0],
        title="Panggilan proposal: bank sampah keliling per RW",
        description="Pemprov DKI Jakarta mengundang UMKM untuk mengusulkan layanan bank sampah keliling dengan jadwal tetap di setiap RW di Jakarta Utara.",  # noqa: E501 - text in the local language
        deadline=now + timedelta(days=21),
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
    invitations = _invite_smes(call, people, now=now)
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
    link = reverse("cocreation:apply", kwargs={"token": services.call_invitation_token(invitation=invitations[-1])})
    log(f"co-creation call {call.title}: open, {len(invitations)} SMEs invited; an SME's link: {link}")


def _seed_call(result, *, now, staff, log):
    process, ideas, people = result
    call = services.call_create(
        process=process,
        idea=ideas[0],
        title="Gọi đề xuất: thu gom rác hữu cơ bằng túi hai màu",
        description="Thành phố Cần Thơ mời các doanh nghiệp nhỏ và vừa đề xuất giải pháp thu gom và phân loại rác hữu cơ tại hộ gia đình ở quận Ninh Kiều.",  # noqa: E501 - text in the local language
        deadline=now + timedelta(days=1),
        max_employees=49,
        budget="750000000",
        currency="VND",
    )
    services.call_open(call=call)
    _invite_smes(call, people, now=now)
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
    if staff is None:
        return
    criteria = [
        services.criterion_add(process=process, call=call, name=n, weight=w)
        for n, w in [("Impact", 4), ("Feasibility", 3), ("Cost", 2), ("Inclusion", 1)]
    ]
    services.conflict_declare(process=process, call=call, evaluator=staff, has_conflict=False)
    for proposal, base in zip(proposals, (8, 6), strict=True):
        services.score_sheet_submit(
            evaluator=staff,
            proposal=proposal,
            values={criterion.pk: base - n % 2 for n, criterion in enumerate(criteria)},
            comments={},
        )
    type(call).objects.filter(pk=call.pk).update(deadline=now - timedelta(hours=1))
    call.refresh_from_db()
    services.call_close(call=call)
    services.proposal_award(proposal=proposals[0])
    log(f"co-creation call {call.title}: {len(proposals)} proposals, awarded")


def seed_scale(*, factor: int, log) -> None:
    """Per unit of factor: each scale city gets a process, a workshop, 625 stakeholders with submissions
    (20,000 in all), ideas and votes; every existing workshop also grows by 60 submissions."""
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
        _grow_workshop(workshop, 625 * factor if scale_city else 60 * factor, now=now, rng=rng)
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
        _grow_call(call, SCALE_CALL_SMES * factor, now=now)
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
    from .models import Idea

    ideas = Idea.objects.bulk_create(
        [Idea(workshop=workshop, title=f"Scale idea {workshop.pk}.{n}", tags=["scale"]) for n in range(20)]
    )
    Vote.objects.bulk_create(
        [Vote(idea=ideas[n % len(ideas)], invitation=inv) for n, inv in enumerate(invitations)], batch_size=2000
    )


def _agenda(language: str) -> str:
    """The demo workshop's agenda in the workshop's language."""
    with translation.override(language):
        return "\n".join(
            f"{n}. {item}" for n, item in enumerate([gettext("Challenge"), gettext("Ideas"), gettext("Votes")], 1)
        )
