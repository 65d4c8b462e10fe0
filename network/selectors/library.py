"""Reads of the resource library: the search (ranked, with highlighted snippets), one resource, the resources
another part of the network links to, and the library's share of the activity feed.

Everything in the library is for the network's members (network/rules.py); a person outside it gets nothing.
"""

import unicodedata
from dataclasses import dataclass
from datetime import datetime

import rules
from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.translation import get_language

from cities.models import City

from .. import textsearch
from ..activity import ActivityItem
from ..models import Resource, Tag
from ..models.library import LANGUAGE_CODES
from ..services.library import HIGHLIGHT_START, HIGHLIGHT_STOP

PAGE_SIZE = 20
INDEX_FIELDS = ("search_title", "search_text", "search_vector")
SNIPPET_WORDS = 30
# ts_rank's weights of the labels D, C, B, A (network.services.library.search_vector): the query as typed
# counts only the words as written (A, B); the query without diacritics counts every word.
EXACT_WEIGHTS = [0.0, 0.0, 0.4, 1.0]
UNACCENTED_WEIGHTS = [0.1, 0.2, 0.4, 1.0]
# How much more a match of the words as typed weighs than one without diacritics.
EXACT_BOOST = 4


def _in_network(user) -> bool:
    return rules.has_perm("network.view_resource", user)  # the rule alone: Django's backend would query


def _language(language: str | None = None) -> str:
    return (language or get_language() or "en")[:2]


def _uses_postgres() -> bool:
    return connection.vendor == "postgresql"


def has_diacritics(text: str) -> bool:
    """Whether `unaccent` would change the words (Latin letters with marks, and Vietnamese đ): only then do the
    words as typed and the words without diacritics rank differently."""
    return "đ" in text.lower() or any("\u0300" <= char <= "\u036f" for char in unicodedata.normalize("NFD", text))


def _filtered(rows: QuerySet, filters: dict | None) -> QuerySet:
    """`filters`: kind, language, city (an id) and tags (ids: a resource must carry every one)."""
    filters = filters or {}
    if filters.get("kind"):
        rows = rows.filter(kind=filters["kind"])
    if filters.get("language"):
        rows = rows.filter(language=filters["language"])
    if filters.get("city"):
        rows = rows.filter(city_id=filters["city"])
    through = Resource.tags.through
    for tag in filters.get("tags") or ():
        rows = rows.filter(Exists(through.objects.filter(resource_id=OuterRef("pk"), tag_id=getattr(tag, "pk", tag))))
    return rows


def resource_search(*, user, query: str = "", filters: dict | None = None) -> QuerySet:
    """The resources matching `query` and `filters`, best match first (newest first without a query).

    On PostgreSQL a resource matches when its words match the query without diacritics ("phan loai" finds
    "phân loại"), and ranks higher when they match as typed; each row has `headline`, its summaries'
    matching passage with the matches between HIGHLIGHT_START and HIGHLIGHT_STOP (see `snippet`). Query
    syntax never fails: the words go to `websearch_to_tsquery`. The SQLite demo matches each word with
    `icontains`.
    """
    if not _in_network(user):
        return Resource.objects.none()
    # The indexed texts and the vector stay in the database: the page shows titles, summaries and the headline.
    rows = _filtered(Resource.objects.select_related("city").defer(*INDEX_FIELDS), filters)
    text = textsearch.query_text(query)
    if not text:
        return rows.order_by("-published_on", "-pk")
    if not _uses_postgres():
        for word in text.split():
            rows = rows.filter(Q(search_title__icontains=word) | Q(search_text__icontains=word))
        return rows.order_by("-published_on", "-pk")
    exact = SearchQuery(text, config=textsearch.EXACT_CONFIG, search_type="websearch")
    unaccented = SearchQuery(text, config=textsearch.UNACCENT_CONFIG, search_type="websearch")
    rank = SearchRank(F("search_vector"), unaccented, weights=UNACCENTED_WEIGHTS)
    if has_diacritics(text):
        rank = SearchRank(F("search_vector"), exact, weights=EXACT_WEIGHTS) * EXACT_BOOST + rank
    return (
        rows.filter(search_vector=unaccented)
        .annotate(
            rank=rank,
            headline=SearchHeadline(
                "search_text",
                unaccented,
                config=textsearch.UNACCENT_CONFIG,
                start_sel=HIGHLIGHT_START,
                stop_sel=HIGHLIGHT_STOP,
                max_words=SNIPPET_WORDS,
                min_words=12,
                max_fragments=2,
                fragment_delimiter=" … ",
            ),
        )
        .order_by("-rank", "-published_on", "-pk")
    )


