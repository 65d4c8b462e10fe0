"""Demo and scale data of the sector assessment: the six real cities' candidate sectors, and many more.

Assessments are submitted, approved and their sectors selected on the dates of the program calendar
(`ccrs.demo_calendar`); Da Nang is still assessing.
"""

import random
from datetime import timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from ccrs.links import link_url
from ccrs.models import User
from cities.demo import DEMO_CITY_SLUGS, SCALE_CITY_PREFIX, demo_cities
from cities.models import City

from . import services
from .models import (
    Assessment,
    AssessmentStatus,
    CandidateSector,
    Criterion,
    IndicatorValue,
    IsicCode,
    Selection,
    SelectionStatus,
    SurveyResponse,
)

# Plausible ranges per default criterion (low, high): a sector's "strength" picks a point between them,
# the best end for the criterion's direction.
RANGES = {
    "Share of city employment": (0.5, 9.0),
    "SME share of firms": (70, 99),
    "Revenue change since before the pandemic": (5, -55),
    "SMEs at high risk of closure": (5, 45),
    "Exposure to climate hazards": (10, 80),
    "Link to the city's resilience strategy": (1, 5),
    "Organised SME associations": (0, 12),
    "Partner commitment": (1, 5),
    "Women-owned SMEs": (15, 70),
    "Environmental co-benefit": (1, 5),
}

# city slug: (target status, selection status or None, [(ISIC, name in the city's language, strength, employment)])
DEMO = {
    "bangkok": ("approved", "approved", [
        ("I", "การท่องเที่ยวริมน้ำเจ้าพระยาและคลอง", 0.75, 61_000),
        ("56", "ร้านอาหารและตลาดน้ำริมคลอง", 0.6, 88_000),
        ("32", "หัตถกรรมชุมชนและของที่ระลึก", 0.45, 14_000),
    ]),
    "melaka": ("approved", "approved", [
        ("I", "Pelancongan tepi Sungai Melaka", 0.7, 9_500),
        ("32", "Kraf tangan dan cenderamata", 0.5, 2_100),
        ("56", "Makanan dan minuman warisan", 0.55, 7_800),
    ]),
    "semarang": ("approved", "approved", [
        ("13", "Industri batik Semarangan", 0.85, 6_200),
        ("56", "Kuliner khas Semarang", 0.5, 21_000),
        ("14", "Konveksi dan garmen", 0.45, 15_500),
    ]),
    "jakarta": ("approved", "approved", [
        ("38", "Pengumpulan dan pemilahan sampah", 0.85, 24_000),
        ("47", "Pedagang pasar tradisional", 0.55, 160_000),
        ("49", "Ojek dan angkutan kecil", 0.4, 95_000),
    ]),
    "can-tho": ("approved", "approved", [
        ("38", "Thu gom và phân loại rác thải", 0.72, 5_400),
        ("I", "Du lịch sông nước và chợ nổi", 0.64, 12_000),
        ("10", "Chế biến nông sản và thủy sản", 0.5, 31_000),
    ]),
    "da-nang": ("draft", None, [
        ("I", "Du lịch biển và lưu trú nhỏ", 0.6, 45_000),
        ("10", "Chế biến hải sản", 0.55, 9_000),
        ("38", "Thu gom và tái chế rác thải", 0.5, 3_800),
    ]),
}  # fmt: skip

CITY_TOTALS = {  # (city employment, national employment, national employment five years earlier)
    "bangkok": (4_900_000, 39_500_000, 38_100_000),
    "melaka": (440_000, 15_900_000, 14_800_000),
    "semarang": (900_000, 135_000_000, 126_000_000),
    "jakarta": (5_100_000, 135_000_000, 126_000_000),
    "can-tho": (700_000, 51_000_000, 49_000_000),
    "da-nang": (680_000, 51_000_000, 49_000_000),
}

RATIONALES = {
    "bangkok": "การท่องเที่ยวริมน้ำมี SME จำนวนมาก ได้รับผลกระทบหนักจากโควิด-19 และเชื่อมโยงกับการฟื้นฟูคุณภาพน้ำในคลอง",
    "melaka": (
        "Pelancongan tepi sungai dikuasai PKS, paling terjejas oleh pandemik "
        "dan berkait rapat dengan kualiti air sungai."
    ),
    "semarang": (
        "Industri batik didominasi UMKM, terpukul pandemi, dan pewarna ramah lingkungan mengurangi pencemaran sungai."
    ),
    "can-tho": (
        "Lĩnh vực thu gom rác chủ yếu là doanh nghiệp nhỏ, dễ tổn thương và gắn trực tiếp với ngập lụt và ô nhiễm."
    ),
}


