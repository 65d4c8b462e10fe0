"""Writes of case studies: the draft filled from the platform's data, the sections, quotes and photos, and the
review and publication steps (draft → in review → approved → published; returned to draft with comments;
published → unpublished). Each step is one service that refuses an illegal move with a message saying why."""

import io
from functools import wraps
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Max
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from simple_history.utils import bulk_create_with_history

from ccrs import formatting, reporting, uploads

from ..models import (
    CaseStudy,
    CaseStudyKind,
    CaseStudyPhoto,
    CaseStudyQuote,
    CaseStudySection,
    CaseStudyStatus,
    CaseStudyVersion,
    QuoteConsent,
    SectionKey,
    SpeakerKind,
)
from ..models.library import LANGUAGE_CODES, LICENCE_URLS
from ..selectors import case_studies as selectors

PHOTO_TYPES = ("jpg", "png", "webp")
PHOTO_MAX_BYTES = 8 * 1024 * 1024

# A quote without its speaker's name: who said it, in their city.
ANONYMOUS = {
    SpeakerKind.SME: gettext_lazy("an SME owner in %(city)s"),
    SpeakerKind.SME_ASSOCIATION: gettext_lazy("a member of an SME association in %(city)s"),
    SpeakerKind.CITY_DEPARTMENT: gettext_lazy("a city official in %(city)s"),
    SpeakerKind.NGO: gettext_lazy("an NGO worker in %(city)s"),
    SpeakerKind.ACADEMIA: gettext_lazy("a researcher in %(city)s"),
    SpeakerKind.FINANCE: gettext_lazy("a finance professional in %(city)s"),
    SpeakerKind.OTHER: gettext_lazy("a participant in %(city)s"),
}


def _refuse(study: CaseStudy, allowed: set, message) -> None:
    """A ValidationError with `message` (naming the study's `%(status)s`) unless the study is in an allowed state."""
    if study.status not in allowed:
        raise ValidationError(message % {"status": str(CaseStudyStatus(study.status).label).lower()})


def _refreshes(service):
    """The caller's study object shows the step's outcome (the service works on a locked copy of the row)."""

    @wraps(service)
    def wrapped(*, study: CaseStudy, **kwargs):
        result = service(study=study, **kwargs)
        study.refresh_from_db()
        return result

    return wrapped


def _locked(study: CaseStudy) -> CaseStudy:
    """The study's row, locked for this transaction (two steps at once wait for each other)."""
    return CaseStudy.objects.select_for_update().select_related("city").get(pk=study.pk)


# --- The draft -------------------------------------------------------------------------------------------


@transaction.atomic
def case_study_draft_create(
    *, city, user, kind: str = CaseStudyKind.FINAL, slug: str = "", titles: dict | None = None
) -> CaseStudy:
    """A new study of the city, its sections in the city's language and English filled from every app's figures."""
    kind = kind if kind in CaseStudyKind.values else CaseStudyKind.FINAL
    slug = slugify(slug) or slugify(f"{city.slug}-{kind}")
    if CaseStudy.objects.filter(city=city, slug=slug).exists():
        raise ValidationError(_("This city already has a case study at the address “%(slug)s”.") % {"slug": slug})
    study = CaseStudy(city=city, slug=slug, kind=kind, titles={})
    languages = study.required_languages
    titles = dict(titles or {})
    for language in languages:
        with translation.override(language):
            kind_label = str(CaseStudyKind(kind).label)
            titles.setdefault(
                language,
                _("%(city)s: %(kind)s case study") % {"city": city.local_name or city.name, "kind": kind_label},
            )
    study.titles = {code: text for code, text in titles.items() if code in LANGUAGE_CODES}
    figures = selectors.figures_by_section(selectors.figure_parts(city=city, language=languages[0]))
    _classify(study, figures)
    study.save()
    for language in languages:
        drafts = selectors.figures_by_section(selectors.figure_parts(city=city, language=language))
        bulk_create_with_history(
            [
                CaseStudySection(study=study, key=key, language=language, body="\n\n".join(drafts[key]["drafts"]))
                for key in SectionKey.values
            ],
            CaseStudySection,
        )
    return study


def _classify(study: CaseStudy, figures: dict) -> None:
    """The sector and principles the public listing filters by, from the sector assessment's figures."""
    values = figures["assessment"]["values"]
    study.sector_isic = values.get("selected_isic") or ""
    study.sector_name = values.get("selected_sector") or ""
    study.principles = values.get("principles") or []


def _editable(study: CaseStudy) -> None:
    if study.status not in {CaseStudyStatus.DRAFT}:
        raise ValidationError(
            _("Only a draft can be changed; this case study is %(status)s.")
            % {"status": str(CaseStudyStatus(study.status).label).lower()}
        )


