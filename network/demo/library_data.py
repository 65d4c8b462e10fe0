# ruff: noqa: E501 - the demo's texts are kept one a line
"""The demo library: the tags it uses and twenty-one resources of the real program's themes (waterfront tourism in
Bangkok and Melaka, green batik in Semarang, waste separation and waste banks in Jakarta and Can Tho, Da Nang's
coast), written in the five languages. Dates are the real program's; the demo's calendar moves them."""

from datetime import date

# (kind, code, English name, names in the other languages)
TAGS = [
    (
        "principle",
        "critical",
        "Critical and vulnerable SME sector",
        {
            "vi": "Ngành DNNVV trọng yếu và dễ tổn thương",
            "th": "ภาคธุรกิจ SME ที่สำคัญและเปราะบาง",
            "id": "Sektor UMKM yang penting dan rentan",
            "ms": "Sektor PKS yang kritikal dan terdedah",
        },
    ),
    (
        "principle",
        "challenges",
        "Responds to resilience challenges",
        {
            "vi": "Ứng phó thách thức chống chịu",
            "th": "ตอบโจทย์ความท้าทายด้านความยืดหยุ่น",
            "id": "Menjawab tantangan ketahanan",
            "ms": "Menangani cabaran daya tahan",
        },
    ),
    (
        "principle",
        "collaboration",
        "Potential for collaboration",
        {"vi": "Tiềm năng hợp tác", "th": "ศักยภาพในการร่วมมือ", "id": "Potensi kolaborasi", "ms": "Potensi kerjasama"},
    ),
    (
        "principle",
        "co_benefits",
        "Resilience co-benefits",
        {
            "vi": "Đồng lợi ích về chống chịu",
            "th": "ประโยชน์ร่วมด้านความยืดหยุ่น",
            "id": "Manfaat tambahan ketahanan",
            "ms": "Manfaat bersama daya tahan",
        },
    ),
    (
        "sector",
        "I",
        "Accommodation and food service (tourism)",
        {
            "vi": "Dịch vụ lưu trú và ăn uống (du lịch)",
            "th": "ที่พักและบริการอาหาร (การท่องเที่ยว)",
            "id": "Akomodasi dan makan minum (pariwisata)",
            "ms": "Penginapan dan perkhidmatan makanan (pelancongan)",
        },
    ),
    (
        "sector",
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
        "sector",
        "E38",
        "Waste collection, treatment and recovery",
        {
            "vi": "Thu gom, xử lý và tái chế chất thải",
            "th": "การเก็บ บำบัด และนำขยะกลับมาใช้",
            "id": "Pengumpulan, pengolahan, dan pemulihan sampah",
            "ms": "Pengumpulan, rawatan dan pemulihan sisa",
        },
    ),
    (
        "topic",
        "waterfront",
        "Waterfronts and flooding",
        {
            "vi": "Ven sông và ngập lụt",
            "th": "พื้นที่ริมน้ำและน้ำท่วม",
            "id": "Kawasan tepi air dan banjir",
            "ms": "Kawasan tepi air dan banjir",
        },
    ),
    (
        "topic",
        "waste",
        "Waste and the circular economy",
        {
            "vi": "Rác thải và kinh tế tuần hoàn",
            "th": "ขยะและเศรษฐกิจหมุนเวียน",
            "id": "Sampah dan ekonomi sirkular",
            "ms": "Sisa dan ekonomi kitaran",
        },
    ),
    (
        "topic",
        "climate",
        "Climate adaptation",
        {
            "vi": "Thích ứng biến đổi khí hậu",
            "th": "การปรับตัวต่อการเปลี่ยนแปลงสภาพภูมิอากาศ",
            "id": "Adaptasi iklim",
            "ms": "Penyesuaian iklim",
        },
    ),
    (
        "topic",
        "sme-finance",
        "SME finance and procurement",
        {
            "vi": "Tài chính và mua sắm cho DNNVV",
            "th": "การเงินและการจัดซื้อสำหรับ SME",
            "id": "Pembiayaan dan pengadaan UMKM",
            "ms": "Pembiayaan dan perolehan PKS",
        },
    ),
    (
        "topic",
        "covid-recovery",
        "Covid-19 recovery",
        {
            "vi": "Phục hồi sau Covid-19",
            "th": "การฟื้นตัวหลังโควิด-19",
            "id": "Pemulihan Covid-19",
            "ms": "Pemulihan Covid-19",
        },
    ),
]

