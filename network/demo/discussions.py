"""Demo and scale data of the discussions: four categories, topics in five languages between the cities'
teams and the network's members (ccrs/demo.py's people), one post held by three flags for the moderation
queue; seed_scale adds thousands of posts."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from .. import markup
from ..models import Category, Post, Topic
from ..services import discussions

CATEGORIES = [
    ("waterfront", "Waterfront resilience", {"vi": "Khả năng chống chịu ven sông", "th": "ความยืดหยุ่นริมน้ำ",
     "id": "Ketahanan kawasan tepi air", "ms": "Daya tahan kawasan tepi air"}),
    ("waste", "Waste collection and separation", {"vi": "Thu gom và phân loại rác", "th": "การเก็บและคัดแยกขยะ",
     "id": "Pengumpulan dan pemilahan sampah", "ms": "Pengutipan dan pengasingan sisa"}),
    ("green-textiles", "Green batik and textiles", {"vi": "Dệt may và batik xanh", "th": "ผ้าบาติกและสิ่งทอสีเขียว",
     "id": "Batik dan tekstil hijau", "ms": "Batik dan tekstil hijau"}),
    ("sme-finance", "Inclusive finance for SMEs", {"vi": "Tài chính toàn diện cho doanh nghiệp nhỏ và vừa",
     "th": "การเงินที่ทั่วถึงสำหรับ SME", "id": "Pembiayaan inklusif untuk UKM", "ms": "Pembiayaan inklusif untuk PKS"}),  # noqa: E501
]  # fmt: skip

# (category, author, title, opening post, [(author, reply)], days ago)
TOPICS = [
    ("waterfront", "lead.bangkok@ccrs.demo", "ตลาดน้ำกับการรับมือน้ำท่วม",
     "ร้านค้าริมคลองของเราเสียหายทุกปีช่วงน้ำหลาก เมืองอื่นช่วยผู้ประกอบการรายย่อยยกพื้นร้านอย่างไร?",
     [("lead.melaka@ccrs.demo", "Di Melaka, kami memberi geran kecil untuk lantai kedai yang ditinggikan di tepi sungai."),  # noqa: E501
      ("network@ccrs.demo", "Rotterdam's **water squares** are worth a look: see the city's guide in the library.")], 12),  # noqa: E501
    ("waste", "lead.cantho@ccrs.demo", "Ngân hàng rác cho tiểu thương chợ nổi",
     "Chúng tôi muốn thử mô hình ngân hàng rác ở chợ nổi Cái Răng. Có thành phố nào đã làm với hộ kinh doanh nhỏ chưa?",
     [("officer.jakarta@ccrs.demo", "Di Jakarta, bank sampah di pasar dikelola koperasi pedagang; kuncinya harga jual yang jelas."),  # noqa: E501
      ("lead.danang@ccrs.demo", "Đà Nẵng đang thử phân loại tại nguồn ở chợ Hàn; sẽ chia sẻ số liệu sau ba tháng.")], 9),  # noqa: E501
    ("green-textiles", "lead.semarang@ccrs.demo", "Pewarna alami untuk batik Semarang",
     "Kami mencari pengalaman kota lain dalam mengganti pewarna sintetis. Bagaimana biaya bagi perajin kecil?",
     [("lead.bangkok@ccrs.demo", "กลุ่มผ้าทอในเชียงใหม่ใช้สีจากครามและเปลือกไม้ ต้นทุนสูงขึ้นแต่ขายได้ราคาดีกว่า")], 6),
    ("sme-finance", "lead.melaka@ccrs.demo", "Pembiayaan mikro untuk peniaga Jonker Walk",
     "Bagaimana bandar lain menyalurkan dana pemulihan pasca-Covid kepada peniaga kecil tanpa dokumen lengkap?",
     [("staff@ccrs.demo", "Two cities used their SME association as the intermediary; the program can connect you.")], 3),  # noqa: E501
    ("waste", "network@ccrs.demo", "Surabaya's waste banks: lessons for the cohort",
     "Happy to share how Surabaya pays households and market stalls in points for sorted waste. Ask me anything.",
     [("lead.cantho@ccrs.demo", "Cảm ơn chị! Điểm thưởng được đổi ra tiền mặt hay dịch vụ?"),
      ("officer.bangkok@ccrs.demo", "Buy cheap followers and likes here, best price!!!")], 1),
]  # fmt: skip
SPAM = "Buy cheap followers and likes here, best price!!!"
FLAGGERS = ["lead.cantho@ccrs.demo", "lead.semarang@ccrs.demo", "lead.melaka@ccrs.demo"]
SCALE_CATEGORY = "scale-discussions"


def _people():
    return {user.email: user for user in get_user_model().objects.filter(email__endswith="@ccrs.demo")}


def _backdate(post: Post, at) -> None:
    Post.objects.filter(pk=post.pk).update(created_at=at, updated_at=at)


@transaction.atomic
def seed_demo(*, log, calendar) -> None:
    people = _people()
    categories = {}
    for position, (slug, name, names) in enumerate(CATEGORIES):
        categories[slug], _created = Category.objects.get_or_create(
            slug=slug, defaults={"name": name, "names": names, "position": position}
        )
    if Topic.objects.filter(category__slug__in=[c[0] for c in CATEGORIES]).exists():
        log("discussions: already loaded")
        return
    now = timezone.now()
    for slug, author, title, body, replies, days in TOPICS:
        if author not in people:
            continue
        topic = discussions.topic_create(category=categories[slug], author=people[author], title=title, body=body)
        opened = now - timedelta(days=days)
        _backdate(topic.posts.get(), opened)
        last = opened
        for hours, (replier, text) in enumerate(replies, start=1):
            if replier not in people:
                continue
            post = discussions.post_create(topic=topic, author=people[replier], body=text)
            last = opened + timedelta(hours=3 * hours)
            _backdate(post, last)
            if text == SPAM:
                for flagger in FLAGGERS:
                    discussions.post_flag(post=post, member=people[flagger], reason="spam")
        Topic.objects.filter(pk=topic.pk).update(created_at=opened, last_post_at=last)
    log(f"discussions: {len(CATEGORIES)} categories, {len(TOPICS)} topics, one post held by three flags")


@transaction.atomic
def reset_demo(*, log) -> None:
    slugs = [c[0] for c in CATEGORIES]
    deleted, _by_model = Topic.objects.filter(category__slug__in=slugs).delete()
    Category.objects.filter(slug__in=slugs).delete()
    log(f"discussions: {deleted} rows deleted")


def demo_links() -> list[tuple[str, str]]:
    return [
        ("discussions", "/network/discussions/"),
        ("moderation queue (staff)", "/network/discussions/moderation/"),
        ("e-mail preferences", "/network/preferences/"),
    ]


@transaction.atomic
def seed_scale(*, factor: int, log, density: float = 1.0) -> None:
    """Per unit of factor: 200 topics of 10 posts each (2,000 posts; fewer below full density) in a scale category,
    and 20 more replies in every topic already there, so the lists and threads are measured on thousands of posts."""
    from ccrs.demo_registry import thinned

    author = get_user_model().objects.filter(is_active=True).order_by("pk").first()
    if author is None:
        return
    category, _created = Category.objects.get_or_create(
        slug=SCALE_CATEGORY, defaults={"name": "Scale discussions", "position": 99}
    )
    now = timezone.now()
    html = markup.render("A scale post with **some** text.")
    existing = list(Topic.objects.exclude(category=category).values_list("pk", flat=True))
    start = Topic.objects.filter(category=category).count()
    topics = Topic.objects.bulk_create(
        [
            Topic(category=category, title=f"Scale topic {start + i}", author=author, last_post_at=now, reply_count=9)
            for i in range(thinned(200 * factor, density))
        ]
    )
    posts = [
        Post(topic=topic, opening=n == 0, author=author, body_markdown="A scale post", body_html=html)
        for topic in topics
        for n in range(10)
    ]
    posts += [
        Post(topic_id=pk, author=author, body_markdown="A scale reply", body_html=html)
        for pk in existing
        for _n in range(20 * factor)
    ]
    Post.objects.bulk_create(posts, batch_size=2000)
    log(f"discussions: {len(topics)} topics, {len(posts)} posts")
