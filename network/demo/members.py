"""Demo and scale data of the directory: the network of the real program.

The six participant cities' teams (the demo people of ccrs.demo on their teams from cities.demo), two
inspiration cities (Rotterdam on waterfront resilience, Surabaya on waste banks), the partners (Citi
Foundation, an SME association, a university), three mentors with profiles in their languages, and the
tags every part of the network shares: the program's four principles, the cohort's ISIC sectors and
resilience topics.
"""

from django.contrib.auth.hashers import make_password
from django.db import transaction

from ccrs.demo import DEMO_PASSWORD
from ccrs.models import CityMembership, User
from ccrs.services import email_verified_set
from cities.models import City

from ..models import MemberProfile, Organisation, OrganisationKind, Tag, TagKind, Visibility

# (kind, code, English name, {language: name})
DEMO_TAGS = [
    (
        TagKind.PRINCIPLE,
        "critical",
        "A critical and vulnerable SME-dominated sector",
        {
            "vi": "Ngành có nhiều doanh nghiệp nhỏ và vừa, quan trọng và dễ tổn thương",
            "th": "ภาคธุรกิจที่มี SME เป็นหลัก ซึ่งสำคัญและเปราะบาง",
            "id": "Sektor yang didominasi UKM, penting dan rentan",
            "ms": "Sektor yang didominasi PKS, penting dan terdedah",
        },
    ),
    (
        TagKind.PRINCIPLE,
        "challenges",
        "Responds to the city's resilience challenges",
        {
            "vi": "Đáp ứng các thách thức về khả năng chống chịu của thành phố",
            "th": "ตอบโจทย์ความท้าทายด้านความยืดหยุ่นของเมือง",
            "id": "Menjawab tantangan ketahanan kota",
            "ms": "Menangani cabaran daya tahan bandar",
        },
    ),
    (
        TagKind.PRINCIPLE,
        "collaboration",
        "Potential for collaboration",
        {
            "vi": "Tiềm năng hợp tác",
            "th": "ศักยภาพในการร่วมมือ",
            "id": "Potensi kolaborasi",
            "ms": "Potensi kerjasama",
        },
    ),
    (
        TagKind.PRINCIPLE,
        "co_benefits",
        "Resilience co-benefits",
        {
            "vi": "Lợi ích kép về khả năng chống chịu",
            "th": "ประโยชน์ร่วมด้านความยืดหยุ่น",
            "id": "Manfaat tambahan bagi ketahanan",
            "ms": "Manfaat sampingan daya tahan",
        },
    ),
    (
        TagKind.SECTOR,
        "I",
        "Accommodation and food service activities (waterfront tourism)",
        {
            "vi": "Dịch vụ lưu trú và ăn uống (du lịch ven sông)",
            "th": "ที่พักแรมและบริการด้านอาหาร (การท่องเที่ยวริมน้ำ)",
            "id": "Penyediaan akomodasi dan makan minum (wisata tepi air)",
            "ms": "Penginapan dan perkhidmatan makanan (pelancongan tepi air)",
        },
    ),
    (
        TagKind.SECTOR,
        "C13",
        "Manufacture of textiles (batik)",
        {
            "vi": "Sản xuất hàng dệt (batik)",
            "th": "การผลิตสิ่งทอ (บาติก)",
            "id": "Industri tekstil (batik)",
            "ms": "Pembuatan tekstil (batik)",
        },
    ),
    (
        TagKind.SECTOR,
        "E38",
        "Waste collection, treatment and disposal; materials recovery",
        {
            "vi": "Thu gom, xử lý và tiêu hủy rác thải; tái chế phế liệu",
            "th": "การเก็บรวบรวม บำบัด และกำจัดของเสีย การนำวัสดุกลับมาใช้ใหม่",
            "id": "Pengumpulan, pengolahan dan pembuangan sampah; pemulihan material",
            "ms": "Pengumpulan, rawatan dan pelupusan sisa; perolehan semula bahan",
        },
    ),
    (
        TagKind.TOPIC,
        "flooding",
        "Flooding and sea-level rise",
        {
            "vi": "Ngập lụt và nước biển dâng",
            "th": "น้ำท่วมและระดับน้ำทะเลสูงขึ้น",
            "id": "Banjir dan kenaikan muka air laut",
            "ms": "Banjir dan kenaikan paras laut",
        },
    ),
    (
        TagKind.TOPIC,
        "water-pollution",
        "Water pollution",
        {
            "vi": "Ô nhiễm nguồn nước",
            "th": "มลพิษทางน้ำ",
            "id": "Pencemaran air",
            "ms": "Pencemaran air",
        },
    ),
    (
        TagKind.TOPIC,
        "waste-banks",
        "Waste banks and circular economy",
        {
            "vi": "Ngân hàng rác và kinh tế tuần hoàn",
            "th": "ธนาคารขยะและเศรษฐกิจหมุนเวียน",
            "id": "Bank sampah dan ekonomi sirkular",
            "ms": "Bank sisa dan ekonomi kitaran",
        },
    ),
    (
        TagKind.TOPIC,
        "green-finance",
        "Green finance for SMEs",
        {
            "vi": "Tài chính xanh cho doanh nghiệp nhỏ và vừa",
            "th": "การเงินสีเขียวสำหรับ SME",
            "id": "Pembiayaan hijau untuk UKM",
            "ms": "Pembiayaan hijau untuk PKS",
        },
    ),
    (
        TagKind.TOPIC,
        "typhoons",
        "Typhoons and coastal storms",
        {
            "vi": "Bão và giông bão ven biển",
            "th": "พายุไต้ฝุ่นและพายุชายฝั่ง",
            "id": "Topan dan badai pesisir",
            "ms": "Taufan dan ribut pantai",
        },
    ),
]

