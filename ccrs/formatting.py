"""Numbers, money, languages and countries as the reader's language writes them, from CLDR's data through Babel.

Django's own number formats leave Vietnamese ungrouped (its `vi` locale has no NUMBER_GROUPING) and
know nothing of currencies; Babel carries CLDR's separators, grouping, currency symbols and patterns
for every language: 1.000.000.000 ₫ in Vietnamese, Rp900.000.000 in Indonesian, ฿1,250,000.00 in
Thai. An amount shows the digits its currency uses in cash (CLDR): none for VND and IDR, two for
THB, MYR or USD. The language is the active one (a page's, an e-mail's, a report's).
"""

import copy
import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import cache

from babel import Locale, UnknownLocaleError
from babel.core import get_global
from babel.numbers import parse_pattern
from django.conf import settings
from django.utils.translation import get_language, to_locale
from django_countries import countries


def locale() -> Locale:
    """The Babel locale of the active language (the project's default language outside a request)."""
    return _locale_of(get_language() or settings.LANGUAGE_CODE)


@cache
def _locale_of(language: str) -> Locale:
    """Parsing a locale reads CLDR's data: once per language and process (a page formats hundreds of numbers)."""
    try:
        return Locale.parse(to_locale(language))
    except (UnknownLocaleError, ValueError):
        return Locale.parse(to_locale(settings.LANGUAGE_CODE))


@cache
def _pattern(text: str):
    """A CLDR number pattern, parsed once per process; callers change a copy of it."""
    return parse_pattern(text)


def _decimal(value) -> Decimal | None:
    if value is None or value == "" or isinstance(value, bool):
        return None
    try:
        return value if isinstance(value, Decimal) else Decimal(str(value))
    except (InvalidOperation, ValueError, TypeError):
        return None


def _fraction(value: Decimal, digits: int | None) -> tuple[int, int]:
    """(least, most) decimals: `digits` exactly; `-digits` at most (none for a whole number); None up to 3."""
    if digits is None:
        return (0, 3)
    if digits >= 0:
        return (digits, digits)
    return (0, 0) if value == value.to_integral_value() else (-digits, -digits)


def _pattern_of(formats, amount: Decimal, digits: int | None):
    """A copy of the language's standard pattern among `formats`, set to show `amount` with `digits` decimals."""
    pattern = copy.copy(_pattern(formats[None].pattern))
    pattern.frac_prec = _fraction(amount, digits)
    return pattern


def number(value, digits: int | None = None) -> str:
    """`value` with the language's grouping and decimal mark ("1.240.000" in Vietnamese); "" for no value.

    `digits` as in Django's `floatformat`: 2 always two decimals, -2 two decimals unless whole, None up to three.
    """
    amount = _decimal(value)
    if amount is None:
        return ""
    reader = locale()
    return _pattern_of(reader.decimal_formats, amount, digits).apply(amount, reader)


def percent(value, digits: int = -1) -> str:
    """A share given in percent (40.5 for 40.5 %) as the language writes a percentage ("40,5 %" in Vietnamese,
    "40.5%" in Thai); `digits` as in `number`; "" for no value."""
    amount = _decimal(value)
    if amount is None:
        return ""
    reader = locale()
    pattern = _pattern_of(reader.percent_formats, amount, digits)
    # Rounded half up, as people round a share (35.45 % → 35.5 %), before Babel's half-even rounding sees it.
    amount = amount.quantize(Decimal(1).scaleb(-pattern.frac_prec[1]), rounding=ROUND_HALF_UP)
    return pattern.apply(amount / 100, reader)


def figure(value, kind: str, unit: str = "") -> str:
    """A dashboard figure by its kind: a count whole, a percentage with its sign, other numbers to two decimals;
    with its `unit` after it when it has one ("1.250 tấn", "40 SMEs"); "" for no value."""
    if kind == "percent":
        return percent(value)
    text = number(value, 0 if kind == "count" else -2)
    return f"{text}\u00a0{unit}" if text and unit else text


def currency_digits(code: str) -> int:
    """The decimals an amount in `code` is written with: the currency's cash digits in CLDR (0 for VND and IDR)."""
    fractions = get_global("currency_fractions")
    return fractions.get(code, fractions["DEFAULT"])[2]


def money(value, currency: str) -> str:
    """An amount with its currency as the language writes it ("1.000.000.000 ₫", "Rp900.000.000"); "" for no amount."""
    amount = _decimal(value)
    if amount is None:
        return ""
    if not currency:
        return number(amount, -2)
    reader = locale()
    pattern = copy.copy(_pattern(reader.currency_formats["standard"].pattern))
    digits = currency_digits(currency)
    pattern.frac_prec = (digits, digits)
    text = pattern.apply(amount, reader, currency=currency, currency_digits=False)
    return _space_code(text, currency) if reader.currency_symbols.get(currency, currency) == currency else text


def _space_code(text: str, symbol: str) -> str:
    """A language with no symbol for the currency writes its code, apart from the digits ("IDR 900,000,000")."""
    at = text.find(symbol)
    if at < 0:
        return text
    end = at + len(symbol)
    if end < len(text) and text[end].isdigit():
        return text[:end] + "\u00a0" + text[end:]
    if at > 0 and text[at - 1].isdigit():
        return text[:at] + "\u00a0" + text[at:]
    return text


def language_name(code: str) -> str:
    """A language's name in the reader's language, from CLDR ("Tiếng Thái" for `th` on a Vietnamese page)."""
    return locale().languages.get(code or "", code or "")


def country_name(country) -> str:
    """A country's (ISO 3166) name in the reader's language, from CLDR ("ไทย" for TH on a Thai page).

    django-countries' own catalogs miss Thai (kept as `th_TH`), Indonesian and Malay.
    """
    code = getattr(country, "code", country) or ""
    return locale().territories.get(code) or str(countries.name(code))


_THAI_LEADING_VOWELS = "เแโใไ"
_LETTER_AFTER = {"đ": "d\U0010ffff", "ø": "o\U0010ffff", "æ": "ae", "œ": "oe", "ß": "ss", "ł": "l"}


def sort_key(text: str) -> tuple[str, str]:
    """A key that orders names roughly as the reader's alphabet does, without ICU.

    Accents are compared last (Ấn Độ beside An), Vietnamese đ comes after every d, and a Thai
    syllable's leading vowel (เ แ โ ใ ไ) is compared after its consonant, as in a Thai dictionary.
    """
    folded = "".join(
        _LETTER_AFTER.get(char, char)
        for char in unicodedata.normalize("NFKD", text.casefold())
        if not unicodedata.combining(char)
    )
    folded = re.sub(f"([{_THAI_LEADING_VOWELS}])([\u0e01-\u0e2e])", r"\2\1", folded)
    return folded, text


def country_choices() -> list[tuple[str, str]]:
    """Every country as (ISO code, name in the reader's language), sorted in that language.

    A callable for a form's `choices`: evaluated each time the field is rendered or checked, in the
    language active then (django-countries would list English names on Thai, Indonesian and Malay pages).
    """
    names = ((country.code, country_name(country.code)) for country in countries)
    return sorted(names, key=lambda choice: sort_key(choice[1]))
