"""The draft of a case study: made from the platform's data, its sections and its details."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from ...models import (
    CaseStudy,
    CaseStudyKind,
    CaseStudySection,
    SectionKey,
)
from ...models.library import LANGUAGE_CODES
from ...selectors import case_studies as selectors
from ._common import _classify, _editable


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