# The participant cities' organisations: (city slug, tag codes)
CITY_TAGS = {
    "bangkok": ["I", "water-pollution", "critical"],
    "melaka": ["I", "water-pollution", "challenges"],
    "semarang": ["C13", "green-finance", "co_benefits"],
    "jakarta": ["E38", "waste-banks", "critical"],
    "can-tho": ["E38", "flooding", "challenges"],
    "da-nang": ["typhoons", "flooding"],
}

# (name, kind, country, website, summary, tag codes)
DEMO_ORGANISATIONS = [
    (
        "Rotterdam",
        OrganisationKind.INSPIRATION_CITY,
        "NL",
        "https://www.rotterdam.nl/",
        "A delta city below sea level that turned its waterfronts into places to live and visit: water squares, "
        "floating pavilions and climate-proof quays.",
        ["flooding", "I", "challenges"],
    ),
    (
        "Surabaya",
        OrganisationKind.INSPIRATION_CITY,
        "ID",
        "https://surabaya.go.id/",
        "Hundreds of neighbourhood waste banks where residents trade sorted waste for savings, run with local "
        "collection SMEs.",
        ["waste-banks", "E38", "collaboration"],
    ),
    (
        "Citi Foundation",
        OrganisationKind.FUNDER,
        "US",
        "https://www.citigroup.com/global/foundation",
        "Funds the CCRS program and its peer learning.",
        ["critical", "green-finance"],
    ),
    (
        "ASEAN SME Association",
        OrganisationKind.SME_ASSOCIATION,
        "ID",
        "",
        "Brings SME owners of the region together; helps SMEs answer the cities' calls.",
        ["critical", "collaboration"],
    ),
    (
        "Asian Institute of Technology",
        OrganisationKind.UNIVERSITY,
        "TH",
        "https://www.ait.ac.th/",
        "Research on urban resilience, water and waste management in Southeast Asia.",
        ["flooding", "E38"],
    ),
    (
        "Resilient Cities Network",
        OrganisationKind.PROGRAM,
        "SG",
        "https://resilientcitiesnetwork.org/",
        "Runs the CCRS program.",
        ["challenges", "collaboration"],
    ),
]

