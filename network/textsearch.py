"""The words PostgreSQL's full-text search sees in the library's five languages (a pure module: no ORM).

Thai is written without spaces between words, so PostgreSQL's parser would read a whole Thai phrase as one
word. Its runs are cut into words with pythainlp's `newmm` engine and joined by a zero-width space, which
the parser takes for a separator and a browser does not show, so the same text is indexed, highlighted and
displayed. A query is cut the same way (joined by plain spaces). Vietnamese, Indonesian, Malay and English
are spaced already; the accent-free matching of Vietnamese is PostgreSQL's (`unaccent`, see
`UNACCENT_CONFIG`).
"""

import re
from functools import cache

# Text-search configurations (created by the library's migration): exact words, and words without their
# diacritics ("phân loại" → "phan loai"), both without stemming, as no language here has a dictionary.
EXACT_CONFIG = "simple"
UNACCENT_CONFIG = "ccrs_unaccent"

WORD_JOINER = "\u200b"  # zero-width space
MAX_QUERY_CHARS = 200

THAI_RUN = re.compile(r"[\u0e00-\u0e7f]+")
# Nouns made from verbs ("การท่องเที่ยว", tourism, from "ท่องเที่ยว", to travel) are one word to newmm; the verb
# is indexed on its own too, so searching "ท่องเที่ยว" finds "การท่องเที่ยว".
THAI_NOMINALISERS = ("การ", "ความ")


@cache
def _thai_words() -> frozenset:
    from pythainlp.corpus import thai_words

    return frozenset(thai_words())


def _split_nominaliser(word: str) -> list[str]:
    for prefix in THAI_NOMINALISERS:
        rest = word[len(prefix) :]
        if word.startswith(prefix) and len(rest) > 1 and rest in _thai_words():
            return [prefix, rest]
    return [word]


def thai_words(run: str) -> list[str]:
    """The words of one run of Thai letters, as newmm cuts them (nominalised verbs split off)."""
    from pythainlp.tokenize import word_tokenize

    words = []
    for word in word_tokenize(run, engine="newmm", keep_whitespace=False):
        words.extend(_split_nominaliser(word))
    return [word for word in words if word.strip()]


def _segment(text: str, joiner: str) -> str:
    return THAI_RUN.sub(lambda match: joiner.join(thai_words(match.group())), text)


def document_text(text: str) -> str:
    """`text` as it is stored for indexing and highlighting: Thai words separated by zero-width spaces."""
    return _segment(text or "", WORD_JOINER)


def query_text(query: str) -> str:
    """A person's search words as they are handed to `websearch_to_tsquery`: trimmed, Thai cut into words."""
    text = " ".join((query or "").replace("\x00", " ").split())[:MAX_QUERY_CHARS]
    return _segment(text, " ")


def display_text(text: str) -> str:
    """A stored snippet as a person reads it: the zero-width spaces taken out again."""
    return (text or "").replace(WORD_JOINER, "")
