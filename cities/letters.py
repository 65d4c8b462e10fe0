"""Uploaded PDFs (letters of commitment, onboarding evidence): checked by content, never by name."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from pypdf import PdfReader
from pypdf.errors import PdfReadError

from ccrs import uploads

MAX_PDF_BYTES = 10 * 1024 * 1024
TOO_LARGE = gettext_lazy(
    "The file is %(size)s MB; the limit is %(max)s MB. Save a smaller PDF (a lower scan resolution helps)."
)
NOT_A_PDF = gettext_lazy("The file is not a PDF. Scan or export the signed letter as a PDF and attach that.")


def validate_pdf(upload) -> None:
    """Refuse a file larger than MAX_PDF_BYTES, that is not a PDF by its content, or that pypdf cannot read."""
    uploads.check(
        upload,
        accept={"pdf"},
        max_bytes=MAX_PDF_BYTES,
        too_large=TOO_LARGE,
        not_accepted=NOT_A_PDF,
        params={"max": MAX_PDF_BYTES // (1024 * 1024)},
    )
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