# The three mentors: (e-mail, full name, organisation, role, languages, offers, seeks, tag codes)
DEMO_MENTORS = [
    (
        "mentor.rotterdam@ccrs.demo",
        "Arnoud Molenaar",
        "Rotterdam",
        "Chief Resilience Officer",
        ["en"],
        "Twenty years of waterfront redevelopment with water squares and floating homes; happy to walk city teams "
        "through how Rotterdam involved local businesses.",
        "Examples of tourism SMEs that adapted to flooding.",
        ["flooding", "I", "challenges"],
    ),
    (
        "mentor.surabaya@ccrs.demo",
        "Dwi Lestari",
        "Surabaya",
        "Kepala Bidang Pengelolaan Sampah",
        ["id", "en"],
        "Pengalaman membangun lebih dari 400 bank sampah bersama warga dan UKM pengumpul sampah.",
        "Cara mengukur dampak bank sampah terhadap pendapatan UKM.",
        ["waste-banks", "E38", "collaboration"],
    ),
    (
        "mentor.ait@ccrs.demo",
        "Dr. Nguyễn Hồng Phúc",
        "Asian Institute of Technology",
        "Senior researcher, urban water",
        ["vi", "en", "th"],
        "Phân tích rủi ro ngập lụt và mô hình tài chính xanh cho doanh nghiệp nhỏ.",
        "Dữ liệu về chi phí thu gom rác ở các thành phố đồng bằng.",
        ["flooding", "green-finance", "co_benefits"],
    ),
]

# The demo city teams' profiles: e-mail → (role, languages, offers, seeks, tag codes, show e-mail)
DEMO_PROFILES = {
    "lead.cantho@ccrs.demo": (
        "Giám đốc Sở Tài nguyên và Môi trường",
        ["vi", "en"],
        "Kinh nghiệm phân loại rác tại nguồn ở các chợ nổi.",
        "Mô hình ngân hàng rác phù hợp với đồng bằng sông Cửu Long.",
        ["E38", "flooding"],
        True,
    ),
    "officer.cantho@ccrs.demo": (
        "Chuyên viên môi trường",
        ["vi"],
        "",
        "Đào tạo về khảo sát doanh nghiệp nhỏ.",
        ["E38"],
        False,
    ),
    "lead.bangkok@ccrs.demo": (
        "ผู้อำนวยการสำนักการท่องเที่ยว",
        ["th", "en"],
        "ประสบการณ์ฟื้นฟูชุมชนริมคลองร่วมกับผู้ประกอบการท่องเที่ยว",
        "แนวทางลดมลพิษทางน้ำจากร้านอาหารริมน้ำ",
        ["I", "water-pollution"],
        True,
    ),
    "officer.bangkok@ccrs.demo": ("Tourism officer", ["th", "en"], "", "", ["I"], True),
    "lead.melaka@ccrs.demo": (
        "Pengarah Pelancongan",
        ["ms", "en"],
        "Pengalaman menghidupkan semula pelancongan Sungai Melaka bersama PKS.",
        "Penyelesaian kualiti air untuk sungai bandar.",
        ["I", "water-pollution"],
        True,
    ),
    "officer.melaka@ccrs.demo": ("Pegawai PKS", ["ms"], "", "", ["critical"], False),
    "lead.semarang@ccrs.demo": (
        "Kepala Dinas Koperasi dan UKM",
        ["id", "en"],
        "Jaringan lebih dari 300 perajin batik di Semarang.",
        "Pewarna alami dan pengolahan limbah batik.",
        ["C13", "green-finance"],
        True,
    ),
    "viewer.semarang@ccrs.demo": ("Staf perencanaan", ["id"], "", "", [], False),
    "lead.jakarta@ccrs.demo": (
        "Kepala Dinas Lingkungan Hidup",
        ["id", "en"],
        "Program pengurangan sampah plastik di pasar tradisional.",
        "Model bisnis UKM daur ulang yang berkelanjutan.",
        ["E38", "waste-banks"],
        True,
    ),
    "officer.jakarta@ccrs.demo": ("Analis persampahan", ["id"], "", "", ["E38"], False),
    "lead.danang@ccrs.demo": (
        "Phó Giám đốc Sở Kế hoạch và Đầu tư",
        ["vi", "en"],
        "",
        "Kinh nghiệm chọn ngành doanh nghiệp nhỏ để đánh giá.",
        ["typhoons"],
        True,
    ),
    "officer.danang@ccrs.demo": ("Chuyên viên", ["vi"], "", "", [], False),
    "network@ccrs.demo": (
        "Partnerships lead",
        ["en"],
        "Connections to the funder's SME programs in Asia.",
        "Stories of SMEs recovering after Covid-19.",
        ["critical", "green-finance"],
        True,
    ),
}

