"""Figures, languages and countries as the reader's language writes them (see `ccrs.formatting`); no query.

`{{ n|number }}`, `{{ score|number:3 }}`, `{{ amount|money:currency }}`, `{{ share|percent }}`, `{{ x|in_unit:unit }}`,
`{{ city.languages|language_names }}`, `{{ city.country|country_name }}`: the one way pages, e-mails and PDFs show them.
"""

from decimal import Decimal

from django import template

from ccrs import formatting

register = template.Library()


@register.filter
def number(value, digits=None):
    """Grouped with the language's marks; `digits` as in `floatformat` (3 exactly, "-2" at most two)."""
    return formatting.number(value, None if digits in (None, "") else int(digits))


@register.filter
def percent(value, digits=-1):
    """A share in percent as the language writes a percentage; at most one decimal unless told."""
    return formatting.percent(value, int(digits))


@register.filter
def figure(value, kind):
    """A dashboard figure by its kind (count, number, percent)."""
    return formatting.figure(value, str(kind))


@register.filter
def in_unit(value, unit):
    """A number (at most two decimals) with its unit after it, as `figure` writes it: "1.250 tấn"."""
    return formatting.figure(value, "number", str(unit or ""))


@register.filter
def money(value, currency):
    """The amount with its currency as the language writes it, in the currency's own decimals."""
    return formatting.money(value, str(currency or ""))


@register.filter
def cell(value):
    """A table cell of a report: a number formatted (at most two decimals), anything else as it is, — for none."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        return value
    return formatting.number(value, -2)


@register.filter
def language_names(codes):
    """Language codes (one or a list) as their names in the reader's language, comma-separated."""
    codes = [codes] if isinstance(codes, str) else list(codes or [])
    return ", ".join(formatting.language_name(code) for code in codes)


@register.filter
def country_name(country):
    """The country's name in the reader's language."""
    return formatting.country_name(country)
