"""The library's search on PostgreSQL: Thai by a word from the middle of a text, Vietnamese with and without
diacritics (the exact one first), highlighted snippets that are safe HTML, filters, and queries that never fail."""

from datetime import timedelta

import pytest
from django.utils import timezone

from network.models import Tag
from network.selectors import library as selectors
from network.services import library as services

from .library_helpers import make_resource

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("needs_postgres")]


def titles(rows):
    return [resource.title_in("en") for resource in rows]


def test_a_thai_word_from_the_middle_of_a_text_is_found(member_a):
    """ "ริมน้ำ" (waterfront) sits inside an unspaced Thai sentence, and search finds it there."""
    found = make_resource(
        member_a,
        language="th",
        titles={"en": "Bangkok canal guide", "th": "คู่มือการท่องเที่ยวริมน้ำของกรุงเทพมหานคร"},
        summaries={"th": "แนวทางสำหรับผู้ประกอบการขนาดเล็กริมน้ำเจ้าพระยาในการลดขยะพลาสติก"},
    )
    make_resource(member_a, titles={"en": "Other", "th": "การจัดการขยะในโรงเรียน"})
    assert list(selectors.resource_search(user=member_a, query="ริมน้ำ")) == [found]
    assert list(selectors.resource_search(user=member_a, query="เจ้าพระยา")) == [found]
    row = selectors.library_page(user=member_a, query="เจ้าพระยา")["rows"][0]
    assert "<mark>เจ้าพระยา</mark>" in row.snippet
    assert "\u200b" not in row.snippet


def test_a_search_without_diacritics_finds_vietnamese_and_the_exact_match_ranks_first(member_a):
    """ "phan loai" finds "phân loại"; "phân loại" puts the text written so before a text that only matches
    without its diacritics ("phần lời"), and "phan loai" puts a text written "phan loai" first."""
    exact = make_resource(
        member_a,
        language="vi",
        titles={"en": "Sorting guide", "vi": "Hướng dẫn phân loại rác tại nguồn"},
        published_on=timezone.localdate() - timedelta(days=30),
    )
    near = make_resource(
        member_a,
        language="vi",
        titles={"en": "Share of profit", "vi": "Phần lời của hợp tác xã"},
        summaries={"vi": "Phân bổ phần lời và loài cây"},
        published_on=timezone.localdate(),
    )
    plain = make_resource(
        member_a, language="en", titles={"en": "Phan loai pilot notes"}, published_on=timezone.localdate()
    )
    assert exact in selectors.resource_search(user=member_a, query="phan loai")
    accented = list(selectors.resource_search(user=member_a, query="phân loại"))
    assert accented[0] == exact and set(accented) == {exact, near, plain}
    assert list(selectors.resource_search(user=member_a, query="phan loai"))[0] == plain
    assert list(selectors.resource_search(user=member_a, query="phần lời"))[0] == near


def test_the_snippet_escapes_the_text_then_marks_the_matches(member_a):
    make_resource(
        member_a,
        titles={"en": "Markup"},
        summaries={"en": "Waste banks <script>alert(1)</script> & batik <b onclick=x>with 1 < 2"},
    )
    row = selectors.library_page(user=member_a, query="waste")["rows"][0]
    assert "<script" not in row.snippet and "<b" not in row.snippet
    assert "&amp; batik" in row.snippet
    assert "<mark>Waste</mark>" in row.snippet


@pytest.mark.parametrize("query", ["'", "&", "|", "!", ":*", "waste:*", "a & !b | 'c'", "'; DROP TABLE x; --", "(("])
def test_query_syntax_characters_return_results_or_none_never_an_error(member_a, query):
    make_resource(member_a, titles={"en": "Waste bank toolkit"})
    page = selectors.library_page(user=member_a, query=query)
    assert page["page"].paginator.count in {0, 1}


def test_filters_by_kind_language_city_and_every_chosen_tag(member_a, city_a):
    principle = Tag.objects.create(kind="principle", code="collaboration", name="Collaboration")
    sector = Tag.objects.create(kind="sector", code="E38", name="Waste collection")
    both = make_resource(member_a, titles={"en": "Waste A"}, tags=[principle, sector], city=city_a, kind="toolkit")
    make_resource(member_a, titles={"en": "Waste B"}, tags=[sector], kind="toolkit")
    make_resource(member_a, titles={"en": "Waste C"}, tags=[principle, sector], language="vi", kind="report")
    assert set(selectors.resource_search(user=member_a, query="waste", filters={"tags": [sector.pk]})) == set(
        selectors.resource_search(user=member_a, query="waste")
    )
    assert titles(selectors.resource_search(user=member_a, filters={"tags": [principle.pk, sector.pk]})) == [
        "Waste A",
        "Waste C",
    ] or set(titles(selectors.resource_search(user=member_a, filters={"tags": [principle, sector]}))) == {
        "Waste A",
        "Waste C",
    }
    assert list(selectors.resource_search(user=member_a, query="waste", filters={"city": city_a.pk})) == [both]
    assert titles(selectors.resource_search(user=member_a, filters={"language": "vi"})) == ["Waste C"]
    assert set(titles(selectors.resource_search(user=member_a, filters={"kind": "toolkit"}))) == {"Waste A", "Waste B"}


def test_a_person_outside_the_network_finds_nothing(member_a, stakeholder):
    make_resource(member_a, titles={"en": "Waste bank toolkit"})
    assert not selectors.resource_search(user=stakeholder, query="waste").exists()
    assert selectors.resources_for(user=stakeholder, ids=[1, 2]) == []


def test_an_edit_changes_what_the_search_finds(member_a):
    resource = make_resource(member_a, titles={"en": "Waterfront tourism"})
    services.resource_update(resource=resource, titles={"ms": "Pelancongan tepi air Melaka"})
    assert not selectors.resource_search(user=member_a, query="waterfront").exists()
    assert list(selectors.resource_search(user=member_a, query="tepi air")) == [resource]


def test_resources_for_keeps_the_order_asked_and_leaves_out_missing_ones(member_a, network_member):
    first = make_resource(member_a, titles={"en": "First"})
    second = make_resource(member_a, titles={"en": "Second"})
    assert selectors.resources_for(user=network_member, ids=[second.pk, 999999, first.pk, "x"]) == [second, first]


def test_activity_lists_new_resources_in_the_readers_language(member_a, network_member):
    before = timezone.now()
    resource = make_resource(member_a, titles={"en": "Waste banks", "vi": "Ngân hàng rác"})
    network_member.language = "vi"
    items = selectors.activity(user=network_member, since=before)
    assert [(item.kind, item.key, item.title, item.url) for item in items] == [
        ("resource", f"resource:{resource.pk}", "Ngân hàng rác", resource.get_absolute_url())
    ]
    assert selectors.activity(user=network_member, since=timezone.now()) == []


def test_the_library_figures_count_resources_by_language_and_files(member_a):
    from .library_helpers import pdf_upload

    make_resource(member_a, language="th", titles={"th": "คู่มือ"}, file=pdf_upload())
    make_resource(member_a, language="vi", titles={"vi": "Hướng dẫn"})
    figures = selectors.library_figures()
    assert figures["resources"] == 2 and figures["files"] == 1 and figures["links"] == 1
    assert figures["by_language"] == {"en": 0, "vi": 1, "th": 1, "id": 0, "ms": 0}