DEMO_MENTOR_EMAILS = [row[0] for row in DEMO_MENTORS]


def _tags() -> dict[str, Tag]:
    tags = {}
    for kind, code, name, names in DEMO_TAGS:
        tag, _created = Tag.objects.update_or_create(kind=kind, code=code, defaults={"name": name, "names": names})
        tags[code] = tag
    return tags


@transaction.atomic
def seed_demo(*, log, calendar) -> None:
    tags = _tags()
    organisations = {}
    for city in City.objects.filter(slug__in=CITY_TAGS):
        organisation, _created = Organisation.objects.update_or_create(
            city=city,
            defaults={"name": city.name, "kind": OrganisationKind.PARTICIPANT_CITY, "country": str(city.country)},
        )
        organisation.tags.set([tags[code] for code in CITY_TAGS[city.slug]])
        organisations[city.name] = organisation
    for name, kind, country, website, summary, codes in DEMO_ORGANISATIONS:
        organisation, _created = Organisation.objects.update_or_create(
            name=name, city=None, defaults={"kind": kind, "country": country, "website": website, "summary": summary}
        )
        organisation.tags.set([tags[code] for code in codes])
        organisations[name] = organisation
    password = make_password(DEMO_PASSWORD)
    for email, full_name, organisation, role, languages, offers, seeks, codes in DEMO_MENTORS:
        user, _created = User.objects.update_or_create(
            email=email,
            defaults={
                "full_name": full_name,
                "password": password,
                "is_network_member": True,
                "language": languages[0],
            },
        )
        email_verified_set(user=user, email=email)
        profile, _created = MemberProfile.objects.update_or_create(
            user=user,
            defaults={
                "organisation": organisations[organisation],
                "role_title": role,
                "languages": languages,
                "offers": offers,
                "seeks": seeks,
                "is_mentor": True,
                "show_email": Visibility.MEMBERS,
            },
        )
        profile.tags.set([tags[code] for code in codes])
    by_email = {user.email: user for user in User.objects.filter(email__in=DEMO_PROFILES)}
    city_of = dict(CityMembership.objects.filter(user__in=by_email.values()).values_list("user__email", "city__name"))
    for email, (role, languages, offers, seeks, codes, show_email) in DEMO_PROFILES.items():
        user = by_email.get(email)
        if user is None:
            continue
        organisation = organisations.get(city_of.get(email)) or organisations["Citi Foundation"]
        profile, _created = MemberProfile.objects.update_or_create(
            user=user,
            defaults={
                "organisation": organisation,
                "role_title": role,
                "languages": languages,
                "offers": offers,
                "seeks": seeks,
                "show_email": Visibility.MEMBERS if show_email else Visibility.NOBODY,
            },
        )
        profile.tags.set([tags[code] for code in codes])
    log(
        f"{len(organisations)} network organisations, {len(DEMO_MENTORS)} mentors, {len(tags)} tags, "
        f"{len(DEMO_PROFILES) + len(DEMO_MENTORS)} directory profiles"
    )


@transaction.atomic
def reset_demo(*, log) -> None:
    """Delete the demo's organisations and profiles (the mentors' accounts go with the demo accounts)."""
    MemberProfile.objects.filter(user__email__endswith="@ccrs.demo").delete()
    names = [row[0] for row in DEMO_ORGANISATIONS] + list(
        City.objects.filter(slug__in=CITY_TAGS).values_list("name", flat=True)
    )
    deleted, _by_model = Organisation.objects.filter(name__in=names).delete()
    log(f"deleted the network's demo organisations and profiles ({deleted} rows)")


