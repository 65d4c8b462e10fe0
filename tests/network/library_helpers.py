"""Resources for the library's tests, made through the services as the pages make them."""

from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile

from network.services import library as services
from tests.files import pdf_bytes


def pdf_upload(name="guide.pdf"):
    return SimpleUploadedFile(name, pdf_bytes(), content_type="application/pdf")


def make_resource(author=None, *, titles=None, summaries=None, kind="guide", language="en", **fields):
    """A link resource unless a file is given."""
    if "file" not in fields:
        fields.setdefault("link", "https://example.org/guide")
    return services.resource_create(
        author=author,
        kind=kind,
        language=language,
        titles=titles or {"en": "A guide"},
        summaries=summaries or {},
        published_on=fields.pop("published_on", date(2024, 3, 1)),
        **fields,
    )
