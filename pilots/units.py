"""The units a pilot's indicator counts in, as the cities write them: "tấn", "tan" and "ตัน" are all tonnes,
"UMKM", "PKS" and "ผู้ประกอบการ" all SMEs. Pure: no database, no Django.

Two units name the same thing when they fold to the same key: a known word folds to its unit's key; any other
text to itself, lower-cased and with its spaces tidied ("Tonnes " and "tonnes" are the same, "tonnes" and
"SMEs" are not).
"""

# Each unit's key and the words the cohort's languages write it with (English, Vietnamese, Thai, Indonesian, Malay).
SYNONYMS = {
    "tonnes": ["t", "tonne", "tonnes", "ton", "tons", "metric tons", "tấn", "ตัน", "tan"],
    "smes": [
        "sme",
        "smes",
        "msme",
        "msmes",
        "enterprises",
        "doanh nghiệp",
        "doanh nghiệp nhỏ và vừa",
        "dnnvv",
        "ผู้ประกอบการ",
        "วิสาหกิจ",
        "umkm",
        "ukm",
        "pks",
        "perusahaan",
    ],  # fmt: skip
    "households": ["household", "households", "hộ", "hộ gia đình", "ครัวเรือน", "rumah tangga", "isi rumah"],
    "people": ["people", "persons", "person", "người", "คน", "orang"],
}

_KEY_OF = {" ".join(word.split()).casefold(): key for key, words in SYNONYMS.items() for word in words}


def unit_key(unit: str) -> str:
    """The key `unit` folds to: its unit's key if it is a known word, else the tidied, lower-cased text."""
    folded = " ".join((unit or "").split()).casefold()
    return _KEY_OF.get(folded, folded)


def same_unit(a: str, b: str) -> bool:
    """Whether two units name the same thing ("tấn" and "Tonnes" do; "tonnes" and "SMEs" do not)."""
    return unit_key(a) == unit_key(b)
