"""The demo's facts about the first cohort: its six cities, their profiles, applications and teams.

Names and text are in each city's own language (see the cohort's public facts).
"""

from decimal import Decimal

from ccrs.models import CityRole

COHORT_NAME = "CCRS Asia-Pacific"  # the cohort's name, followed by the year its call for cities opens
COHORT = {"region": "Asia-Pacific", "max_cities": 8}

# Public facts about the first cohort (rounded city-proper populations of the early 2020s).
COHORT_CITIES = [
    {
        "name": "Bangkok",
        "local_name": "กรุงเทพมหานคร",
        "country": "TH",
        "time_zone": "Asia/Bangkok",
        "population": 5_500_000,
        "languages": ["th", "en"],
    },
    {
        "name": "Melaka",
        "local_name": "Melaka",
        "country": "MY",
        "time_zone": "Asia/Kuala_Lumpur",
        "population": 580_000,
        "languages": ["ms", "en", "zh"],
    },
    {
        "name": "Semarang",
        "local_name": "Semarang",
        "country": "ID",
        "time_zone": "Asia/Jakarta",
        "population": 1_650_000,
        "languages": ["id", "jv"],
    },
    {
        "name": "Jakarta",
        "local_name": "Daerah Khusus Jakarta",
        "country": "ID",
        "time_zone": "Asia/Jakarta",
        "population": 10_600_000,
        "languages": ["id"],
    },
    {
        "name": "Can Tho",
        "local_name": "Cần Thơ",
        "country": "VN",
        "time_zone": "Asia/Ho_Chi_Minh",
        "population": 1_240_000,
        "languages": ["vi"],
    },
    {
        "name": "Da Nang",
        "local_name": "Đà Nẵng",
        "country": "VN",
        "time_zone": "Asia/Ho_Chi_Minh",
        "population": 1_220_000,
        "languages": ["vi", "en"],
    },
]


RUBRIC = [
    ("Commitment to a vulnerable SME-dominated sector", Decimal("3")),
    ("Response to the city's resilience challenges", Decimal("2")),
    ("Collaborative spirit and city leadership", Decimal("2")),
    ("Resilience co-benefits and co-funding", Decimal("1")),
]

