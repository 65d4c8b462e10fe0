"""Writes of the resource library: adding, changing and deleting a resource, its file checked by content, and
the search index kept current on every write (`resource_index`)."""

from datetime import date

from django.conf import settings
from django.contrib.postgres.search import SearchVector
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import connection, transaction
from django.utils.translation import gettext_lazy as _

from ccrs import uploads

from .. import textsearch
from ..models import Resource
from ..models.library import LANGUAGE_CODES

# What a library file may be, read from its content: documents, slides and sheets, pictures, recordings.
ACCEPTED_FILES = ("pdf", "docx", "xlsx", "pptx", "odt", "ods", "odp", "png", "jpg", "webp", "mp3", "m4a", "mp4", "webm")
TITLE_MAX = 300
SUMMARY_MAX = 4000
# Two characters no title or summary keeps: the search's highlighting marks its matches with them.
HIGHLIGHT_START, HIGHLIGHT_STOP = "\ue000", "\ue001"

NO_TITLE = _("Give the resource a title in at least one language.")
FILE_OR_LINK = _("Attach a file or give a link, not both.")
TOO_LARGE = _("“%(name)s” is %(size)s MB; a library file can be at most %(limit)s MB.")
NOT_ACCEPTED = _("“%(name)s” is not a type the library accepts. Attach one of: %(types)s.")

EDITABLE = ("kind", "language", "titles", "summaries", "link", "credit", "published_on", "licence", "city")


def _clean_texts(texts: dict | None, *, limit: int) -> dict:
    """The texts of the five languages, trimmed; empty ones and unknown languages left out."""
    cleaned = {}
    for code, text in (texts or {}).items():
        text = str(text or "").replace(HIGHLIGHT_START, "").replace(HIGHLIGHT_STOP, "").replace("\x00", "").strip()
        if code in LANGUAGE_CODES and text:
            cleaned[code] = text[:limit]
    return cleaned


def search_vector():
    """The one expression of a resource's search vector, over its indexed titles and summaries: every word as
    written (weights A for titles, B for summaries) and without its diacritics (C and D), so a search without
    diacritics finds a Vietnamese text and an exact one ranks it higher (network/selectors/library.py)."""
    exact, unaccented = textsearch.EXACT_CONFIG, textsearch.UNACCENT_CONFIG
    return (
        SearchVector("search_title", config=exact, weight="A")
        + SearchVector("search_text", config=exact, weight="B")
        + SearchVector("search_title", config=unaccented, weight="C")
        + SearchVector("search_text", config=unaccented, weight="D")
    )


def index_texts(*, titles: dict, summaries: dict) -> tuple[str, str]:
    """The indexed titles and summaries of all languages, Thai cut into words (network/textsearch.py)."""
    title = "\n".join(textsearch.document_text(titles[code]) for code in LANGUAGE_CODES if titles.get(code))
    text = "\n".join(textsearch.document_text(summaries[code]) for code in LANGUAGE_CODES if summaries.get(code))
    return title, text


def resource_index(*, resource: Resource) -> None:
    """Write the resource's indexed texts and its search vector; every write of a resource ends here."""
    resource.search_title, resource.search_text = index_texts(titles=resource.titles, summaries=resource.summaries)
    rows = Resource.objects.filter(pk=resource.pk)
    rows.update(search_title=resource.search_title, search_text=resource.search_text)
    resources_reindex(rows)


def resources_reindex(rows) -> int:
    """Recompute the search vector of `rows` (a queryset) from their stored indexed texts, in one UPDATE."""
    if connection.vendor != "postgresql":
        return 0
    return rows.update(search_vector=search_vector())


def file_check(upload) -> uploads.filetype.Type:
    """The kind of an uploaded library file, read from its content; refuses one too large or of another type."""
    try:
        return uploads.check(
            upload,
            accept=ACCEPTED_FILES,
            max_bytes=settings.NETWORK_LIBRARY_MAX_UPLOAD_BYTES,
            too_large=TOO_LARGE,
            not_accepted=NOT_ACCEPTED,
        )
    except ValidationError as error:
        raise ValidationError({"file": error}) from None


def _validate(resource: Resource) -> None:
    errors = {}
    if not resource.titles:
        errors["titles"] = [NO_TITLE]
    if bool(resource.file) == bool(resource.link):
        errors["link"] = [FILE_OR_LINK]
    try:
        resource.full_clean(exclude=["titles", "summaries", "file", "tags", "author"])
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            errors.setdefault(field, []).extend(messages)
    if errors:
        raise ValidationError(errors)


def _attach(resource: Resource, upload) -> None:
    kind = file_check(upload)
    resource.file = upload
    resource.file_name = (getattr(upload, "name", "") or "")[-200:]
    resource.file_type = kind.mime
    resource.file_size = upload.size


def _delete_file_on_commit(name: str) -> None:
    if name:
        transaction.on_commit(lambda: default_storage.delete(name))


@transaction.atomic
def resource_create(
    *,
    author,
    kind: str,
    language: str,
    titles: dict,
    summaries: dict | None = None,
    published_on: date,
    file=None,
    link: str = "",
    credit: str = "",
    licence: str = Resource._meta.get_field("licence").default,
    city=None,
    tags=(),
) -> Resource:
    """Add a resource to the library: a file (checked by content and size) or a link, with its search index."""
    resource = Resource(
        author=author,
        kind=kind,
        language=language,
        titles=_clean_texts(titles, limit=TITLE_MAX),
        summaries=_clean_texts(summaries, limit=SUMMARY_MAX),
        published_on=published_on,
        link=(link or "").strip(),
        credit=(credit or "").strip(),
        licence=licence,
        city=city,
    )
    if file:
        _attach(resource, file)
    _validate(resource)
    resource.save()
    resource.tags.set(tags)
    resource_index(resource=resource)
    return resource


@transaction.atomic
def resource_update(*, resource: Resource, file=None, remove_file: bool = False, tags=None, **fields) -> Resource:
    """Change a resource's description, its file (a new one checked as on upload) or link, and its tags; the
    search index follows. A replaced file is deleted from storage once the change is committed."""
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise TypeError(f"resource_update() cannot change {sorted(unknown)}")
    old_file = resource.file.name if resource.file else ""
    if "titles" in fields:
        fields["titles"] = _clean_texts(fields["titles"], limit=TITLE_MAX)
    if "summaries" in fields:
        fields["summaries"] = _clean_texts(fields["summaries"], limit=SUMMARY_MAX)
    for key in ("link", "credit"):
        if key in fields:
            fields[key] = (fields[key] or "").strip()
    for key, value in fields.items():
        setattr(resource, key, value)
    if file:
        if "link" not in fields:
            resource.link = ""
        _attach(resource, file)
    elif remove_file or fields.get("link"):
        resource.file, resource.file_name, resource.file_type, resource.file_size = "", "", "", None
    _validate(resource)
    resource.save()
    if tags is not None:
        resource.tags.set(tags)
    resource_index(resource=resource)
    if old_file and old_file != resource.file.name:
        _delete_file_on_commit(old_file)
    return resource


@transaction.atomic
def resource_delete(*, resource: Resource) -> None:
    """Delete a resource and, once that is committed, its stored file."""
    name = resource.file.name if resource.file else ""
    resource.delete()
    _delete_file_on_commit(name)
