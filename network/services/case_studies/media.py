"""A case study's quotes (picked from what stakeholders said, with their consent) and photos (without metadata)."""

import io

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ccrs import uploads

from ...models import (
    CaseStudy,
    CaseStudyPhoto,
    CaseStudyQuote,
    QuoteConsent,
    SpeakerKind,
)
from ...models.library import LANGUAGE_CODES
from ...selectors import case_studies as selectors
from ._common import ANONYMOUS, PHOTO_MAX_BYTES, PHOTO_TYPES, _editable


@transaction.atomic
def quote_add(
    *,
    study: CaseStudy,
    user,
    text: str,
    language: str,
    speaker_kind: str = SpeakerKind.SME,
    speaker_name: str = "",
    speaker_organisation: str = "",
    consent: str = QuoteConsent.NONE,
) -> CaseStudyQuote:
    """A typed quote; `consent` is what the speaker agreed to, recorded now by `user`."""
    _editable(study)
    if not text.strip():
        raise ValidationError(_("Write the quote."))
    if consent == QuoteConsent.NAMED and not speaker_name.strip():
        raise ValidationError(_("A quote with the speaker's name needs the name."))
    return CaseStudyQuote.objects.create(
        study=study,
        text=text.strip(),
        language=language if language in LANGUAGE_CODES else study.city.main_language,
        speaker_kind=speaker_kind if speaker_kind in SpeakerKind.values else SpeakerKind.OTHER,
        speaker_name=speaker_name.strip(),
        speaker_organisation=speaker_organisation.strip(),
        consent=consent if consent in QuoteConsent.values else QuoteConsent.NONE,
        consent_recorded_at=None if consent == QuoteConsent.NONE else timezone.now(),
        consent_recorded_by=None if consent == QuoteConsent.NONE else user,
        position=study.quotes.count(),
    )


@transaction.atomic
def quote_pick(*, study: CaseStudy, user, key: str) -> CaseStudyQuote:
    """A quote picked from a workshop submission of the study's city. The stakeholder's recorded consent (to the
    data processing text, which allows use without names) lets it be quoted without the name; to be named, the
    team records that consent on the quote (`quote_consent_record`)."""
    _editable(study)
    source = selectors.quote_source(city=study.city, key=key)
    if source is None:
        raise ValidationError(_("This workshop input is not one of this city's."))
    consent = QuoteConsent.ANONYMOUS if source["consent_recorded"] else QuoteConsent.NONE
    return CaseStudyQuote.objects.create(
        study=study,
        text=source["text"],
        language=source["language"],
        speaker_kind=source["kind"] if source["kind"] in SpeakerKind.values else SpeakerKind.OTHER,
        speaker_name=source["name"],
        speaker_organisation=source["organisation"],
        source_submission_id=source["submission_id"],
        consent=consent,
        consent_recorded_at=timezone.now() if source["consent_recorded"] else None,
        consent_recorded_by=user if source["consent_recorded"] else None,
        position=study.quotes.count(),
    )


@transaction.atomic
def quote_consent_record(*, quote: CaseStudyQuote, user, consent: str) -> CaseStudyQuote:
    """Record what the speaker agreed to (e.g. a signed form allowing their name)."""
    _editable(quote.study)
    if consent not in QuoteConsent.values:
        raise ValidationError(_("Choose what the person agreed to."))
    if consent == QuoteConsent.NAMED and not quote.speaker_name:
        raise ValidationError(_("A quote with the speaker's name needs the name."))
    quote.consent = consent
    quote.consent_recorded_at = None if consent == QuoteConsent.NONE else timezone.now()
    quote.consent_recorded_by = None if consent == QuoteConsent.NONE else user
    quote.save(update_fields=["consent", "consent_recorded_at", "consent_recorded_by", "updated_at"])
    return quote


@transaction.atomic
def quote_remove(*, quote: CaseStudyQuote) -> None:
    _editable(quote.study)
    quote.delete()


def attribution(quote: CaseStudyQuote, *, city_name: str) -> str:
    """Who the page says spoke: the name only when the speaker agreed to be named, else who they are, in their city."""
    if quote.consent == QuoteConsent.NAMED and quote.speaker_name:
        return ", ".join(filter(None, [quote.speaker_name, quote.speaker_organisation]))
    return str(ANONYMOUS[SpeakerKind(quote.speaker_kind)] % {"city": city_name})


def _without_metadata(upload, kind) -> bytes:
    """The image drawn again without its EXIF data (location, camera), upright as the camera meant it."""
    from PIL import Image, ImageOps

    upload.seek(0)
    with Image.open(upload) as image:
        clean = ImageOps.exif_transpose(image)
        clean.info = {}
        fmt = {"jpg": "JPEG", "png": "PNG", "webp": "WEBP"}[kind.extension]
        if fmt == "JPEG" and clean.mode not in ("RGB", "L"):
            clean = clean.convert("RGB")
        out = io.BytesIO()
        clean.save(out, format=fmt, **({"quality": 88} if fmt != "PNG" else {}))
    return out.getvalue()


@transaction.atomic
def photo_add(*, study: CaseStudy, upload, caption: str, credit: str, consent: bool) -> CaseStudyPhoto:
    """A photo checked by content and size, stored without EXIF data, with its caption, credit and consent."""
    _editable(study)
    kind = uploads.check(upload, accept=PHOTO_TYPES, max_bytes=PHOTO_MAX_BYTES)
    if not caption.strip() or not credit.strip():
        raise ValidationError(_("Give the photo a caption and a credit."))
    data = _without_metadata(upload, kind)
    photo = CaseStudyPhoto(
        study=study,
        content_type=kind.mime,
        caption=caption.strip(),
        credit=credit.strip(),
        consent=bool(consent),
        position=study.photos.count(),
    )
    photo.image = ContentFile(data, name=f"photo.{kind.extension}")
    photo.save()
    return photo


@transaction.atomic
def photo_remove(*, photo: CaseStudyPhoto) -> None:
    _editable(photo.study)
    photo.image.delete(save=False)
    photo.delete()