# slug: profile, application answers, steps done, co-funding (currency, cash, in kind, received cash)
DEMO_PROFILES = {
    "bangkok": {
        "profile": {
            "area_km2": Decimal("1568.7"),
            "gdp": Decimal("7100000000000"),
            "gdp_year": 2021,
            "currency": "THB",
            "shocks": ["flooding", "extreme_heat", "land_subsidence", "pollution", "pandemic"],
            "resilience_strategy": ("ยุทธศาสตร์กรุงเทพฯ เมืองยืดหยุ่น: ลดน้ำท่วม ฟื้นฟูคลองและการท่องเที่ยวริมน้ำ สร้างความเข้มแข็งให้ชุมชน"),
        },
        "cro": ("ดร. วิลาสินี สุขสวัสดิ์", "lead.bangkok@ccrs.demo"),
        "sectors": "การท่องเที่ยวริมน้ำ\nร้านอาหารและแผงลอยริมคลอง",
        "cofunding": ("THB", Decimal("3500000"), Decimal("2000000"), Decimal("1750000")),
        "done": 6,
        "scores": [5, 4, 4, 4],
    },
    "melaka": {
        "profile": {
            "area_km2": Decimal("277"),
            "gdp": Decimal("41000000000"),
            "gdp_year": 2021,
            "currency": "MYR",
            "shocks": ["flooding", "pollution", "pandemic", "economic_shock"],
            "resilience_strategy": (
                "Pelan Daya Tahan Melaka: memulihkan pelancongan sungai dan tepi laut bersama "
                "PKS tempatan, sambil menangani pencemaran air."
            ),
        },
        "cro": ("Nurul Aisyah binti Ahmad", "lead.melaka@ccrs.demo"),
        "sectors": "Pelancongan tepi sungai\nKraf tangan warisan",
        "cofunding": ("MYR", Decimal("400000"), Decimal("250000"), Decimal("100000")),
        "done": 6,
        "scores": [4, 4, 5, 3],
    },
    "semarang": {
        "profile": {
            "area_km2": Decimal("373.8"),
            "gdp": Decimal("210000000000000"),
            "gdp_year": 2021,
            "currency": "IDR",
            "shocks": ["flooding", "land_subsidence", "sea_level_rise", "pandemic"],
            "resilience_strategy": (
                "Strategi Ketahanan Kota Semarang: menghadapi banjir rob dan penurunan tanah, "
                "serta mendorong industri batik yang ramah lingkungan."
            ),
        },
        "cro": ("Hendrawan Prasetyo", "lead.semarang@ccrs.demo"),
        "sectors": "Batik dan tekstil\nKuliner UMKM",
        "cofunding": ("IDR", Decimal("1500000000"), Decimal("800000000"), Decimal("1500000000")),
        "done": 6,
        "scores": [5, 5, 4, 4],
    },
    "jakarta": {
        "profile": {
            "area_km2": Decimal("661.5"),
            "gdp": Decimal("2900000000000000"),
            "gdp_year": 2021,
            "currency": "IDR",
            "shocks": ["flooding", "land_subsidence", "sea_level_rise", "pollution", "pandemic"],
            "resilience_strategy": (
                "Strategi Ketahanan Jakarta: mengurangi, memulihkan dan mengolah sampah melalui "
                "UMKM pengumpulan dan pemilahan."
            ),
        },
        "cro": ("Ratna Kusumawati", "lead.jakarta@ccrs.demo"),
        "sectors": "Pengumpulan dan pemilahan sampah\nBank sampah",
        "cofunding": ("IDR", Decimal("2000000000"), Decimal("1000000000"), Decimal("2000000000")),
        "done": 6,
        "scores": [5, 4, 4, 5],
    },
    "can-tho": {
        "profile": {
            "area_km2": Decimal("1439.2"),
            "gdp": Decimal("95000000000000"),
            "gdp_year": 2021,
            "currency": "VND",
            "shocks": ["flooding", "sea_level_rise", "drought", "extreme_heat"],
            "resilience_strategy": (
                "Chiến lược chống chịu của Cần Thơ: thích ứng với lũ, nước biển dâng và hạn mặn; "
                "cải thiện quản lý chất thải ở đồng bằng sông Cửu Long."
            ),
        },
        "cro": ("Nguyễn Thị Lan", "lead.cantho@ccrs.demo"),
        "sectors": "Thu gom và phân loại rác\nTái chế nhựa",
        "cofunding": ("VND", Decimal("2300000000"), Decimal("1200000000"), Decimal("1000000000")),
        "done": 6,
        "scores": [4, 5, 4, 4],
    },
    "da-nang": {
        "profile": {
            "area_km2": Decimal("1284.9"),
            "gdp": Decimal("120000000000000"),
            "gdp_year": 2021,
            "currency": "VND",
            "shocks": ["typhoon", "flooding", "sea_level_rise", "pandemic"],
            "resilience_strategy": (
                "Đà Nẵng – thành phố ven biển chịu bão và ngập lụt; ngành doanh nghiệp nhỏ và "
                "vừa trọng tâm sẽ được đánh giá."
            ),
        },
        "cro": ("Trần Thị Thu Hà", "lead.danang@ccrs.demo"),
        "sectors": "Du lịch biển\nChế biến hải sản\nThu gom rác thải",
        "cofunding": ("VND", Decimal("2000000000"), Decimal("1500000000"), Decimal("0")),
        "done": 2,
        "scores": [4, 4, 3, 4],
    },
}

# Applications that are still in the call: a submitted one under review and a wait-listed one.
OTHER_APPLICATIONS = [
    ("Quy Nhon", "VN", "submitted", "Du lịch biển và chế biến hải sản", "VND", [4, 3, 4, 3]),
    ("Iloilo", "PH", "waitlisted", "Food processing and river tourism", "PHP", [3, 4, 3, 3]),
]


# (e-mail, city slug, role): the teams of the demo people that ccrs.demo creates.
DEMO_TEAMS = [
    ("lead.cantho@ccrs.demo", "can-tho", CityRole.LEAD),
    ("officer.bangkok@ccrs.demo", "bangkok", CityRole.OFFICER),
    ("viewer.semarang@ccrs.demo", "semarang", CityRole.VIEWER),
    ("lead.bangkok@ccrs.demo", "bangkok", CityRole.LEAD),
    ("lead.melaka@ccrs.demo", "melaka", CityRole.LEAD),
    ("officer.melaka@ccrs.demo", "melaka", CityRole.OFFICER),
    ("lead.semarang@ccrs.demo", "semarang", CityRole.LEAD),
    ("lead.jakarta@ccrs.demo", "jakarta", CityRole.LEAD),
    ("officer.jakarta@ccrs.demo", "jakarta", CityRole.OFFICER),
    ("officer.cantho@ccrs.demo", "can-tho", CityRole.OFFICER),
    ("lead.danang@ccrs.demo", "da-nang", CityRole.LEAD),
    ("officer.danang@ccrs.demo", "da-nang", CityRole.OFFICER),
]
