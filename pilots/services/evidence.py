"""Evidence files of updates and spending: photos and PDFs, checked by their content (ccrs.uploads)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ccrs import uploads

from ..models import EvidenceKind

MAX_EVIDENCE_BYTES = 10 * 1024 * 1024
# The kind of evidence of each accepted file type (by the extension ccrs.uploads reads from the content).
EVIDENCE_KINDS = {
    "jpg": EvidenceKind.PHOTO,
    "png": EvidenceKind.PHOTO,
    "webp": EvidenceKind.PHOTO,
    "heic": EvidenceKind.PHOTO,
    "pdf": EvidenceKind.DOCUMENT,
}
TOO_LARGE = _("%(name)s is larger than 10 MB. Send a smaller photo or file.")
NOT_ACCEPTED = _("%(name)s is not a photo (JPEG, PNG, WebP, HEIC) or a PDF.")


def evidence_check(files) -> list:
    """[(upload, content type, kind)] of acceptable files; refuses a file too large or of another type."""
    checked = []
    for upload in files or []:
        try:
            found = uploads.check(
                upload,
                accept=EVIDENCE_KINDS,
                max_bytes=MAX_EVIDENCE_BYTES,
                too_large=TOO_LARGE,
                not_accepted=NOT_ACCEPTED,
            )
        except ValidationError as error:
            raise ValidationError({"evidence": error}) from None
        checked.append((upload, found.mime, EVIDENCE_KINDS[found.extension]))
    return checked
