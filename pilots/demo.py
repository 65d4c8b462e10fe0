"""Demo and scale data of the pilots app: a pilot for each cohort city that reached that stage.

Bangkok and Melaka pilot waterfront tourism, Semarang green batik, Jakarta and Can Tho waste
collection and separation; Da Nang is still assessing its sector and has no pilot. Text is in
each city's language. Updates are created in every state (submitted, returned, approved).
"""

from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone, translation

from ccrs.models import CityMembership, CityRole, User
from cities.demo import SCALE_CITY_PREFIX
from cities.models import City
from cocreation.models import Proposal, ProposalStatus
from sectors.selectors import sector_baselines

from . import services
from .models import (
    BudgetLine,
    Expenditure,
    FundingSource,
    Indicator,
    Measure,
    Milestone,
    MilestoneStatus,
    Period,
    Pilot,
    PilotStatus,
    Result,
    Risk,
    SMEPartner,
    Update,
    UpdateStatus,
)

# Units of USD per unit of each cohort currency, from these dates (rounded market rates).
RATES = {
    "THB": [(date(2024, 1, 1), "0.0290"), (date(2025, 1, 1), "0.0293"), (date(2026, 1, 1), "0.0305")],
    "MYR": [(date(2024, 1, 1), "0.2170"), (date(2025, 1, 1), "0.2235"), (date(2026, 1, 1), "0.2380")],
    "IDR": [(date(2024, 1, 1), "0.0000649"), (date(2025, 1, 1), "0.0000620"), (date(2026, 1, 1), "0.0000603")],
    "VND": [(date(2024, 1, 1), "0.0000412"), (date(2025, 1, 1), "0.0000393"), (date(2026, 1, 1), "0.0000381")],
}

START = date(2025, 7, 1)
END = date(2027, 6, 30)
QUARTERS = [
    (date(2025, 7, 1), date(2025, 9, 30)),
    (date(2025, 10, 1), date(2025, 12, 31)),
    (date(2026, 1, 1), date(2026, 3, 31)),
    (date(2026, 4, 1), date(2026, 6, 30)),
    (date(2026, 7, 1), date(2026, 9, 30)),
    (date(2026, 10, 1), date(2026, 12, 31)),
]

