"""Uploaded files: what a file is, read from its first bytes (the `filetype` library), never from its name,
and the random name it is stored under. Every app's upload check and every upload's `upload_to` are here."""

import uuid

import filetype
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

HEAD_BYTES = 8192

# What a person is told each accepted kind is called, by the extension `filetype` gives it.
LABELS = {
    "pdf": "PDF",
    "png": "PNG",
    "jpg": "JPEG",
    "webp": "WebP",
    "heic": "HEIC",
    "docx": "DOCX",
    "xlsx": "XLSX",
    "pptx": "PPTX",
}

TOO_LARGE = _("“%(name)s” is %(size)s MB; files can be at most %(limit)s MB.")
NOT_ACCEPTED = _("“%(name)s” is not a type we accept. Attach one of: %(types)s.")


def _head(content) -> bytes:
    if isinstance(content, bytes | bytearray | memoryview):
        return bytes(content[:HEAD_BYTES])
    content.seek(0)
    head = content.read(HEAD_BYTES)
    content.seek(0)
    return head


def _size(upload) -> int:
    size = getattr(upload, "size", None)
    if size is None:
        upload.seek(0, 2)
        size = upload.tell()
        upload.seek(0)
    return size


def sniff(content, *, accept) -> filetype.Type | None:
    """The kind of `content` (an upload, an open file or bytes) if it is one of `accept` (extensions), else None.

    The kind has `.extension` ("pdf", "jpg" …) and `.mime` ("application/pdf" …).
    """
    kind = filetype.guess(_head(content) or None)
    return kind if kind is not None and kind.extension in accept else None


def label(accept) -> str:
    """The accepted kinds as a person reads them: "PDF, PNG, JPEG"."""
    return ", ".join(LABELS.get(extension, extension.upper()) for extension in accept)


def megabytes(size: int, places: int = 1) -> str:
    return f"{size / 1048576:.{places}f}"


def check(
    upload,
    *,
    accept,
    max_bytes: int,
    name: str | None = None,
    too_large=TOO_LARGE,
    not_accepted=NOT_ACCEPTED,
    params: dict | None = None,
) -> filetype.Type:
    """The kind of an upload that is at most `max_bytes` and one of `accept`; else a ValidationError.

    The messages may name `%(name)s` (`name`, else the file's own name), `%(size)s` and `%(limit)s`
    (in MB), `%(types)s` (the accepted kinds) and any of `params`; their codes are "too_large" and
    "not_accepted".
    """
    size = _size(upload)
    params = {
        "name": name if name is not None else getattr(upload, "name", ""),
        "size": megabytes(size),
        "limit": megabytes(max_bytes, 0),
        "types": label(accept),
        **(params or {}),
    }
    if size > max_bytes:
        raise ValidationError(too_large, code="too_large", params=params)
    kind = sniff(upload, accept=accept)
    if kind is None:
        raise ValidationError(not_accepted, code="not_accepted", params=params)
    return kind


@deconstructible
class RandomName:
    """An `upload_to`: `<folder>/<uuid4 hex>.<extension of what the file is>`, so the stored name is never guessed
    and never carries the name the file was sent with (a model keeps that in a field of its own, for display).

    `folder` may hold `{model}`, the model's name. A file whose kind is not known is stored without an extension.
    """

    def __init__(self, folder: str):
        self.folder = folder.rstrip("/")

    def __call__(self, instance, filename: str) -> str:
        folder = self.folder.format(model=instance._meta.model_name)
        return f"{folder}/{uuid.uuid4().hex}{_extension(instance, filename)}"

    def __eq__(self, other):
        return isinstance(other, RandomName) and other.folder == self.folder

    def __hash__(self):
        return hash(self.folder)


def _extension(instance, filename: str) -> str:
    """The extension of the file being saved under `filename` on `instance`, sniffed from its content."""
    for field in instance._meta.concrete_fields:
        if not isinstance(field, models.FileField):
            continue
        pending = getattr(instance, field.attname)
        if pending and not pending._committed and pending.name == filename:
            kind = filetype.guess(_head(pending.file) or None)
            return f".{kind.extension}" if kind else ""
    return ""
