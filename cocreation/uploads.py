"""What a submitted file really is, judged by its first bytes rather than by its name."""

import zipfile

from django.conf import settings

MAX_UPLOAD_BYTES = settings.COCREATION_MAX_UPLOAD_BYTES

# (content type, leading bytes)
SIGNATURES = [
    ("application/pdf", b"%PDF-"),
    ("image/png", b"\x89PNG\r\n\x1a\n"),
    ("image/jpeg", b"\xff\xd8\xff"),
]
OFFICE_TYPES = {
    "word/": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xl/": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ppt/": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}
ACCEPTED_LABEL = "PDF, PNG, JPEG, DOCX, XLSX, PPTX"


def sniff(uploaded) -> str | None:
    """The content type of an uploaded file from its content, or None when it is not accepted."""
    uploaded.seek(0)
    head = uploaded.read(16)
    uploaded.seek(0)
    for content_type, magic in SIGNATURES:
        if head.startswith(magic):
            return content_type
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(uploaded) as archive:
                names = archive.namelist()
        except zipfile.BadZipFile:
            return None
        finally:
            uploaded.seek(0)
        for prefix, content_type in OFFICE_TYPES.items():
            if any(name.startswith(prefix) for name in names):
                return content_type
    return None
