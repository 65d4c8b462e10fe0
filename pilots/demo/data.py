"""The demo's pilots, in each city's language: plan, budget, partners, milestones, risks and results.

Milestone dates are those of the real program (pilots from 2023); the loader moves them onto the demo's
calendar (`ccrs.demo_calendar`). Indicators' baselines are of the year of the sector assessment.
"""

from datetime import date
from decimal import Decimal

from ..models import Measure, MilestoneStatus

# Units of USD per unit of each cohort currency, from these dates (rounded market rates).
RATES = {
    "THB": [(date(2024, 1, 1), "0.0290"), (date(2025, 1, 1), "0.0293"), (date(2026, 1, 1), "0.0305")],
    "MYR": [(date(2024, 1, 1), "0.2170"), (date(2025, 1, 1), "0.2235"), (date(2026, 1, 1), "0.2380")],
    "IDR": [(date(2024, 1, 1), "0.0000649"), (date(2025, 1, 1), "0.0000620"), (date(2026, 1, 1), "0.0000603")],
    "VND": [(date(2024, 1, 1), "0.0000412"), (date(2025, 1, 1), "0.0000393"), (date(2026, 1, 1), "0.0000381")],
}

# slug: the pilot of each city that awarded its solution (Jakarta's call is still open; Da Nang is assessing).
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
            ("Ký hợp đồng với hợp tác xã", "Sở Tài nguyên và Môi trường", date(2023, 2, 15), MilestoneStatus.DONE),
            (
                "Bàn giao xe thu gom",
                "HTX Dịch vụ Môi trường Ninh Kiều",
                date(2024, 7, 31),
                MilestoneStatus.IN_PROGRESS,
            ),
            ("Đánh giá cuối kỳ", "Nhóm thành phố", date(2024, 12, 15), MilestoneStatus.PLANNED),
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
                        True,  # a baseline of the assessment's year
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
                        True,  # a baseline of the assessment's year
                        ["waste", "equity"],
                        [],
                        ["20", "25", "30", "35", "40", "45"],
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
            ("IPAL komunal selesai dibangun", "Dinas Perindustrian", date(2024, 8, 31), MilestoneStatus.IN_PROGRESS),
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
                        True,  # a baseline of the assessment's year
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
        "milestones": [("เปิดตลาดริมน้ำ", "สำนักงานเขตพระนคร", date(2023, 9, 1), MilestoneStatus.DONE)],
        "risks": [("น้ำท่วมช่วงฤดูฝน", 4, 3, "ปรับตารางกิจกรรมตามฤดู", "ทีมเมือง")],
        "results": [
            (
                "output",
                "ผู้ประกอบการรายย่อยมีรายได้จากการท่องเที่ยว",
                [
                    (
                        "จำนวนผู้ประกอบการที่เข้าร่วม",
                        Measure.UNIT,
                        "ผู้ประกอบการ",
                        "10",
                        True,  # a baseline of the assessment's year
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
        "milestones": [("Pelancaran pakej pelancongan", "Majlis Bandaraya", date(2023, 11, 1), MilestoneStatus.DONE)],
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
                        True,  # a baseline of the assessment's year
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


# The program indicators staff chose, each with the demo pilots' indicators that feed it (by city and the
# indicator's title) and the pilots that opted out (with staff's note); the units are the cities' own words
# ("tấn", "tan"), which `pilots.units` knows for tonnes.
PROGRAM_INDICATORS = [
    {
        "name": "Tonnes of waste collected",
        "measure": Measure.UNIT,
        "unit": "tonnes",
        "description": "Recyclable and floating waste collected by the SMEs of the waste and waterfront pilots.",
        "mapped": {"can-tho": "Khối lượng rác tái chế được thu gom", "melaka": "Sampah terapung yang dikutip"},
        "opted_out": {"semarang": "The batik pilot collects no waste; its dye-house effluent is measured apart."},
    },
    {
        "name": "SMEs taking part",
        "measure": Measure.UNIT,
        "unit": "SMEs",
        "description": "Small and medium enterprises taking part in a pilot's activities.",
        "mapped": {"semarang": "Perajin yang memakai pewarna alami", "bangkok": "จำนวนผู้ประกอบการที่เข้าร่วม"},
        "opted_out": {},
    },
    {
        "name": "Households separating waste at source",
        "measure": Measure.PERCENTAGE,
        "unit": "",
        "description": "Pooled from each pilot's households surveyed and those separating.",
        "mapped": {"can-tho": "Tỷ lệ hộ phân loại rác"},
        "opted_out": {},
    },
]