SCALE_MEMBERS = 2000  # per unit of factor, beside the 100 network members of ccrs.demo
SCALE_LANGUAGES = [["en"], ["vi", "en"], ["th"], ["id", "en"], ["ms"]]


@transaction.atomic
def seed_scale(*, factor: int, log, density: float = 1.0) -> None:
    """2,000 network members per unit of factor (at full density) with profiles, organisations for the scale
    partners and cities, and profiles for the scale teams: the directory then holds thousands of people."""
    from ccrs.demo_registry import thinned
    from cities.demo import SCALE_CITY_PREFIX

    tags = list(Tag.objects.all()) or list(_tags().values())
    cities = list(City.objects.filter(slug__startswith=SCALE_CITY_PREFIX, network_organisation__isnull=True))
    Organisation.objects.bulk_create(
        [Organisation(name=city.name, kind=OrganisationKind.PARTICIPANT_CITY, city=city) for city in cities],
        ignore_conflicts=True,
        batch_size=500,
    )
    partner_kinds = [
        OrganisationKind.NGO,
        OrganisationKind.UNIVERSITY,
        OrganisationKind.SME_ASSOCIATION,
        OrganisationKind.INSPIRATION_CITY,
    ]
    partners = [
        Organisation(name=f"Scale partner {i:04d}", kind=partner_kinds[i % len(partner_kinds)])
        for i in range(50 * factor)
    ]
    existing = set(Organisation.objects.filter(name__startswith="Scale partner ").values_list("name", flat=True))
    Organisation.objects.bulk_create([o for o in partners if o.name not in existing], batch_size=500)
    partners = list(Organisation.objects.filter(name__startswith="Scale partner ").order_by("pk"))
    unusable = make_password(None)
    User.objects.bulk_create(
        [
            User(
                email=f"member{i:06d}@scale.ccrs",
                full_name=f"Member {i:06d}",
                is_network_member=True,
                password=unusable,
            )
            for i in range(thinned(SCALE_MEMBERS * factor, density))
        ],
        ignore_conflicts=True,
        batch_size=1000,
    )
    people = User.objects.filter(email__endswith="@scale.ccrs", network_profile__isnull=True).filter(
        email__startswith="member"
    ) | User.objects.filter(email__endswith="@scale.ccrs", network_profile__isnull=True, email__startswith="network")
    user_ids = list(people.values_list("pk", flat=True))
    MemberProfile.objects.bulk_create(
        [
            MemberProfile(
                user_id=pk,
                organisation=partners[n % len(partners)],
                role_title="Expert",
                languages=SCALE_LANGUAGES[n % len(SCALE_LANGUAGES)],
                offers="Peer advice",
                is_mentor=n % 40 == 0,
                show_email=Visibility.MEMBERS if n % 2 else Visibility.NOBODY,
            )
            for n, pk in enumerate(user_ids)
        ],
        ignore_conflicts=True,
        batch_size=1000,
    )
    team = list(
        CityMembership.objects.filter(
            city__slug__startswith=SCALE_CITY_PREFIX, user__network_profile__isnull=True
        ).values_list("user_id", flat=True)
    )
    MemberProfile.objects.bulk_create(
        [MemberProfile(user_id=pk, languages=["en"], role_title="Officer") for pk in team],
        ignore_conflicts=True,
        batch_size=1000,
    )
    if tags:
        through = MemberProfile.tags.through
        profiles = MemberProfile.objects.filter(user_id__in=user_ids + team).values_list("pk", flat=True)
        through.objects.bulk_create(
            [through(memberprofile_id=pk, tag_id=tags[n % len(tags)].pk) for n, pk in enumerate(profiles)],
            ignore_conflicts=True,
            batch_size=2000,
        )
    log(f"{len(user_ids) + len(team)} scale directory profiles, {len(partners)} scale partner organisations")