PILOTS = {
    "can-tho": {
        "title": "Phân loại rác tại nguồn cùng doanh nghiệp thu gom Ninh Kiều",
        "description": "Hợp tác xã và doanh nghiệp nhỏ thu gom rác đã phân loại tại 5 phường của quận Ninh Kiều.",
        "solution": "Xe thu gom ba ngăn và ứng dụng đặt lịch thu gom cho hộ gia đình và chợ.",
        "sector": ("E38", "Thu gom và phân loại rác thải"),
        "currency": "VND",
        "grant": Decimal("150000"),
        "match": Decimal("3500000000"),
        "partners": [
            ("HTX Dịch vụ Môi trường Ninh Kiều", "small", True),
            ("Công ty TNHH Tái chế Xanh Cần Thơ", "micro", False),
            ("Cơ sở ve chai Cái Khế", "micro", True),
        ],
        "lines": [
            ("equipment", "Xe thu gom ba ngăn", Decimal("1800000000")),
            ("training", "Tập huấn phân loại rác cho hộ dân", Decimal("400000000")),
            ("monitoring", "Cân điện tử và theo dõi khối lượng", Decimal("250000000")),
        ],
        "milestones": [
            ("Ký hợp đồng với hợp tác xã", "Sở Tài nguyên và Môi trường", date(2025, 8, 15), MilestoneStatus.DONE),
            (
                "Bàn giao xe thu gom",
                "HTX Dịch vụ Môi trường Ninh Kiều",
                date(2026, 10, 31),
                MilestoneStatus.IN_PROGRESS,
            ),
            ("Đánh giá giữa kỳ", "Nhóm thành phố", date(2027, 1, 31), MilestoneStatus.PLANNED),
        ],
        "risks": [
            ("Ngập lụt làm gián đoạn thu gom", 4, 3, "Lịch thu gom dự phòng theo mùa lũ", "Nhóm thành phố"),
            ("Hộ dân không duy trì phân loại", 3, 4, "Tuyên truyền qua tổ dân phố", "Hội Phụ nữ phường"),
        ],
        "results": [
            (
                "output",
                "Doanh nghiệp nhỏ thu gom rác đã phân loại",
                [
                    (
                        "Khối lượng rác tái chế được thu gom",
                        Measure.UNIT,
                        "tấn",
                        "30",
                        2024,
                        ["waste", "income"],
                        ["women_led"],
                        ["60", "80", "100", "120", "140", "160"],
                    ),
                ],
            ),
            (
                "outcome",
                "Hộ gia đình phân loại rác tại nguồn",
                [
                    (
                        "Tỷ lệ hộ phân loại rác",
                        Measure.PERCENTAGE,
                        "",
                        "12",
                        2024,
                        ["waste", "equity"],
                        [],
                        ["20", "25", "30", "35", "40", "45"],
                    ),
                ],
            ),
        ],
    },
    "jakarta": {
        "title": "Bank Sampah Digital bersama UMKM pengumpul sampah",
        "description": "UMKM pengumpul dan pemilah sampah di Jakarta Timur memakai aplikasi bank sampah.",
        "solution": "Aplikasi bank sampah dan titik setor terpilah di 20 RW.",
        "sector": ("E38", "Pengumpulan dan pemilahan sampah"),
        "currency": "IDR",
        "grant": Decimal("150000"),
        "match": Decimal("2500000000"),
        "partners": [
            ("Bank Sampah Induk Cakung", "small", True),
            ("CV Pilah Bersih", "micro", False),
        ],
        "lines": [
            ("services", "Pengembangan aplikasi bank sampah", Decimal("900000000")),
            ("equipment", "Timbangan dan gerobak pilah", Decimal("700000000")),
        ],
        "milestones": [
            ("Peluncuran aplikasi", "Dinas Lingkungan Hidup", date(2025, 10, 1), MilestoneStatus.DONE),
            ("20 titik setor beroperasi", "Bank Sampah Induk Cakung", date(2026, 9, 30), MilestoneStatus.IN_PROGRESS),
        ],
        "risks": [("Harga material daur ulang turun", 3, 3, "Kontrak harga dengan offtaker", "CV Pilah Bersih")],
        "results": [
            (
                "output",
                "UMKM pengumpul sampah terhubung ke aplikasi",
                [
                    (
                        "Sampah terpilah yang disetor",
                        Measure.UNIT,
                        "ton",
                        "100",
                        2024,
                        ["waste", "income"],
                        ["firm_size"],
                        ["150", "200", "250", "300", "350", "400"],
                    ),
                ],
            ),
        ],
    },
    "semarang": {
        "title": "Batik Hijau Semarang: pewarna alami untuk pasar premium",
        "description": "Perajin batik beralih ke pewarna alami dan pengolahan limbah cair.",
        "solution": "Pelatihan pewarna alami dan IPAL komunal untuk sentra batik.",
        "sector": ("C13", "Industri batik dan tekstil"),
        "currency": "IDR",
        "grant": Decimal("150000"),
        "match": Decimal("1500000000"),
        "partners": [("Batik Semarang 16", "small", True), ("Sentra Batik Kampung Malon", "micro", True)],
        "lines": [("training", "Pelatihan pewarna alami", Decimal("600000000"))],
        "milestones": [
            ("IPAL komunal selesai dibangun", "Dinas Perindustrian", date(2026, 6, 30), MilestoneStatus.IN_PROGRESS),
        ],
        "risks": [("Pasokan bahan pewarna alami tidak stabil", 3, 4, "Kebun indigo bersama", "Koperasi perajin")],
        "results": [
            (
                "outcome",
                "Perajin memakai pewarna alami",
                [
                    (
                        "Perajin yang memakai pewarna alami",
                        Measure.UNIT,
                        "UMKM",
                        "5",
                        2024,
                        ["emissions", "jobs"],
                        ["women_led"],
                        ["10", "15", "20", "25", "30", "35"],
                    ),
                ],
            ),
        ],
    },
    "bangkok": {
        "title": "ฟื้นฟูการท่องเที่ยวริมคลองโอ่งอ่างกับผู้ประกอบการรายย่อย",
        "description": "ผู้ประกอบการรายย่อยริมคลองร่วมพัฒนาเส้นทางท่องเที่ยวและดูแลคุณภาพน้ำ",
        "solution": "ตลาดริมน้ำวันหยุดและเรือท่องเที่ยวไฟฟ้า",
        "sector": ("I", "การท่องเที่ยวริมน้ำ"),
        "currency": "THB",
        "grant": Decimal("150000"),
        "match": Decimal("4000000"),
        "partners": [("วิสาหกิจชุมชนริมคลองโอ่งอ่าง", "small", True), ("เรือไฟฟ้าบางลำพู", "micro", False)],
        "lines": [("equipment", "เรือท่องเที่ยวไฟฟ้า", Decimal("3000000"))],
        "milestones": [("เปิดตลาดริมน้ำ", "สำนักงานเขตพระนคร", date(2026, 3, 1), MilestoneStatus.PLANNED)],
        "risks": [("น้ำท่วมช่วงฤดูฝน", 4, 3, "ปรับตารางกิจกรรมตามฤดู", "ทีมเมือง")],
        "results": [
            (
                "output",
                "ผู้ประกอบการรายย่อยมีรายได้จากการท่องเที่ยว",
                [
                    (
                        "จำนวนผู้ประกอบการที่เข้าร่วม",
                        Measure.UNIT,
                        "ราย",
                        "10",
                        2024,
                        ["income", "jobs"],
                        ["women_led"],
                        ["20", "30", "40", "50", "60", "70"],
                    ),
                ],
            ),
        ],
    },
    "melaka": {
        "title": "Pelancongan Tepi Sungai Melaka bersama PKS tempatan",
        "description": "PKS di sepanjang Sungai Melaka menawarkan pakej pelancongan hijau.",
        "solution": "Pakej pelancongan sungai dan pemantauan kualiti air oleh komuniti.",
        "sector": ("I", "Pelancongan tepi air"),
        "currency": "MYR",
        "grant": Decimal("150000"),
        "match": Decimal("500000"),
        "partners": [("Koperasi Kampung Morten", "small", True), ("Bot Sungai Melaka Sdn Bhd", "medium", False)],
        "lines": [("communication", "Promosi pakej pelancongan", Decimal("200000"))],
        "milestones": [("Pelancaran pakej pelancongan", "Majlis Bandaraya", date(2026, 5, 1), MilestoneStatus.DONE)],
        "risks": [("Pencemaran sungai selepas hujan lebat", 3, 4, "Perangkap sampah terapung", "Pasukan bandar")],
        "results": [
            (
                "outcome",
                "Kualiti air sungai bertambah baik",
                [
                    (
                        "Sampah terapung yang dikutip",
                        Measure.UNIT,
                        "tan",
                        "5",
                        2024,
                        ["water", "waste"],
                        [],
                        ["10", "20", "30", "40", "50", "60"],
                    ),
                    (
                        "Penilaian komuniti tentang sungai",
                        Measure.QUALITATIVE,
                        "",
                        None,
                        None,
                        ["equity"],
                        [],
                        [None] * 6,
                    ),
                ],
            ),
        ],
    },
}

