"""Values that views and services read by hand from a request, checked against what the database
can hold, so bad input is ignored or refused with a message, never turned into a query that
PostgreSQL rejects (bigint out of range, numeric overflow)."""

from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext as _

BIGINT_MAX = 2**63 - 1


def id_from(value) -> int | None:
    """The positive id that `value` names, as ASCII digits that fit a bigint column; else None."""
    text = str(value if value is not None else "").strip()
    if not text.isascii() or not text.isdigit() or len(text) > len(str(BIGINT_MAX)):
        return None
    number = int(text)
    return number if 0 < number <= BIGINT_MAX else None


def page_of(queryset, *, number, per_page: int) -> dict:
    """One page of an ordered queryset, as Django's `Paginator.get_page` picks it: a page number
    that is not a whole number shows the first page, one past the end (however large) the last."""
    paginator = Paginator(queryset, per_page)
    page = paginator.get_page(number)
    return {"rows": list(page.object_list), "total": paginator.count, "page": page.number, "has_next": page.has_next()}


def fit_decimal(value: Decimal, *, max_digits: int, decimal_places: int) -> Decimal | None:
    """A finite `value` rounded to `decimal_places` as PostgreSQL rounds it, or None when a numeric
    column of that size cannot hold it (1e308 in an amount): its whole part has too many digits."""
    whole_digits = max_digits - decimal_places
    if value and value.adjusted() >= whole_digits:
        return None
    rounded = value.quantize(Decimal(1).scaleb(-decimal_places), rounding=ROUND_HALF_UP)
    if rounded and rounded.adjusted() >= whole_digits:  # 9999.999 rounds up to 10000.00
        return None
    return rounded


def decimal_for_column(value: Decimal, *, field: models.DecimalField, label: str) -> Decimal:
    """`fit_decimal` for the column of a model's DecimalField; ValidationError naming `label` and
    the number of digits that fit when it is too large."""
    fitted = fit_decimal(value, max_digits=field.max_digits, decimal_places=field.decimal_places)
    if fitted is None:
        raise ValidationError(
            _("%(field)s is too large: use at most %(digits)s digits before the decimal point."),
            params={"field": capfirst(label), "digits": field.max_digits - field.decimal_places},
        )
    return fitted
