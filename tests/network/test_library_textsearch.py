"""The words the library's full-text search sees: Thai cut into words, Vietnamese matched without diacritics."""

import pytest
from django.db import connection

from network import textsearch


def test_thai_text_is_cut_into_words_joined_by_zero_width_spaces():
    """A Thai phrase without spaces is stored as words the parser can tell apart, and reads the same."""
    text = textsearch.document_text("รายงานการพัฒนาริมน้ำเจ้าพระยา")
    words = text.split(textsearch.WORD_JOINER)
    assert "ริมน้ำ" in words and "เจ้าพระยา" in words
    assert textsearch.display_text(text) == "รายงานการพัฒนาริมน้ำเจ้าพระยา"


def test_a_nominalised_thai_verb_is_indexed_on_its_own():
    """ "ท่องเที่ยว" (to travel) is a word of its own inside "การท่องเที่ยว" (tourism)."""
    assert "ท่องเที่ยว" in textsearch.document_text("การท่องเที่ยวชุมชน").split(textsearch.WORD_JOINER)


def test_a_query_is_trimmed_and_its_thai_cut_with_spaces():
    assert textsearch.query_text("  ขยะริมน้ำ \x00 ") == "ขยะ ริมน้ำ"
    assert len(textsearch.query_text("a" * 1000)) == textsearch.MAX_QUERY_CHARS


@pytest.mark.django_db
def test_the_unaccent_configuration_matches_vietnamese_without_diacritics(needs_postgres):
    """The migration's configuration finds "phân loại" by "phan loai" and highlights the original words."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT to_tsvector(%s, %s) @@ websearch_to_tsquery(%s, %s),"
            " ts_headline(%s, %s, websearch_to_tsquery(%s, %s))",
            [textsearch.UNACCENT_CONFIG, "Hướng dẫn phân loại rác", textsearch.UNACCENT_CONFIG, "phan loai"]
            + [textsearch.UNACCENT_CONFIG, "Hướng dẫn phân loại rác", textsearch.UNACCENT_CONFIG, "phan loai"],
        )
        matched, headline = cursor.fetchone()
    assert matched
    assert headline == "Hướng dẫn <b>phân</b> <b>loại</b> rác"


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["'", "&", "|", "!", ":*", "a:* & ! 'b", "'; DROP TABLE x; --"])
def test_tsquery_syntax_characters_never_raise(needs_postgres, query):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT websearch_to_tsquery(%s, %s)", [textsearch.UNACCENT_CONFIG, textsearch.query_text(query)]
        )
        cursor.fetchone()