NARRATIVES = {
    "vi": ["Đã cân và ghi nhận tại điểm tập kết.", "Bổ sung ảnh phiếu cân theo yêu cầu."],
    "id": ["Data ditimbang di titik setor.", "Foto nota timbang sudah dilampirkan."],
    "th": ["บันทึกข้อมูลจากการลงพื้นที่", "แนบรูปถ่ายเพิ่มเติมแล้ว"],
    "ms": ["Data dikumpul di jeti.", "Gambar tambahan telah dilampirkan."],
}
RETURN_COMMENTS = {
    "vi": "Tổng theo doanh nghiệp do phụ nữ làm chủ chưa khớp, vui lòng kiểm tra lại.",
    "id": "Rincian per ukuran usaha belum sesuai total, mohon diperiksa.",
    "th": "กรุณาแนบหลักฐานการลงทะเบียนผู้ประกอบการ",
    "ms": "Sila lampirkan gambar bukti kutipan.",
}


@transaction.atomic
def seed_demo(*, log) -> None:
    """Create the cohort's pilots once (a pilot that exists already is left as it is)."""
    for currency, rows in RATES.items():
        for valid_from, rate in rows:
            services.exchange_rate_set(currency=currency, reporting_currency="USD", valid_from=valid_from, rate=rate)
    staff = User.objects.filter(email="staff@ccrs.demo").first() or User.objects.filter(is_staff=True).first()
    created = 0
    for slug, spec in PILOTS.items():
        city = City.objects.filter(slug=slug).first()
        if city is None or Pilot.objects.filter(city=city, title=spec["title"]).exists():
            continue
        _seed_pilot(city, spec, staff)
        created += 1
    log(f"{created} demo pilots")


