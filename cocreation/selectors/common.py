"""Helpers shared by the co-creation reads: the page size, one row of a city the user may see, and counts by
correlated subquery."""

from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce

from cities.selectors import cities_visible_to

PAGE_SIZE = 50


def visible_get(model, city: str, *, user, pk: int, related=()):
    """The `model` row `pk` when its city (reached through `city`, e.g. "process__city") is one the user may
    see, with that city and the `related` rows loaded; None otherwise."""
    rows = model.objects.filter(**{f"{city}__in": cities_visible_to(user=user)}, pk=pk)
    return rows.select_related(city, *related).first()


def count_of(queryset: QuerySet, field: str):
    """The number of `queryset`'s rows whose `field` points at the outer row, as a correlated subquery.

    Two Count()s over two reverse relations join them into one product (invitations × submissions
    of a workshop); one subquery per count keeps each count on its own table.
    """
    counted = queryset.filter(**{field: OuterRef("pk")}).order_by().values(field).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)