@transaction.atomic
def case_study_section_save(*, study: CaseStudy, key: str, language: str, body: str) -> CaseStudySection:
    _editable(study)
    if key not in SectionKey.values or language not in LANGUAGE_CODES:
        raise ValidationError(_("There is no such section or language."))
    section, _created = CaseStudySection.objects.get_or_create(study=study, key=key, language=language)
    section.body = body.strip()
    section.save(update_fields=["body", "updated_at"])
    return section


@transaction.atomic
def case_study_details_save(
    *, study: CaseStudy, language: str, title: str, summary: str = "", licence: str | None = None
) -> CaseStudy:
    _editable(study)
    if language not in LANGUAGE_CODES:
        raise ValidationError(_("There is no such section or language."))
    study.titles = {**study.titles, language: title.strip()}
    study.summaries = {**study.summaries, language: summary.strip()}
    fields = ["titles", "summaries", "updated_at"]
    if licence:
        study.licence = licence
        fields.append("licence")
    study.save(update_fields=fields)
    return study


# --- Quotes and photos ----------------------------------------------------------------------------------


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


# --- Review and publication -----------------------------------------------------------------------------


@_refreshes
@transaction.atomic
def case_study_submit(*, study: CaseStudy, user) -> CaseStudy:
    """The city lead sends the draft to program staff, once it has every section in the city's language and English."""
    study = _locked(study)
    _refuse(study, {CaseStudyStatus.DRAFT}, _("Only a draft can be submitted; this case study is %(status)s."))
    missing = selectors.missing_for_submission(study=study)
    if missing:
        labels = dict(SectionKey.choices)
        names = [
            f"{formatting.language_name(language)}: {labels[what] if what in labels else _('title')}"
            for language, what in missing
        ]
        raise ValidationError(
            _("Write these before submitting: %(missing)s.") % {"missing": "; ".join(str(n) for n in names)}
        )
    study.status = CaseStudyStatus.IN_REVIEW
    study.submitted_at = timezone.now()
    study.submitted_by = user
    study.save(update_fields=["status", "submitted_at", "submitted_by", "updated_at"])
    return study


@_refreshes
@transaction.atomic
def case_study_approve(*, study: CaseStudy, user) -> CaseStudy:
    study = _locked(study)
    _refuse(
        study, {CaseStudyStatus.IN_REVIEW}, _("Only a case study in review can be approved; this one is %(status)s.")
    )
    study.status = CaseStudyStatus.APPROVED
    study.decided_at = timezone.now()
    study.decided_by = user
    study.review_comment = ""
    study.save(update_fields=["status", "decided_at", "decided_by", "review_comment", "updated_at"])
    return study


@_refreshes
@transaction.atomic
def case_study_return(*, study: CaseStudy, user, comment: str) -> CaseStudy:
    """Staff send the study back to the city team with comments saying what to change."""
    study = _locked(study)
    _refuse(
        study,
        {CaseStudyStatus.IN_REVIEW, CaseStudyStatus.APPROVED},
        _("Only a case study in review or approved can be returned; this one is %(status)s."),
    )
    if not comment.strip():
        raise ValidationError(_("Say what the city team should change."))
    study.status = CaseStudyStatus.DRAFT
    study.review_comment = comment.strip()
    study.decided_at = timezone.now()
    study.decided_by = user
    study.save(update_fields=["status", "review_comment", "decided_at", "decided_by", "updated_at"])
    return study


def _unconsented(study: CaseStudy) -> list[str]:
    problems = [
        _("the quote “%(quote)s” has no recorded consent") % {"quote": q.text[:60]}
        for q in study.quotes.all()
        if q.consent == QuoteConsent.NONE
    ]
    problems += [
        _("the photo “%(caption)s” has no consent to publication") % {"caption": p.caption[:60]}
        for p in study.photos.all()
        if not p.consent
    ]
    return problems


def _content(study: CaseStudy, language: str, today) -> dict:
    """One language of a version: the text, quotes, photos and every app's figures as they are now."""
    texts = selectors.sections_of(study=study).get(language, {})
    with translation.override(language):
        quotes = [
            {"text": q.text, "language": q.language, "attribution": attribution(q, city_name=study.city.name)}
            for q in study.quotes.all()
        ]
    return {
        "title": study.title_in(language),
        "summary": study.summaries.get(language, "") or study.summaries.get("en", ""),
        "sections": {key: texts.get(key, "") for key in SectionKey.values},
        "parts": selectors.figure_parts(city=study.city, language=language),
        "quotes": quotes,
        "photos": [
            {"id": p.pk, "caption": p.caption, "credit": p.credit, "content_type": p.content_type}
            for p in study.photos.all()
        ],
        "figures_as_of": today.isoformat(),
    }


def version_languages(study: CaseStudy) -> list[str]:
    """The languages a version is published in: the required ones, and any other with a title and every section."""
    texts = selectors.sections_of(study=study)
    complete = [
        code
        for code in LANGUAGE_CODES
        if (study.titles.get(code) or "").strip()
        and all((texts.get(code, {}).get(key) or "").strip() for key in SectionKey.values)
    ]
    return list(dict.fromkeys([*study.required_languages, *complete]))