def _seed_pilot(city, spec, staff) -> Pilot:
    language = city.main_language
    officer = (
        User.objects.filter(memberships__city=city, memberships__role__in=[CityRole.OFFICER, CityRole.LEAD])
        .order_by("memberships__role")
        .first()
    ) or staff
    award = Proposal.objects.filter(call__process__city=city, status=ProposalStatus.AWARDED, pilot__isnull=True).first()
    if award is not None:
        pilot = services.pilot_start_from_award(
            proposal=award,
            title=spec["title"],
            description=spec["description"],
            start_date=START,
            end_date=END,
            reporting_currency="USD",
        )
    else:
        pilot = services.pilot_create(
            city=city,
            title=spec["title"],
            description=spec["description"],
            solution=spec["solution"],
            sector_isic=spec["sector"][0],
            sector_name=spec["sector"][1],
            start_date=START,
            end_date=END,
            reporting_currency="USD",
        )
    services.pilot_status_change(pilot=pilot, status=PilotStatus.ACTIVE)
    for name, size, women_led in spec["partners"]:
        if not pilot.partners.filter(name=name).exists():
            services.partner_add(pilot=pilot, name=name, firm_size=size, women_led=women_led)
    services.funding_add(
        pilot=pilot,
        kind="grant",
        funder="CCRS · Citi Foundation",
        amount=spec["grant"],
        currency="USD",
        committed_on=START,
    )
    services.funding_add(
        pilot=pilot,
        kind="city_cash",
        funder=city.local_name or city.name,
        amount=spec["match"],
        currency=spec["currency"],
        committed_on=START,
    )
    for category, description, amount in spec["lines"]:
        line = services.budget_line_save(
            pilot=pilot, category=category, description=description, amount=amount, currency=spec["currency"]
        )
        services.expenditure_record(
            budget_line=line,
            spent_on=date(2026, 2, 15),
            amount=(amount * Decimal("0.45")).quantize(Decimal(1)),
            currency=spec["currency"],
            description=description,
        )
    for title, owner, due, status in spec["milestones"]:
        services.milestone_save(
            pilot=pilot,
            title=title,
            owner=owner,
            due_date=due,
            status=status,
            completed_on=due if status == MilestoneStatus.DONE else None,
        )
    for title, likelihood, impact, mitigation, owner in spec["risks"]:
        services.risk_save(
            pilot=pilot, title=title, likelihood=likelihood, impact=impact, mitigation=mitigation, owner=owner
        )
    for result_type, result_title, indicators in spec["results"]:
        result = services.result_create(pilot=pilot, type=result_type, title=result_title)
        for title, measure, unit, baseline, year, benefits, dims, targets in indicators:
            indicator = services.indicator_create(
                result=result,
                title=title,
                measure=measure,
                unit=unit,
                baseline_value=Decimal(baseline) if baseline else None,
                baseline_year=year,
                baseline_comment="Khảo sát ngành 2024" if language == "vi" else "",
                co_benefits=benefits,
                disaggregations=dims,
            )
            for index, ((start, end), target) in enumerate(zip(QUARTERS, targets, strict=True)):
                period = services.period_create(
                    indicator=indicator, start=start, end=end, target_value=Decimal(target) if target else None
                )
                _seed_updates(period, indicator, index, officer, staff, language)
                if end < date(2026, 4, 1):
                    services.period_lock(period=period)
    baselines = sorted(sector_baselines(city=city), key=lambda b: b.name != "Revenue change since before the pandemic")
    if baselines and pilot.results.exists():
        with translation.override(language):
            services.indicator_create(
                result=pilot.results.order_by("pk").last(),
                title=translation.gettext(baselines[0].name),
                measure=Measure.UNIT,
                sector_baseline=baselines[0],
            )
    return pilot


