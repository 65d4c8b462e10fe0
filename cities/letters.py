"""Uploaded PDFs (letters of commitment, onboarding evidence): checked by content, never by name."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from pypdf import PdfReader
from pypdf.errors import PdfReadError

MAX_PDF_BYTES = 10 * 1024 * 1024
PDF_MAGIC = b"%PDF-"


def validate_pdf(upload) -> None:
    """Refuse a file larger than MAX_PDF_BYTES, without the PDF signature, or that pypdf cannot read."""
    size = getattr(upload, "size", None)
    if size is None:
        upload.seek(0, 2)
        size = upload.tell()
    if size > MAX_PDF_BYTES:
        raise ValidationError(
            _("The file is %(size)s MB; the limit is %(max)s MB. Save a smaller PDF (a lower scan resolution helps).")
            % {"size": f"{size / 1024 / 1024:.1f}", "max": MAX_PDF_BYTES // (1024 * 1024)}
        )
    upload.seek(0)
    head = upload.read(1024)
    upload.seek(0)
    if PDF_MAGIC not in head:
        raise ValidationError(_("The file is not a PDF. Scan or export the signed letter as a PDF and attach that."))
    try:
        reader = PdfReader(upload)
        if len(reader.pages) < 1:
            raise ValidationError(_("The PDF has no pages. Attach the signed letter."))
    except (PdfReadError, ValueError, KeyError, TypeError, OSError):
        raise ValidationError(
            _("The PDF cannot be read; it may be damaged. Export it again and attach the new file.")
        ) from None
    finally:
        upload.seek(0)