def _value(name, strength, rng):
    low, high = RANGES.get(name, (0, 10))
    point = low + (high - low) * min(max(strength + rng.uniform(-0.1, 0.1), 0), 1)
    return Decimal(str(round(point, 1)))


@transaction.atomic
def seed_demo(*, log, calendar) -> None:
    staff = User.objects.filter(email="staff@ccrs.demo").first() or User.objects.filter(is_staff=True).first()
    rng = random.Random(2021)
    cities = demo_cities()
    for slug, (target, selection_status, sectors) in DEMO.items():
        city = cities.get(slug)
        if city is None:
            continue
        assessment = services.assessment_start(city=city)
        lead = User.objects.filter(memberships__city=city, memberships__role="lead").first() or staff
        if assessment.status == AssessmentStatus.DRAFT and not assessment.sectors.exists():
            totals = CITY_TOTALS[slug]
            Assessment.objects.filter(pk=assessment.pk).update(
                base_year=calendar.assessment_year - 5,
                year=calendar.assessment_year,
                city_employment=totals[0],
                national_employment=totals[1],
                national_employment_base=totals[2],
            )
            criteria = list(Criterion.objects.filter(cohort=city.cohort).order_by("order"))
            for isic, name, strength, jobs in sectors:
                firms = max(jobs // 6, 10)
                sector = services.sector_add(
                    assessment=assessment,
                    isic_code=isic,
                    local_name=name,
                    city_employment=jobs,
                    city_employment_base=int(jobs * (1.12 - strength * 0.2)),
                    national_employment=int(jobs * (70 - 55 * strength)),
                    national_employment_base=int(jobs * (66 - 50 * strength)),
                    firms=firms,
                    sme_firms=int(firms * (0.9 + strength * 0.09)),
                    sme_employment=int(jobs * 0.7),
                )
                for criterion in criteria:
                    services.value_set(
                        sector=sector,
                        criterion=criterion,
                        value=_value(criterion.name, strength, rng),
                        source=criterion.data_sources.split(";")[0],
                        confidence=rng.choice(["medium", "high"]),
                    )
                language = city.main_language
                responses = 12 if strength > 0.69 else 4
                SurveyResponse.objects.bulk_create(
                    [
                        SurveyResponse(
                            assessment=assessment,
                            sector=sector,
                            revenue_change=rng.randint(-70, 5),
                            employees_before=(before := rng.randint(2, 25)),
                            employees_now=max(before - rng.randint(0, 8), 1),
                            closure_risk=rng.choice(["low", "medium", "high"]),
                            finance_access=rng.random() < 0.35,
                            digital_adoption=rng.choice(["none", "basic", "basic", "advanced"]),
                            climate_exposed=rng.random() < 0.6,
                            women_owned=rng.random() < 0.45,
                            language=language,
                        )
                        for _i in range(responses)
                    ]
                )
            assessment.refresh_from_db()
            if target in {"submitted", "approved"}:
                services.assessment_submit(assessment=assessment, user=lead)
            if target == "approved":
                services.assessment_approve(assessment=assessment, user=staff)
            if selection_status:
                chosen = assessment.sectors.get(local_name=sectors[0][1])
                selection = services.selection_propose(
                    assessment=assessment, sector=chosen, rationale=RATIONALES.get(slug, "—"), user=lead
                )
                if selection_status == SelectionStatus.APPROVED:
                    services.selection_approve(selection=selection, user=staff)
            _date(assessment, city, calendar)
    log(f"sector assessments of {len(DEMO)} cities")


def _date(assessment, city, calendar) -> None:
    """Put the assessment's steps on the program calendar (the services stamp them with the moment of loading)."""
    if calendar.reached(city.slug, "assessment_submitted"):
        submitted = calendar.moment(city, "assessment_submitted")
        SurveyResponse.objects.filter(assessment=assessment).update(created_at=submitted - timedelta(days=30))
        Assessment.objects.filter(pk=assessment.pk).update(
            created_at=submitted - timedelta(days=60),
            submitted_at=submitted,
            decided_at=calendar.moment(city, "assessment_approved"),
        )
    if calendar.reached(city.slug, "selection_proposed"):
        Selection.objects.filter(assessment=assessment).update(
            created_at=calendar.moment(city, "selection_proposed"),
            decided_at=calendar.moment(city, "selection_approved"),
        )


@transaction.atomic
def reset_demo(*, log) -> None:
    """Delete the demo cities' assessments (sectors, values, survey answers, selection)."""
    assessments = Assessment.objects.filter(city__slug__in=DEMO_CITY_SLUGS)
    Selection.objects.filter(assessment__in=assessments).delete()
    deleted, _by_model = assessments.delete()
    log(f"deleted the demo's sector assessments ({deleted} rows)")


def demo_links() -> list[tuple[str, str]]:
    """The public SME survey of the city still assessing its sector (Da Nang), in its language."""
    assessment = Assessment.objects.filter(city__slug="da-nang", survey_open=True).select_related("city").first()
    if assessment is None:
        return []
    return [(f"the public SME survey of {assessment.city.name}", link_url(services.SURVEY_LINK, assessment))]


@transaction.atomic
def seed_scale(*, factor: int, log, density: float = 1.0) -> None:
    """An assessment per scale city: 5 candidate sectors, every criterion filled, 10 survey responses each (at any
    density: the budget tests bound the rows the sector pages read on all of it)."""
    if not IsicCode.objects.exists():  # a flushed database has lost the migration's ISIC codes
        services.isic_load()
    cities = list(
        City.objects.filter(slug__startswith=SCALE_CITY_PREFIX, sector_assessment__isnull=True)
        .select_related("cohort")
        .order_by("slug")
    )
    cohorts = {city.cohort_id: city.cohort for city in cities if city.cohort_id}
    criteria = {}
    for cohort_id, cohort in cohorts.items():
        if not Criterion.objects.filter(cohort_id=cohort_id).exists():
            services.criteria_seed_default(cohort=cohort)
        criteria[cohort_id] = list(Criterion.objects.filter(cohort_id=cohort_id))
    statuses = [AssessmentStatus.DRAFT, AssessmentStatus.SUBMITTED, AssessmentStatus.APPROVED]
    Assessment.objects.bulk_create(
        [
            Assessment(city=city, status=statuses[i % 3], city_employment=500_000, national_employment=40_000_000)
            for i, city in enumerate(cities)
            if city.cohort_id
        ],
        ignore_conflicts=True,
    )
    assessments = list(Assessment.objects.filter(city__in=cities).select_related("city"))
    isic = ["38", "I", "13", "56", "10"]
    CandidateSector.objects.bulk_create(
        [
            CandidateSector(
                assessment=a,
                isic_id=isic[n],
                local_name=f"Sector {n + 1} of {a.city.name}",
                city_employment=1000 * (n + 1),
                national_employment=40_000 * (n + 1),
                firms=200,
                sme_firms=190,
            )
            for a in assessments
            for n in range(5)
        ],
        ignore_conflicts=True,
    )
    sectors = list(CandidateSector.objects.filter(assessment__in=assessments).select_related("assessment__city"))
    rng = random.Random(factor)
    IndicatorValue.objects.bulk_create(
        [
            IndicatorValue(sector=s, criterion=c, value=Decimal(rng.randint(1, 100)), source="scale")
            for s in sectors
            for c in criteria[s.assessment.city.cohort_id]
        ],
        ignore_conflicts=True,
        batch_size=2000,
    )
    SurveyResponse.objects.bulk_create(
        [
            SurveyResponse(
                assessment_id=s.assessment_id,
                sector=s,
                revenue_change=rng.randint(-80, 10),
                employees_before=10,
                employees_now=rng.randint(1, 10),
                closure_risk=rng.choice(["low", "medium", "high"]),
                finance_access=rng.random() < 0.4,
                digital_adoption="basic",
                climate_exposed=rng.random() < 0.5,
                women_owned=rng.random() < 0.5,
            )
            for s in sectors
            for _i in range(10)
        ],
        batch_size=2000,
    )
    first_sectors = {}
    for s in sectors:
        first_sectors.setdefault(s.assessment_id, s)
    Selection.objects.bulk_create(
        [
            Selection(
                assessment=a,
                sector=first_sectors[a.pk],
                rationale="scale",
                status=SelectionStatus.APPROVED,
                decided_at=timezone.now(),
            )
            for a in assessments
            if a.status == AssessmentStatus.APPROVED and a.pk in first_sectors
        ],
        ignore_conflicts=True,
    )
    services.assessments_rank(assessments=assessments)
    log(f"{len(assessments)} scale assessments, {len(sectors)} candidate sectors")
