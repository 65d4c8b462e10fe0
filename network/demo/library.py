"""Demo and scale data of the resource library: twenty-one resources in the five languages by the demo's city
teams, staff and a partner (library.json), and thousands more for seed_scale (2,000 per unit of factor)."""

import io
import random
from datetime import date
from functools import cache

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from ccrs.demo import DEMO_DOMAIN, demo_data
from ccrs.models import User
from cities.demo import SCALE_CITY_PREFIX, demo_cities
from cities.models import City

from .. import textsearch
from ..models import Resource, Tag
from ..services import library as services
from .members import tags_made

# library.json: the tags [kind, code, English name, {language: name}] and twenty-one resources of the real
# program's themes (waterfront tourism in Bangkok and Melaka, green batik in Semarang, waste separation and
# waste banks in Jakarta and Can Tho, Da Nang's coast). Each resource: kind, language, author (a demo
# account), city slug or null, the real date ("on", moved by the demo's calendar), tag codes, titles,
# summaries, and a link or a file ("pdf" / "xlsx", made when the demo loads).
DATA = demo_data(__file__, "library.json")
TAGS = DATA["tags"]
RESOURCES = DATA["resources"]
SCALE_PER_FACTOR = 2000
SCALE_CREDIT = "Scale library"
PROGRAM_CREDIT = "Resilient Cities Network · CCRS"


def demo_tags() -> dict[str, Tag]:
    """The library's tags by code (created when missing; another part of the demo may have made them)."""
    return tags_made(TAGS, update=False)


