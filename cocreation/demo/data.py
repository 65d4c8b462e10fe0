"""The demo's co-creation content, in each city's own language: processes, workshops, stakeholders and their
input, ideas, and the workshop still to come to which the stakeholder demo account is invited."""

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

AGENDAS = {
    "vi": "1. Thách thức\n2. Ý tưởng\n3. Bình chọn",
    "id": "1. Tantangan\n2. Ide\n3. Pemungutan suara",
    "th": "1. โจทย์ความท้าทาย\n2. ระดมความคิด\n3. ลงคะแนน",
    "ms": "1. Cabaran\n2. Idea\n3. Undian",
}

# The Can Tho workshop still to come: stakeholders review the pilot's first results. The stakeholder demo
# account (stakeholder@ccrs.demo) is invited and has not answered yet.
UPCOMING = {
    "city": "can-tho",
    "in_days": 16,
    "title": "Hội thảo góp ý: kết quả bước đầu của thí điểm phân loại rác",
    "place": "Hội trường UBND quận Ninh Kiều",
    "agenda": "1. Kết quả sau năm quý thí điểm\n2. Góp ý của các bên liên quan\n3. Việc cần làm tiếp theo",
    "person": ("Phạm Văn Hùng", "Cơ sở ve chai Hùng Phát", "sme", "micro", False, "male"),
    "questions": [
        (
            "long_text",
            "Bạn thấy việc thu gom rác đã phân loại ở khu vực của bạn thay đổi thế nào?",
            "What has changed in the collection of sorted waste where you live?",
        ),
        ("rating", "Mức độ hài lòng với lịch thu gom (1–5)", "Satisfaction with the collection schedule (1–5)"),
    ],
}