def snippet(resource: Resource, language: str | None = None) -> SafeString:
    """The passage shown under a result: the search's headline escaped, then its matches marked with <mark>;
    without a match in the summaries, the start of the summary in the reader's language."""
    headline = getattr(resource, "headline", None) or ""
    if HIGHLIGHT_START in headline:
        text = escape(textsearch.display_text(headline))
        return mark_safe(text.replace(HIGHLIGHT_START, "<mark>").replace(HIGHLIGHT_STOP, "</mark>"))  # noqa: S308
    return escape(Truncator(resource.summary_in(_language(language))).words(SNIPPET_WORDS))


@dataclass(frozen=True)
class ResultRow:
    resource: Resource
    title: str
    snippet: SafeString
    tags: list


def library_page(*, user, query: str = "", filters: dict | None = None, page: int | str = 1) -> dict:
    """One page of the library's search for the list page: the Page, and a row per resource with its title in
    the reader's language, its snippet and tags (one query for the count, one for the page, one for tags)."""
    rows = resource_search(user=user, query=query, filters=filters).prefetch_related("tags")
    paginated: Page = Paginator(rows, PAGE_SIZE).get_page(page)
    language = _language()
    return {
        "page": paginated,
        "rows": [
            ResultRow(
                resource=resource,
                title=resource.title_in(language),
                snippet=snippet(resource, language),
                tags=[tag.label(language) for tag in resource.tags.all()],
            )
            for resource in paginated
        ],
    }


def filter_choices() -> dict:
    """What the library's filters offer: the tags of each kind and the cities (two queries)."""
    tags = {}
    for tag in Tag.objects.order_by("kind", "name"):
        tags.setdefault(tag.kind, []).append(tag)
    return {"tags": tags, "cities": list(City.objects.order_by("name").only("pk", "name"))}


def resource_get(*, user, pk) -> Resource | None:
    """One resource for a member of the network, with its author, city and tags; None for anybody else."""
    if not _in_network(user):
        return None
    return (
        Resource.objects.select_related("author", "city").prefetch_related("tags").filter(pk=pk).first()
        if str(pk).isdigit()
        else None
    )


def resources_for(*, user, ids) -> list[Resource]:
    """The resources of `ids` a person may see, in the order of `ids` (missing ones left out): for an event,
    a discussion, a mentoring session or a case study that links to library resources (one query; render
    them with templates/network/library/partials/resource_links.html)."""
    ids = [int(pk) for pk in ids or () if str(pk).isdigit()]
    if not ids or not _in_network(user):
        return []
    found = {resource.pk: resource for resource in Resource.objects.filter(pk__in=ids)}
    return [found[pk] for pk in dict.fromkeys(ids) if pk in found]


def _resource_item(resource: Resource, language: str) -> ActivityItem:
    return ActivityItem(
        kind="resource",
        key=f"resource:{resource.pk}",
        title=resource.title_in(language),
        url=resource.get_absolute_url(),
        at=resource.created_at,
        summary=Truncator(resource.summary_in(language)).words(SNIPPET_WORDS),
    )


def _added_since(since: datetime, limit: int) -> list[Resource]:
    return list(Resource.objects.filter(created_at__gte=since).order_by("-created_at", "-pk")[:limit])


def activity(*, user, since: datetime, limit: int = 50) -> list[ActivityItem]:
    """The resources added to the library since `since`, newest first, for the feed and the digests."""
    if not _in_network(user):
        return []
    language = _language(getattr(user, "language", "") or None)
    return [_resource_item(resource, language) for resource in _added_since(since, limit)]


def activity_many(*, users, since: datetime, limit: int = 50) -> dict[int, list[ActivityItem]]:
    """`activity()` for many people at once (the digests): one query, the items written in each person's
    language."""
    readers = [user for user in users if _in_network(user)]
    rows = _added_since(since, limit) if readers else []
    by_language: dict[str, list[ActivityItem]] = {}
    result = {user.pk: [] for user in users}
    for user in readers:
        language = _language(getattr(user, "language", "") or None)
        if language not in by_language:
            by_language[language] = [_resource_item(resource, language) for resource in rows]
        result[user.pk] = by_language[language]
    return result


def library_figures() -> dict:
    """The library's figures for the program's dashboards and stage facts: resources in all, by language, and
    how many are files (one query)."""
    languages = {code: Count("pk", filter=Q(language=code)) for code in LANGUAGE_CODES}
    row = Resource.objects.aggregate(total=Count("pk"), files=Count("pk", filter=~Q(file="")), **languages)
    return {
        "resources": row["total"],
        "files": row["files"],
        "links": row["total"] - row["files"],
        "by_language": {code: row[code] for code in LANGUAGE_CODES},
    }
