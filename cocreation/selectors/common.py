"""Helpers shared by the co-creation reads: the page size and counts by correlated subquery."""

from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce

PAGE_SIZE = 50


def count_of(queryset: QuerySet, field: str):
    """The number of `queryset`'s rows whose `field` points at the outer row, as a correlated subquery.

    Two Count()s over two reverse relations join them into one product (invitations × submissions
    of a workshop); one subquery per count keeps each count on its own table.
    """
    counted = queryset.filter(**{field: OuterRef("pk")}).order_by().values(field).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)