def _figures(indicator: Indicator, target: Decimal | None, share: Decimal) -> dict:
    if indicator.measure == Measure.QUALITATIVE:
        return {}
    if indicator.measure == Measure.PERCENTAGE:
        households = Decimal(400)
        numerator = (households * (target or Decimal(0)) * share / 100).quantize(Decimal(1))
        return {
            "numerator": numerator,
            "denominator": households,
            "value": (numerator * 100 / households).quantize(Decimal("0.01")),
        }
    value = ((target or Decimal(0)) * share).quantize(Decimal(1))
    disaggregated = {}
    if "women_led" in indicator.disaggregations:
        women = (value * Decimal("0.4")).quantize(Decimal(1))
        disaggregated["women_led"] = {"women_led": str(women), "other": str(value - women)}
    if "firm_size" in indicator.disaggregations:
        micro = (value * Decimal("0.6")).quantize(Decimal(1))
        disaggregated["firm_size"] = {"micro": str(micro), "small": str(value - micro), "medium": "0"}
    return {"value": value, "disaggregated": disaggregated}


def _seed_updates(period: Period, indicator: Indicator, index: int, officer, staff, language: str) -> None:
    """Past periods: approved updates; the last ended one: a returned update; the current one: submitted."""
    narratives = NARRATIVES.get(language, NARRATIVES["id"])
    now = timezone.now()
    if index <= 3:
        states = [(UpdateStatus.APPROVED, Decimal("0.55")), (UpdateStatus.APPROVED, Decimal("0.40"))]
    elif index == 4:
        states = [(UpdateStatus.APPROVED, Decimal("0.5")), (UpdateStatus.RETURNED, Decimal("0.3"))]
    else:
        states = [(UpdateStatus.SUBMITTED, Decimal("0.45"))]
    for number, (status, share) in enumerate(states):
        figures = _figures(indicator, period.target_value, share)
        submitted = (
            timezone.make_aware(
                timezone.datetime.combine(period.end - timedelta(days=10 - number), timezone.datetime.min.time())
            )
            if period.end < now.date()
            else now - timedelta(days=2 - number)
        )
        Update.objects.create(
            period=period,
            status=status,
            narrative=narratives[number % 2] if status != UpdateStatus.RETURNED else narratives[0],
            submitted_by=officer,
            submitted_at=submitted,
            reviewed_by=staff if status != UpdateStatus.SUBMITTED else None,
            reviewed_at=submitted + timedelta(days=3) if status != UpdateStatus.SUBMITTED else None,
            review_comment=RETURN_COMMENTS.get(language, "") if status == UpdateStatus.RETURNED else "",
            notified=f"{status}:1" if status != UpdateStatus.SUBMITTED else "",
            **figures,
        )
    services.period_recompute_actual(period=period)