@_refreshes
@transaction.atomic
def case_study_publish(*, study: CaseStudy, user) -> CaseStudyVersion:
    """Freeze an approved study as its next version and show it to the public (twice at once makes one version)."""
    study = _locked(study)
    _refuse(
        study, {CaseStudyStatus.APPROVED}, _("Only an approved case study can be published; this one is %(status)s.")
    )
    problems = _unconsented(study)
    if problems:
        raise ValidationError(
            _("This case study cannot be published: %(problems)s.") % {"problems": "; ".join(problems)}
        )
    now = timezone.now()
    today = timezone.localdate(now)
    languages = version_languages(study)
    number = (study.versions.aggregate(top=Max("number"))["top"] or 0) + 1
    content = {language: _content(study, language, today) for language in languages}
    version = CaseStudyVersion.objects.create(
        study=study,
        number=number,
        published_at=now,
        published_by=user,
        figures_as_of=today,
        languages=languages,
        licence=study.licence,
        content=content,
    )
    _classify(study, selectors.figures_by_section(content[languages[0]]["parts"]))
    study.status = CaseStudyStatus.PUBLISHED
    study.public_version = version
    study.unpublished_at = None
    study.unpublish_note = ""
    study.save(
        update_fields=[
            "status", "public_version", "unpublished_at", "unpublish_note", "sector_isic", "sector_name",
            "principles", "updated_at",
        ]
    )  # fmt: skip
    transaction.on_commit(selectors.cache_bump)
    from ..tasks import case_study_pdfs_build

    case_study_pdfs_build.delay_on_commit(version.pk)
    return version


def case_study_pdf_name(*, version_id: int, language: str) -> str:
    return f"network/case-study-pdfs/{version_id}-{language}.pdf"


def case_study_pdf_build(*, version_id: int, language: str) -> str:
    """Draw a published version's PDF in one of its languages with the reports' WeasyPrint mechanism (their fonts),
    once: a version never changes, so a PDF already stored is kept. The stored file's name."""
    name = case_study_pdf_name(version_id=version_id, language=language)
    if default_storage.exists(name):
        return name
    version = CaseStudyVersion.objects.select_related("study__city").get(pk=version_id)
    study = version.study
    with translation.override(language):
        content = selectors.public_content(study=study, language=language, version=version)
        ids = [photo["id"] for photo in content["photos"]]
        stored = {photo.pk: photo for photo in CaseStudyPhoto.objects.filter(pk__in=ids)}
        for photo in content["photos"]:
            image = stored.get(photo["id"])
            photo["uri"] = Path(default_storage.path(image.image.name)).as_uri() if image else ""
        built = reporting.pdf(
            template="reports/case_study.html",
            context={"study": study, **content, "licence_url": LICENCE_URLS.get(version.licence, "")},
            filename=f"{study.city.slug}-{study.slug}-v{version.number}-{language}.pdf",
        )
    if default_storage.exists(name):  # built meanwhile by the other path (the worker or a first download)
        return name
    return default_storage.save(name, built.content)


def case_study_pdfs_build(*, version_id: int) -> int:
    """Every language's PDF of a published version (the worker's task after publication); how many were built."""
    version = CaseStudyVersion.objects.only("languages").get(pk=version_id)
    built = 0
    for language in version.languages:
        name = case_study_pdf_name(version_id=version_id, language=language)
        if not default_storage.exists(name):
            case_study_pdf_build(version_id=version_id, language=language)
            built += 1
    return built


@_refreshes
@transaction.atomic
def case_study_revise(*, study: CaseStudy) -> CaseStudy:
    """Start the next version: the study is a draft again while the public keeps seeing the version published."""
    study = _locked(study)
    _refuse(
        study,
        {CaseStudyStatus.PUBLISHED, CaseStudyStatus.UNPUBLISHED},
        _("Only a published or unpublished case study can be revised; this one is %(status)s."),
    )
    study.status = CaseStudyStatus.DRAFT
    study.save(update_fields=["status", "updated_at"])
    return study


@_refreshes
@transaction.atomic
def case_study_unpublish(*, study: CaseStudy, user, note: str) -> CaseStudy:
    """Take a published study off the public pages; its address then answers 410 with the note."""
    study = _locked(study)
    if study.public_version_id is None:
        raise ValidationError(_("This case study is not published."))
    if not note.strip():
        raise ValidationError(_("Say briefly why the case study is taken down; the page shows it."))
    study.status = CaseStudyStatus.UNPUBLISHED
    study.public_version = None
    study.unpublished_at = timezone.now()
    study.unpublish_note = note.strip()[:300]
    study.save(update_fields=["status", "public_version", "unpublished_at", "unpublish_note", "updated_at"])
    transaction.on_commit(selectors.cache_bump)
    return study
