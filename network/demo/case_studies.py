"""Demo and scale data of case studies: Can Tho's study published in Vietnamese and English (waste collection and
separation with the SMEs of Ninh Kiều), Semarang's in review in Indonesian and English (green batik), and Bangkok's
interim study drafted in Thai. Drafted, reviewed and published through the services, from each city's demo data."""

from django.db import transaction
from django.utils import timezone

from ccrs.models import User

from ..models import CaseStudy, CaseStudyVersion, QuoteConsent, SpeakerKind
from ..selectors import case_studies as selectors
from ..services import case_studies as services

DEMO_SLUGS = {"can-tho": "ninh-kieu-waste", "semarang": "green-batik", "bangkok": "waterfront-interim"}
SCALE_SLUG = "scale-study"
SCALE_CITY_PREFIX = "scale-city-"

TEXTS = {
    "can-tho": {
        "vi": {
            "title": "Cần Thơ: phân loại rác tại nguồn cùng các doanh nghiệp nhỏ ở Ninh Kiều",
            "summary": "Các hợp tác xã thu gom rác ở quận Ninh Kiều thử nghiệm phân loại rác hữu cơ "
            "tại hộ gia đình và chợ.",
            "city": "Cần Thơ là đô thị lớn nhất Đồng bằng sông Cửu Long, thường xuyên chịu ngập do triều cường và "
            "sụt lún. Sau đại dịch, các doanh nghiệp nhỏ thu gom rác mất nhiều hợp đồng.",
            "assessment": "Thành phố so sánh các ngành có nhiều doanh nghiệp nhỏ và chọn ngành thu gom, phân loại rác: "
            "hơn 95% doanh nghiệp trong ngành là doanh nghiệp nhỏ và vừa, và ngành gắn liền với chống ngập.",
            "cocreation": "Các hội thảo ở Ninh Kiều quy tụ hợp tác xã, tiểu thương chợ Xuân Khánh, hội phụ nữ phường "
            "và trường Đại học Cần Thơ. Ý tưởng túi hai màu cho hộ gia đình được chọn.",
            "procurement": "Thành phố mời các doanh nghiệp nhỏ gửi đề xuất thu gom rác hữu cơ hai lần mỗi tuần; "
            "hội đồng chấm theo tác động, chi phí và khả năng mở rộng.",
            "pilot": "Thí điểm bắt đầu ở ba phường với xe ba gác điện và điểm thu mua ở chợ.",
            "lessons": "Làm việc với hợp tác xã sẵn có nhanh hơn lập đơn vị mới; "
            "hộ gia đình cần được nhắc lịch thu gom.",
            "reuse": "Mẫu hợp đồng thu gom theo kết quả và bộ câu hỏi khảo sát doanh nghiệp nhỏ.",
            "next_steps": "Mở rộng ra hai quận và đưa chi phí thu gom vào ngân sách thành phố.",
        },
        "en": {
            "title": "Can Tho: source separation of waste with the small businesses of Ninh Kieu",
            "summary": "Waste-collection cooperatives in Ninh Kieu district pilot the separation of organic waste "
            "in households and markets.",
            "city": "Can Tho is the largest city of the Mekong Delta and floods often, from high tides and land "
            "subsidence. After the pandemic, its small waste-collection businesses lost many contracts.",
            "assessment": "The city compared its SME-dominated sectors and chose waste collection and separation: "
            "more than 95% of the firms are SMEs, and clean drains are part of flood protection.",
            "cocreation": "Workshops in Ninh Kieu brought together cooperatives, traders of Xuan Khanh market, the "
            "ward women's union and Can Tho University. Two-colour bags for households were chosen.",
            "procurement": "The city invited small businesses to propose twice-weekly collection of organic waste; a "
            "panel scored the proposals on impact, cost and how far they could grow.",
            "pilot": "The pilot started in three wards with electric three-wheelers and buy-back points in markets.",
            "lessons": "Working with existing cooperatives was faster than setting up a new service; households need "
            "reminders of the collection days.",
            "reuse": "A results-based collection contract and the SME survey questionnaire.",
            "next_steps": "Extend to two more districts and put the collection fee in the city budget.",
        },
    },
    "semarang": {
        "id": {
            "title": "Semarang: batik hijau bersama UKM di Kampung Batik",
            "summary": "Perajin batik di Semarang beralih ke pewarna alami dan mengolah air limbah bersama.",
            "city": "Semarang menghadapi banjir rob dan penurunan muka tanah. Usaha batik kecil terpukul saat pandemi.",
            "assessment": "Kota membandingkan sektor-sektor yang didominasi UKM dan memilih batik karena banyaknya "
            "perajin perempuan dan dampak limbahnya terhadap sungai.",
            "cocreation": "Lokakarya di Kampung Batik mempertemukan perajin, koperasi, dinas lingkungan hidup dan "
            "Universitas Diponegoro. Instalasi pengolahan air limbah komunal dipilih.",
            "procurement": "Kota membuka panggilan proposal bagi UKM untuk membangun dan mengelola instalasi itu.",
            "pilot": "Percontohan dimulai dengan dua puluh perajin dan satu instalasi komunal.",
            "lessons": "Perajin mau beralih bila pembeli membayar lebih untuk batik pewarna alami.",
            "reuse": "Panduan pewarna alami dan perjanjian pengelolaan instalasi bersama.",
            "next_steps": "Sertifikasi batik hijau dan pasar daring bersama.",
        },
        "en": {
            "title": "Semarang: green batik with the SMEs of Kampung Batik",
            "summary": "Batik makers in Semarang move to natural dyes and treat their waste water together.",
            "city": "Semarang faces tidal floods and land subsidence. Small batik businesses were hit hard by the "
            "pandemic.",
            "assessment": "The city compared its SME-dominated sectors and chose batik, for its many women makers and "
            "the effect of its waste water on the rivers.",
            "cocreation": "Workshops in Kampung Batik brought together makers, cooperatives, the environment agency "
            "and Diponegoro University. A shared waste-water treatment plant was chosen.",
            "procurement": "The city called for SME proposals to build and run the plant.",
            "pilot": "The pilot started with twenty makers and one shared plant.",
            "lessons": "Makers switch when buyers pay more for naturally dyed batik.",
            "reuse": "A guide to natural dyes and an agreement to run a shared plant.",
            "next_steps": "A green batik certificate and a shared online shop.",
        },
    },
    "bangkok": {
        "th": {
            "title": "กรุงเทพมหานคร: การท่องเที่ยวริมน้ำกับผู้ประกอบการรายย่อย (ฉบับระหว่างกาล)",
            "summary": "ผู้ประกอบการรายย่อยริมคลองร่วมกันฟื้นฟูการท่องเที่ยวหลังโควิด-19",
            "city": "กรุงเทพมหานครเผชิญน้ำท่วมและความร้อนจัด ผู้ประกอบการริมน้ำสูญเสียรายได้ในช่วงโรคระบาด",
        },
    },
}