def _pdf(title: str) -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.add_metadata({"/Title": title})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _xlsx(title: str) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append([title])
    sheet.append(["Ngày / Tanggal", "Nasabah", "Jenis", "Kg", "Rp"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _file(spec: dict):
    title = spec["titles"].get("en") or next(iter(spec["titles"].values()))
    slug = "".join(ch if ch.isalnum() else "-" for ch in title.lower())[:60].strip("-")
    if spec["file"] == "xlsx":
        return SimpleUploadedFile(f"{slug}.xlsx", _xlsx(title))
    return SimpleUploadedFile(f"{slug}.pdf", _pdf(title), content_type="application/pdf")


@transaction.atomic
def seed_demo(*, log, calendar) -> None:
    if Resource.objects.filter(author__email__endswith=DEMO_DOMAIN).exists():
        log("demo library already loaded")
        return
    tags = demo_tags()
    cities = demo_cities()
    authors = {user.email: user for user in User.objects.filter(email__endswith=DEMO_DOMAIN)}
    for spec in RESOURCES:
        services.resource_create(
            author=authors.get(spec["author"]),
            kind=spec["kind"],
            language=spec["language"],
            titles=spec["titles"],
            summaries=spec["summaries"],
            published_on=calendar.on(date.fromisoformat(spec["on"])),
            file=_file(spec) if spec.get("file") else None,
            link=spec.get("link", ""),
            credit=spec.get("credit") or (cities[spec["city"]].name if spec["city"] in cities else PROGRAM_CREDIT),
            city=cities.get(spec["city"]) if spec["city"] else None,
            tags=[tags[code] for code in spec["tags"]],
        )
    log(f"{len(RESOURCES)} demo library resources")


@transaction.atomic
def reset_demo(*, log) -> None:
    """Delete the resources the demo's accounts shared, with their files."""
    rows = list(Resource.objects.filter(author__email__endswith=DEMO_DOMAIN))
    for resource in rows:
        services.resource_delete(resource=resource)
    log(f"deleted the demo library ({len(rows)} resources)")


# The scale library: titles and summaries put together from these phrases, so searches in every language
# match a realistic share of the rows.
SCALE_WORDS = {
    "en": [
        "waste bank",
        "waterfront tourism",
        "batik dyes",
        "flood risk",
        "SME finance",
        "recycling",
        "heritage",
        "street food",
        "homestay",
        "river cruise",
        "plastic bags",
        "organic waste",
        "composting",
        "wastewater",
        "coastal erosion",
        "heat stress",
        "microcredit",
        "digital marketing",
        "cooperatives",
        "procurement",
        "market stalls",
        "tour guides",
        "handicrafts",
        "cold storage",
        "solar dryers",
        "women-led firms",
    ],
    "vi": [
        "phân loại rác",
        "ngân hàng rác",
        "du lịch ven sông",
        "doanh nghiệp nhỏ",
        "ngập lụt",
        "tái chế",
        "chợ nổi",
        "hộ kinh doanh",
        "rác hữu cơ",
        "ủ phân",
        "nước thải",
        "sạt lở bờ sông",
        "nắng nóng",
        "tín dụng vi mô",
        "hợp tác xã",
        "đấu thầu",
        "tiểu thương",
        "làng nghề",
        "homestay miệt vườn",
        "túi nilon",
        "kho lạnh",
        "phụ nữ khởi nghiệp",
        "thu gom rác",
        "du lịch biển",
    ],
    "th": [
        "การท่องเที่ยวริมน้ำ",
        "คัดแยกขยะ",
        "ผู้ประกอบการรายย่อย",
        "น้ำท่วม",
        "ตลาดน้ำ",
        "รีไซเคิล",
        "ชุมชนริมคลอง",
        "ธนาคารขยะ",
        "ขยะอินทรีย์",
        "ปุ๋ยหมัก",
        "น้ำเสีย",
        "อาหารริมทาง",
        "โฮมสเตย์",
        "เรือท่องเที่ยว",
        "ถุงพลาสติก",
        "สินเชื่อรายย่อย",
        "สหกรณ์",
        "การจัดซื้อจัดจ้าง",
        "หัตถกรรม",
        "คลื่นความร้อน",
        "การตลาดออนไลน์",
        "มัคคุเทศก์ท้องถิ่น",
        "ห้องเย็น",
        "วิสาหกิจชุมชน",
    ],
    "id": [
        "bank sampah",
        "batik ramah lingkungan",
        "limbah cair",
        "pewarna alami",
        "UMKM",
        "daur ulang",
        "banjir",
        "pemilahan sampah",
        "sampah organik",
        "kompos",
        "pengrajin batik",
        "koperasi",
        "pengadaan",
        "kredit mikro",
        "pasar tradisional",
        "rob pesisir",
        "panas ekstrem",
        "pemasaran digital",
        "kantong plastik",
        "pengepul",
        "wisata kampung",
        "perempuan pengusaha",
        "instalasi pengolahan",
        "kampung batik",
    ],
    "ms": [
        "pelancongan tepi sungai",
        "pengasingan sisa",
        "PKS",
        "banjir kilat",
        "warisan",
        "kitar semula",
        "gerai",
        "sisa makanan",
        "kompos",
        "air sisa",
        "homestay",
        "bot pelancong",
        "kraf tangan",
        "koperasi",
        "perolehan",
        "kredit mikro",
        "pemasaran digital",
        "beg plastik",
        "hakisan pantai",
        "gelombang haba",
        "pemandu pelancong",
        "peniaga kecil",
        "penyimpanan sejuk",
        "usahawan wanita",
    ],
}
SCALE_KINDS = ["toolkit", "guide", "report", "recording", "template"]


@cache
def _segmented(text: str) -> str:
    return textsearch.document_text(text)


def _phrases(pick: random.Random, language: str, count: int, number: int) -> tuple[str, str]:
    """A text of `count` phrases of `language` and its indexed form (Thai cut into words, phrase by phrase)."""
    phrases = [*pick.sample(SCALE_WORDS[language], count), str(number)]
    return " ".join(phrases), " ".join(_segmented(phrase) for phrase in phrases)


def _scale_texts(number: int, language: str) -> dict:
    """Titles, summaries and their indexed texts (in the order of network.services.library.index_texts)."""
    pick = random.Random(number)  # noqa: S311 - sample data, not secrets
    title, indexed_title = _phrases(pick, language, 3, number)
    summary, indexed_summary = _phrases(pick, language, 5, number)
    fields = {"titles": {language: title}, "summaries": {language: summary}, "search_text": indexed_summary}
    if language == "en" or number % 3:
        fields["search_title"] = indexed_title
    else:
        english, indexed_english = _phrases(pick, "en", 2, number)
        fields["titles"]["en"] = english
        fields["search_title"] = f"{indexed_english}\n{indexed_title}"
    return fields


@transaction.atomic
def seed_scale(*, factor: int, log, density: float = 1.0) -> None:
    """2,000 resources per unit of factor at full density in the five languages, with tags and cities, indexed in
    one UPDATE."""
    from ccrs.demo_registry import thinned

    existing = Resource.objects.filter(credit=SCALE_CREDIT).count()
    wanted = thinned(SCALE_PER_FACTOR * factor, density)
    if existing >= wanted:
        return
    tags = list(demo_tags().values())
    cities = list(City.objects.filter(slug__startswith=SCALE_CITY_PREFIX).values_list("pk", flat=True)) or [None]
    author = User.objects.filter(email__endswith="@scale.ccrs", is_network_member=True).order_by("pk").first()
    languages = list(SCALE_WORDS)
    rows = []
    for number in range(existing, wanted):
        language = languages[number % len(languages)]
        rows.append(
            Resource(
                kind=SCALE_KINDS[number % len(SCALE_KINDS)],
                language=language,
                **_scale_texts(number, language),
                link=f"https://example.org/scale/{number}",
                author=author,
                credit=SCALE_CREDIT,
                published_on=f"{2021 + number % 4}-{1 + number % 12:02d}-{1 + number % 28:02d}",
                city_id=cities[number % len(cities)],
            )
        )
    created = Resource.objects.bulk_create(rows, batch_size=1000)
    through = Resource.tags.through
    through.objects.bulk_create(
        [
            through(resource_id=resource.pk, tag_id=tags[(index + shift) % len(tags)].pk)
            for index, resource in enumerate(created)
            for shift in (0, 5)
        ],
        batch_size=2000,
        ignore_conflicts=True,
    )
    services.resources_reindex(Resource.objects.filter(credit=SCALE_CREDIT, search_vector__isnull=True))
    log(f"{len(created)} scale library resources")
