"""Values that views and services read by hand from a request, checked against what the database
can hold, so bad input is ignored or refused with a message, never turned into a query that
PostgreSQL rejects (bigint out of range, numeric overflow)."""

from django.core.paginator import Paginator

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