# Each resource: kind, language, author (a demo account), city slug or None, real date, tag codes, titles,
# summaries, and a link or a file ("pdf" / "xlsx", made when the demo loads).
RESOURCES = [
    {
        "kind": "guide",
        "language": "th",
        "author": "lead.bangkok@ccrs.demo",
        "city": "bangkok",
        "on": date(2022, 3, 14),
        "tags": ["I", "waterfront", "covid-recovery", "critical"],
        "titles": {
            "th": "คู่มือการท่องเที่ยวริมน้ำสำหรับผู้ประกอบการรายย่อยในกรุงเทพมหานคร",
            "en": "Waterfront tourism guide for small operators in Bangkok",
        },
        "summaries": {
            "th": "แนวทางฟื้นฟูธุรกิจท่องเที่ยวชุมชนริมคลองหลังโควิด-19 ทั้งการจัดการขยะพลาสติก การรับมือน้ำท่วม และการขายผ่านช่องทางออนไลน์",
            "en": "How canal-side community tourism businesses recover after Covid-19: plastic waste, flood preparedness and selling online.",
        },
        "file": "pdf",
    },
    {
        "kind": "recording",
        "language": "th",
        "author": "officer.bangkok@ccrs.demo",
        "city": "bangkok",
        "on": date(2022, 6, 2),
        "tags": ["I", "waterfront", "collaboration"],
        "titles": {
            "th": "บันทึกเวิร์กช็อปการท่องเที่ยวเชิงนิเวศริมแม่น้ำเจ้าพระยา",
            "en": "Recording: eco-tourism workshop on the Chao Phraya",
        },
        "summaries": {
            "th": "ผู้ประกอบการเรือท่องเที่ยว โฮมสเตย์ และร้านอาหารริมน้ำร่วมออกแบบเส้นทางท่องเที่ยวที่ลดขยะและปลอดภัยจากน้ำท่วม"
        },
        "link": "https://example.org/library/chao-phraya-workshop",
    },
    {
        "kind": "report",
        "language": "th",
        "author": "lead.bangkok@ccrs.demo",
        "city": "bangkok",
        "on": date(2023, 2, 20),
        "tags": ["E38", "waste", "co_benefits"],
        "titles": {
            "th": "รายงานการคัดแยกขยะในตลาดน้ำและชุมชนริมคลอง",
            "en": "Waste separation at floating markets and canal communities",
        },
        "summaries": {
            "th": "ผลการทดลองคัดแยกขยะอินทรีย์และขยะรีไซเคิลของร้านค้าในตลาดน้ำตลิ่งชัน พร้อมต้นทุนและรายได้จากการขายวัสดุรีไซเคิล"
        },
        "link": "https://example.org/library/floating-market-waste",
    },
    {
        "kind": "report",
        "language": "ms",
        "author": "lead.melaka@ccrs.demo",
        "city": "melaka",
        "on": date(2022, 4, 8),
        "tags": ["I", "waterfront", "covid-recovery", "critical"],
        "titles": {
            "ms": "Laporan pemulihan pelancongan tepi sungai Melaka",
            "en": "Melaka riverfront tourism recovery report",
        },
        "summaries": {
            "ms": "Kajian ke atas 120 PKS pelancongan di sepanjang Sungai Melaka: kehilangan pendapatan semasa pandemik, risiko banjir kilat dan peluang pelancongan warisan.",
            "en": "A study of 120 tourism SMEs along the Melaka River: income lost in the pandemic, flash-flood risk and heritage tourism.",
        },
        "file": "pdf",
    },
    {
        "kind": "template",
        "language": "ms",
        "author": "officer.melaka@ccrs.demo",
        "city": "melaka",
        "on": date(2022, 9, 1),
        "tags": ["I", "sme-finance"],
        "titles": {
            "ms": "Templat pelan perniagaan untuk PKS pelancongan warisan",
            "en": "Business plan template for heritage tourism SMEs",
        },
        "summaries": {
            "ms": "Templat ringkas untuk pengusaha homestay, kedai cenderamata dan pemandu pelancong yang memohon geran pemulihan."
        },
        "link": "https://example.org/library/heritage-business-plan",
    },
    {
        "kind": "guide",
        "language": "ms",
        "author": "lead.melaka@ccrs.demo",
        "city": "melaka",
        "on": date(2023, 3, 10),
        "tags": ["E38", "waste", "co_benefits"],
        "titles": {
            "ms": "Panduan pengasingan sisa di sumber untuk peniaga gerai makanan",
            "en": "Separating waste at source: a guide for food stall traders",
        },
        "summaries": {
            "ms": "Langkah demi langkah mengasingkan sisa makanan, plastik dan minyak masak terpakai di medan selera Jonker Walk."
        },
        "link": "https://example.org/library/food-stall-waste",
    },
    {
        "kind": "guide",
        "language": "id",
        "author": "lead.semarang@ccrs.demo",
        "city": "semarang",
        "on": date(2022, 5, 17),
        "tags": ["C13", "climate", "co_benefits", "critical"],
        "titles": {
            "id": "Panduan batik ramah lingkungan: pewarna alami dan pengolahan limbah cair",
            "en": "Green batik guide: natural dyes and wastewater treatment",
        },
        "summaries": {
            "id": "Cara UMKM batik Semarang beralih ke pewarna alami dan mengolah limbah cair sebelum dibuang ke sungai, dengan contoh biaya dan pemasok.",
            "en": "How Semarang's batik SMEs switch to natural dyes and treat wastewater before it reaches the river, with costs and suppliers.",
        },
        "file": "pdf",
    },
    {
        "kind": "toolkit",
        "language": "id",
        "author": "lead.semarang@ccrs.demo",
        "city": "semarang",
        "on": date(2022, 11, 3),
        "tags": ["C13", "climate", "sme-finance"],
        "titles": {
            "id": "Perangkat audit energi dan air untuk UMKM batik",
            "en": "Energy and water audit toolkit for batik SMEs",
        },
        "summaries": {
            "id": "Lembar kerja untuk menghitung pemakaian listrik, gas dan air per kain batik, serta penghematan dari kompor dan bak celup yang efisien."
        },
        "link": "https://example.org/library/batik-audit",
    },
    {
        "kind": "report",
        "language": "id",
        "author": "lead.jakarta@ccrs.demo",
        "city": "jakarta",
        "on": date(2022, 7, 12),
        "tags": ["E38", "waste", "collaboration", "critical"],
        "titles": {
            "id": "Laporan bank sampah Jakarta: pemilahan sampah rumah tangga",
            "en": "Jakarta waste banks: household waste separation",
        },
        "summaries": {
            "id": "Data dari 45 bank sampah di Jakarta Timur: jumlah nasabah, tonase sampah terpilah, harga jual material daur ulang dan peran UMKM pengepul.",
            "en": "Data from 45 waste banks in East Jakarta: members, tonnes separated, prices of recyclables and the collectors' SMEs.",
        },
        "file": "pdf",
    },
    {
        "kind": "template",
        "language": "id",
        "author": "officer.jakarta@ccrs.demo",
        "city": "jakarta",
        "on": date(2022, 8, 22),
        "tags": ["E38", "waste"],
        "titles": {"id": "Templat pencatatan setoran bank sampah", "en": "Waste bank deposit log template"},
        "summaries": {
            "id": "Buku kas bank sampah dalam bentuk lembar kerja: setoran per nasabah, jenis sampah, berat dan saldo tabungan."
        },
        "file": "xlsx",
    },
    {
        "kind": "guide",
        "language": "vi",
        "author": "lead.cantho@ccrs.demo",
        "city": "can-tho",
        "on": date(2022, 4, 25),
        "tags": ["E38", "waste", "co_benefits", "critical"],
        "titles": {
            "vi": "Hướng dẫn phân loại rác tại nguồn cho hộ kinh doanh",
            "en": "Separating waste at source: a guide for household businesses",
        },
        "summaries": {
            "vi": "Các bước phân loại rác hữu cơ, rác tái chế và rác còn lại cho tiểu thương chợ nổi Cái Răng, kèm mẫu thùng chứa và lịch thu gom.",
            "en": "Steps to separate organic, recyclable and residual waste for the traders of Cai Rang floating market, with bins and collection days.",
        },
        "file": "pdf",
    },
    {
        "kind": "report",
        "language": "vi",
        "author": "officer.cantho@ccrs.demo",
        "city": "can-tho",
        "on": date(2022, 10, 6),
        "tags": ["E38", "waste", "sme-finance"],
        "titles": {
            "vi": "Báo cáo khảo sát doanh nghiệp thu gom rác ở Cần Thơ",
            "en": "Survey of waste collection businesses in Can Tho",
        },
        "summaries": {
            "vi": "Kết quả khảo sát 86 doanh nghiệp và tổ hợp tác thu gom rác: quy mô, doanh thu, nhu cầu vốn và mong muốn tham gia đấu thầu của thành phố."
        },
        "link": "https://example.org/library/can-tho-waste-survey",
    },
    {
        "kind": "guide",
        "language": "vi",
        "author": "lead.cantho@ccrs.demo",
        "city": "can-tho",
        "on": date(2023, 1, 16),
        "tags": ["E38", "waste", "collaboration"],
        "titles": {"vi": "Ngân hàng rác cho tiểu thương chợ nổi", "en": "Waste banks for floating market traders"},
        "summaries": {
            "vi": "Mô hình ngân hàng rác học từ Surabaya, điều chỉnh cho ghe hàng trên sông Hậu: điểm nhận, bảng giá và sổ tiết kiệm."
        },
        "link": "https://example.org/library/floating-waste-bank",
    },
    {
        "kind": "recording",
        "language": "vi",
        "author": "lead.danang@ccrs.demo",
        "city": "da-nang",
        "on": date(2022, 9, 28),
        "tags": ["I", "climate", "waterfront"],
        "titles": {
            "vi": "Ghi hình hội thảo: du lịch ven biển Đà Nẵng thích ứng với biến đổi khí hậu",
            "en": "Recording: Da Nang coastal tourism adapting to climate change",
        },
        "summaries": {
            "vi": "Các chủ nhà hàng, khách sạn nhỏ và chuyên gia bàn về xói lở bờ biển, bão và cách giữ khách trong mùa mưa."
        },
        "link": "https://example.org/library/da-nang-coast-workshop",
    },
    {
        "kind": "toolkit",
        "language": "vi",
        "author": "officer.danang@ccrs.demo",
        "city": "da-nang",
        "on": date(2022, 2, 9),
        "tags": ["critical", "challenges"],
        "titles": {
            "vi": "Bộ công cụ đánh giá chỉ số kinh tế ngành",
            "en": "Toolkit for assessing a sector's economic indicators",
            "id": "Perangkat penilaian indikator ekonomi sektor",
        },
        "summaries": {
            "vi": "Cách chọn, thu thập và chấm điểm các chỉ số về lao động, doanh thu và mức độ dễ tổn thương của một ngành có nhiều doanh nghiệp nhỏ."
        },
        "link": "https://example.org/library/sector-indicators",
    },
    {
        "kind": "guide",
        "language": "en",
        "author": "network@ccrs.demo",
        "city": None,
        "on": date(2022, 6, 30),
        "tags": ["E38", "waste", "collaboration"],
        "titles": {
            "en": "Waste banks: lessons from Surabaya",
            "id": "Bank sampah: pelajaran dari Surabaya",
            "vi": "Ngân hàng rác: bài học từ Surabaya",
        },
        "summaries": {
            "en": "How Surabaya's neighbourhood waste banks turned recyclables into savings, and what a participant city needs to start one.",
            "id": "Bagaimana bank sampah kampung di Surabaya mengubah sampah daur ulang menjadi tabungan.",
        },
        "link": "https://example.org/library/surabaya-waste-banks",
    },
    {
        "kind": "report",
        "language": "en",
        "author": "network@ccrs.demo",
        "city": None,
        "on": date(2022, 10, 19),
        "tags": ["waterfront", "climate", "co_benefits"],
        "titles": {
            "en": "Rotterdam waterfront resilience: lessons for Asian river cities",
            "th": "ความยืดหยุ่นของพื้นที่ริมน้ำรอตเตอร์ดัม: บทเรียนสำหรับเมืองริมแม่น้ำในเอเชีย",
            "ms": "Daya tahan tepi air Rotterdam: pengajaran untuk bandar sungai Asia",
        },
        "summaries": {
            "en": "Water squares, floating pavilions and flood-proof quays, and how small waterfront businesses kept trading during high water."
        },
        "file": "pdf",
    },
    {
        "kind": "template",
        "language": "en",
        "author": "staff@ccrs.demo",
        "city": None,
        "on": date(2022, 8, 5),
        "tags": ["sme-finance", "collaboration"],
        "titles": {
            "en": "Template: a city's call for SME proposals",
            "vi": "Biểu mẫu: thành phố mời DNNVV gửi đề xuất",
            "th": "แม่แบบ: ประกาศเชิญ SME ส่งข้อเสนอของเมือง",
            "id": "Templat: undangan kota untuk proposal UMKM",
            "ms": "Templat: pelawaan bandar untuk cadangan PKS",
        },
        "summaries": {
            "en": "An innovative procurement call: the challenge, who may apply, documents, evaluation criteria and the award."
        },
        "link": "https://example.org/library/call-template",
    },
    {
        "kind": "recording",
        "language": "en",
        "author": "staff@ccrs.demo",
        "city": None,
        "on": date(2022, 11, 24),
        "tags": ["sme-finance", "covid-recovery"],
        "titles": {
            "en": "Webinar recording: city co-funding for SME resilience",
            "vi": "Ghi hình hội thảo trực tuyến: thành phố đồng tài trợ cho khả năng chống chịu của DNNVV",
        },
        "summaries": {"en": "Program staff and three cities on matching the program's funding in cash or in kind."},
        "link": "https://example.org/library/co-funding-webinar",
    },
    {
        "kind": "toolkit",
        "language": "en",
        "author": "staff@ccrs.demo",
        "city": None,
        "on": date(2023, 4, 3),
        "tags": ["challenges", "co_benefits"],
        "titles": {
            "en": "Results framework toolkit: indicators, targets and actuals",
            "vi": "Bộ công cụ khung kết quả: chỉ số, mục tiêu và số liệu thực tế",
            "id": "Perangkat kerangka hasil: indikator, target, dan capaian",
        },
        "summaries": {
            "en": "IATI-style results, indicators and periods for a pilot, with worked examples from waste collection and tourism."
        },
        "link": "https://example.org/library/results-framework",
    },
    {
        "kind": "toolkit",
        "language": "en",
        "author": "staff@ccrs.demo",
        "city": None,
        "on": date(2021, 11, 15),
        "tags": ["critical", "challenges", "collaboration", "co_benefits"],
        "titles": {
            "en": "CCRS toolkit: assessing an SME-dominated sector",
            "vi": "Bộ công cụ CCRS: đánh giá ngành có nhiều doanh nghiệp nhỏ và vừa",
            "th": "ชุดเครื่องมือ CCRS: การประเมินภาคธุรกิจที่มี SME เป็นหลัก",
            "id": "Perangkat CCRS: menilai sektor yang didominasi UMKM",
            "ms": "Kit alat CCRS: menilai sektor yang didominasi PKS",
        },
        "summaries": {
            "en": "The program's four principles, the sector scoring and how to choose the sector a city's pilot will serve.",
            "th": "หลักการสี่ข้อของโครงการ การให้คะแนนภาคธุรกิจ และวิธีเลือกภาคธุรกิจที่โครงการนำร่องของเมืองจะช่วยเหลือ",
        },
        "file": "pdf",
    },
]