@transaction.atomic
def seed_scale(*, factor: int, log) -> None:
    """A pilot per scale city: 2 results × 2 indicators × 4 periods × 4 updates (2,048 updates per unit)."""
    cities = list(City.objects.filter(slug__startswith=SCALE_CITY_PREFIX).order_by("slug"))
    Pilot.objects.bulk_create(
        [
            Pilot(
                city=city,
                title=f"Scale pilot {city.slug}",
                start_date=START,
                end_date=END,
                status=PilotStatus.ACTIVE,
                reporting_currency="USD",
                sector_isic="E38",
                sector_name="Waste",
            )
            for city in cities
        ],
        ignore_conflicts=True,
        batch_size=500,
    )
    pilots = list(Pilot.objects.filter(city__in=cities, title__startswith="Scale pilot ").select_related("city"))
    fresh = [p for p in pilots if not p.results.exists()]
    officers = dict(
        CityMembership.objects.filter(city__in=cities, role=CityRole.OFFICER)
        .order_by("city_id", "pk")
        .values_list("city_id", "user_id")
    )
    fallback = User.objects.filter(is_staff=True).values_list("pk", flat=True).first()
    if fallback is None:
        fallback = User.objects.order_by("pk").values_list("pk", flat=True).first()
    for pilot in fresh:
        SMEPartner.objects.bulk_create([SMEPartner(pilot=pilot, name=f"SME {n}", firm_size="micro") for n in range(3)])
        FundingSource.objects.create(
            pilot=pilot, kind="grant", funder="CCRS", amount=Decimal("150000"), currency="USD", committed_on=START
        )
        lines = BudgetLine.objects.bulk_create(
            [
                BudgetLine(
                    pilot=pilot, category="equipment", description=f"Line {n}", amount=Decimal("20000"), currency="USD"
                )
                for n in range(3)
            ]
        )
        Expenditure.objects.bulk_create(
            [
                Expenditure(
                    budget_line=line,
                    spent_on=date(2026, 1, 1),
                    amount=Decimal("500"),
                    currency="USD",
                    description="Spend",
                )
                for line in lines
                for _n in range(3)
            ]
        )
        Milestone.objects.bulk_create(
            [
                Milestone(pilot=pilot, title=f"Milestone {n}", owner="City", due_date=START + timedelta(days=60 * n))
                for n in range(4)
            ]
        )
        Risk.objects.bulk_create([Risk(pilot=pilot, title=f"Risk {n}", likelihood=1 + n, impact=2) for n in range(3)])
        results = Result.objects.bulk_create(
            [Result(pilot=pilot, type=t, title=f"{t} result") for t in ("output", "outcome")]
        )
        indicators = Indicator.objects.bulk_create(
            [
                Indicator(
                    result=r,
                    title=f"Indicator {n} of {r.title}",
                    measure=Measure.UNIT,
                    unit="t",
                    baseline_value=Decimal(5),
                    baseline_year=2024,
                    disaggregations=["women_led"],
                )
                for r in results
                for n in range(2)
            ]
        )
        periods = Period.objects.bulk_create(
            [
                Period(indicator=i, start=s, end=e, target_value=Decimal(100))
                for i in indicators
                for s, e in QUARTERS[:4]
            ]
        )
        user_id = officers.get(pilot.city_id, fallback)
        now = timezone.now()
        statuses = [UpdateStatus.SUBMITTED, UpdateStatus.SUBMITTED, UpdateStatus.RETURNED, UpdateStatus.APPROVED]
        Update.objects.bulk_create(
            [
                Update(
                    period=p,
                    status=s,
                    value=Decimal(10 + n),
                    submitted_by_id=user_id,
                    submitted_at=now,
                    review_comment="Check" if s == UpdateStatus.RETURNED else "",
                    disaggregated={"women_led": {"women_led": "5", "other": str(5 + n)}},
                )
                for p in periods
                for n, s in enumerate(statuses)
            ],
            batch_size=1000,
        )
        Period.objects.filter(pk__in=[p.pk for p in periods]).update(actual_value=Decimal(13))
    updates = Update.objects.filter(period__indicator__result__pilot__in=pilots).count()
    log(f"{len(pilots)} scale pilots, {updates} updates")