def _lead(slug: str):
    return User.objects.filter(email=f"lead.{slug.replace('-', '')}@ccrs.demo").first()


def _write(study, texts: dict) -> None:
    for language, values in texts.items():
        services.case_study_details_save(
            study=study, language=language, title=values["title"], summary=values.get("summary", "")
        )
        for key, body in values.items():
            if key not in {"title", "summary"}:
                services.case_study_section_save(study=study, key=key, language=language, body=body)


@transaction.atomic
def seed_demo(*, log, calendar) -> None:
    staff = User.objects.filter(email="staff@ccrs.demo").first() or User.objects.filter(is_staff=True).first()
    cities = {c.slug: c for c in CaseStudy._meta.get_field("city").related_model.objects.filter(slug__in=DEMO_SLUGS)}
    made = 0
    for slug, study_slug in DEMO_SLUGS.items():
        city = cities.get(slug)
        if city is None or CaseStudy.objects.filter(city=city, slug=study_slug).exists():
            continue
        lead = _lead(slug) or staff
        kind = "interim" if slug == "bangkok" else "final"
        study = services.case_study_draft_create(city=city, user=lead, kind=kind, slug=study_slug)
        _write(study, TEXTS[slug])
        made += 1
        if slug == "bangkok":
            continue
        source = next(iter(selectors.quote_sources(city=city)), None)
        if source:
            services.quote_pick(study=study, user=lead, key=source["key"])
        else:
            services.quote_add(
                study=study,
                user=lead,
                text=TEXTS[slug][city.main_language]["lessons"],
                language=city.main_language,
                speaker_kind=SpeakerKind.SME,
                consent=QuoteConsent.ANONYMOUS,
            )
        services.case_study_submit(study=study, user=lead)
        if slug == "can-tho":
            services.case_study_approve(study=study, user=staff)
            services.case_study_publish(study=study, user=staff)
    log(f"{made} demo case studies")


def reset_demo(*, log) -> None:
    deleted, _by_model = CaseStudy.objects.filter(city__slug__in=DEMO_SLUGS, slug__in=DEMO_SLUGS.values()).delete()
    log(f"deleted the demo case studies ({deleted} rows)")


def demo_links() -> list[tuple[str, str]]:
    from django.urls import reverse

    return [
        ("Published case studies (no account)", reverse("public:case_study_list")),
        ("Can Tho's case study in Vietnamese", f"/case-studies/can-tho/{DEMO_SLUGS['can-tho']}/?lang=vi"),
        ("The public program page", reverse("public:program")),
    ]


@transaction.atomic
def seed_scale(*, factor: int, log, density: float = 1.0) -> None:
    """A published study for every third scale city: a frozen version with every section, written directly (the
    public pages' query budgets read it; drafting from each app's figures is what the demo shows)."""
    city_model = CaseStudy._meta.get_field("city").related_model
    cities = list(
        city_model.objects.filter(slug__startswith=SCALE_CITY_PREFIX)
        .exclude(case_studies__slug=SCALE_SLUG)
        .order_by("slug")
    )[::3]
    now = timezone.now()
    for city in cities:
        languages = list(dict.fromkeys([city.main_language, "en"]))
        study = CaseStudy.objects.create(
            city=city,
            slug=SCALE_SLUG,
            titles=dict.fromkeys(languages, f"{city.name}: case study"),
            status="published",
            sector_isic="38",
            sector_name="Waste collection",
            principles=["critical"],
        )
        content = {
            code: {
                "title": study.titles[code],
                "summary": "",
                "sections": {key: f"{city.name} ({key})" for key in ["city", "assessment", "pilot", "lessons"]},
                "parts": [
                    {"section": "pilot", "facts": [{"label": "Pilot", "value": city.name}], "charts": [], "values": {}}
                ],
                "quotes": [],
                "photos": [],
                "figures_as_of": now.date().isoformat(),
            }
            for code in languages
        }
        version = CaseStudyVersion.objects.create(
            study=study,
            number=1,
            published_at=now,
            figures_as_of=now.date(),
            languages=languages,
            licence=study.licence,
            content=content,
        )
        study.public_version = version
        study.save(update_fields=["public_version"])
    log(f"{len(cities)} scale case studies")
