"""A case study's review and publication: submitted, approved or returned, published as a version (with its
PDFs), revised, unpublished."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Max
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ccrs import formatting, generations, reporting

from ...models import (
    CaseStudy,
    CaseStudyPhoto,
    CaseStudyStatus,
    CaseStudyVersion,
    QuoteConsent,
    SectionKey,
)
from ...models.library import LANGUAGE_CODES, LICENCE_URLS
from ...selectors import case_studies as selectors
from ._common import _classify, _locked, _refreshes, _refuse
from .media import attribution


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
    transaction.on_commit(lambda: generations.bump(generations.CASE_STUDIES))
    from ...tasks import case_study_pdfs_build

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
    transaction.on_commit(lambda: generations.bump(generations.CASE_STUDIES))
    return study
