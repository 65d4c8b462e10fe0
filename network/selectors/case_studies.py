"""Reads of case studies: the figures every app contributes (through its `case_study` module), the team's and staff's
pages, and the public pages, which read only published versions.

An app's `case_study` module may have:
- `case_study_figures(*, city) -> list[dict]`: parts of sections, each {"section": a SectionKey value,
  "facts": [{"label", "value"}], "charts": [ccrs.charts.chart_spec], "draft": starting text, "values": {...}},
  written in the active language and made only of JSON values (a published version keeps them as they are);
- `principle_choices() -> list[(code, label)]` (sectors), `quote_sources(*, city)` and `quote_source(*, city, key)`
  (cocreation): workshop input a quote may be picked from.
"""

from datetime import date

from django.db.models import Min, QuerySet
from django.utils import timezone, translation

from ccrs import registry
from ccrs.rules import city_roles, is_program_staff

from ..models import CaseStudy, CaseStudyPhoto, CaseStudySection, CaseStudyStatus, CaseStudyVersion, SectionKey


def _modules(function: str) -> list:
    return [m for m in registry.app_modules("case_study") if hasattr(m, function)]


def figure_parts(*, city, language: str) -> list[dict]:
    """Every app's parts of the city's case study, in `language`, in the apps' order (the program's data flow)."""
    with translation.override(language):
        return [part for module in _modules("case_study_figures") for part in module.case_study_figures(city=city)]


def figures_by_section(parts: list[dict]) -> dict[str, dict]:
    """{section key: {"facts", "charts", "drafts", "values"}} from the apps' parts, in the sections' order."""
    grouped = {key: {"facts": [], "charts": [], "drafts": [], "values": {}} for key in SectionKey.values}
    for part in parts:
        section = grouped.get(part.get("section"))
        if section is None:
            continue
        section["facts"] += part.get("facts", [])
        section["charts"] += part.get("charts", [])
        if part.get("draft"):
            section["drafts"].append(part["draft"])
        section["values"].update(part.get("values", {}))
    return grouped


def principle_choices() -> list[tuple[str, str]]:
    return [choice for module in _modules("principle_choices") for choice in module.principle_choices()]


def quote_sources(*, city) -> list[dict]:
    return [source for module in _modules("quote_sources") for source in module.quote_sources(city=city)]


def quote_source(*, city, key: str) -> dict | None:
    return next(
        (found for module in _modules("quote_source") if (found := module.quote_source(city=city, key=key))), None
    )


# --- The team's and staff's pages ----------------------------------------------------------------


def case_studies_visible_to(*, user) -> QuerySet[CaseStudy]:
    """Every study for staff; the studies of a team member's own cities; nothing for anyone else."""
    if is_program_staff(user):
        return CaseStudy.objects.all()
    if not user.is_authenticated:
        return CaseStudy.objects.none()
    return CaseStudy.objects.filter(city_id__in=list(city_roles(user)))


def case_study_get(*, user, pk: int) -> CaseStudy | None:
    return case_studies_visible_to(user=user).select_related("city", "public_version").filter(pk=pk).first()


def case_study_list(*, user) -> list[CaseStudy]:
    return list(
        case_studies_visible_to(user=user).select_related("city", "public_version").order_by("city__name", "slug")
    )


def cities_for_new_study(*, user) -> list:
    """The cities the user may start a study of: every cohort city for staff, their own as a lead or officer."""
    cities = CaseStudy._meta.get_field("city").related_model.objects.filter(cohort__isnull=False)
    if not is_program_staff(user):
        editable = [city_id for city_id, role in city_roles(user).items() if role in {"lead", "officer"}]
        cities = cities.filter(pk__in=editable)
    return list(cities.order_by("name"))


def review_queue(*, user) -> list[CaseStudy]:
    if not is_program_staff(user):
        return []
    return list(
        CaseStudy.objects.filter(status__in=[CaseStudyStatus.IN_REVIEW, CaseStudyStatus.APPROVED])
        .select_related("city", "submitted_by")
        .order_by("submitted_at")
    )


def sections_of(*, study: CaseStudy) -> dict[str, dict[str, str]]:
    """{language: {section key: text}} of a study's sections."""
    texts: dict[str, dict[str, str]] = {}
    for language, key, body in CaseStudySection.objects.filter(study=study).values_list("language", "key", "body"):
        texts.setdefault(language, {})[key] = body
    return texts


def missing_for_submission(*, study: CaseStudy) -> list[tuple[str, str]]:
    """(language, what) a study lacks before it can be submitted: a title and every section in the city's language
    and in English."""
    texts = sections_of(study=study)
    missing = []
    for language in study.required_languages:
        if not (study.titles.get(language) or "").strip():
            missing.append((language, "title"))
        for key in SectionKey.values:
            if not (texts.get(language, {}).get(key) or "").strip():
                missing.append((language, key))
    return missing


def case_study_edit_page(*, study: CaseStudy, language: str) -> dict:
    """The edit page in one language: the sections' texts beside the live figures, quotes, photos, versions."""
    texts = sections_of(study=study)
    figures = figures_by_section(figure_parts(city=study.city, language=language))
    return {
        "texts": texts.get(language, {}),
        "sections": [
            {"key": key, "label": label, "text": texts.get(language, {}).get(key, ""), **figures[key]}
            for key, label in SectionKey.choices
        ],
        "quotes": list(study.quotes.all()),
        "photos": list(study.photos.all()),
        "versions": list(study.versions.order_by("-number")),
        "languages_done": sorted(texts),
        "missing": missing_for_submission(study=study),
    }


# --- Public pages ------------------------------------------------------------------------------------


def published_studies() -> QuerySet[CaseStudy]:
    """The studies the public sees: those with a public version (never a draft, a study in review or unpublished)."""
    return CaseStudy.objects.filter(public_version__isnull=False).select_related("city", "public_version")


def public_list(*, city: str = "", sector: str = "", principle: str = "", language: str = "") -> dict:
    """The public listing, filtered by city slug, ISIC sector, principle and language (two queries)."""
    studies = published_studies()
    if city:
        studies = studies.filter(city__slug=city)
    if sector:
        studies = studies.filter(sector_isic=sector)
    if principle:
        studies = studies.filter(principles__contains=[principle])
    if language:
        studies = studies.filter(public_version__languages__contains=[language])
    studies = list(studies.order_by("-public_version__published_at", "pk"))
    every = list(
        CaseStudy.objects.filter(public_version__isnull=False)
        .values_list("city__slug", "city__name", "sector_isic", "sector_name")
        .distinct()
    )
    return {
        "studies": studies,
        "cities": sorted({(slug, name) for slug, name, _i, _s in every}, key=lambda c: c[1]),
        "sectors": sorted({(isic, name) for _c, _n, isic, name in every if isic}),
        "principles": principle_choices(),
        "filters": {"city": city, "sector": sector, "principle": principle, "language": language},
    }


def public_study(*, city: str, slug: str) -> CaseStudy | None:
    """The study at this address, published or not (the view answers 410 for one that was unpublished, 404 else)."""
    return CaseStudy.objects.filter(city__slug=city, slug=slug).select_related("city", "public_version").first()


def public_photo(*, study: CaseStudy, pk: int) -> CaseStudyPhoto | None:
    """A photo of the study's public version, with its consent; None for any other."""
    shown = {p["id"] for content in study.public_version.content.values() for p in content.get("photos", [])}
    if pk not in shown:
        return None
    return CaseStudyPhoto.objects.filter(pk=pk, study=study, consent=True).first()


def public_content(*, study: CaseStudy, language: str, version: CaseStudyVersion | None = None) -> dict:
    """The public version (or another published `version`) in `language`, or in English (then `fallback` is
    true), from the frozen content only."""
    version = version or study.public_version
    languages = version.languages
    shown = language if language in languages else ("en" if "en" in languages else languages[0])
    content = version.content[shown]
    figures = {key: {"facts": [], "charts": []} for key in SectionKey.values}
    for part in content.get("parts", []):
        if part.get("section") in figures:
            figures[part["section"]]["facts"] += part.get("facts", [])
            figures[part["section"]]["charts"] += part.get("charts", [])
    labels = dict(SectionKey.choices)
    with translation.override(shown):
        sections = [
            {"key": key, "label": str(labels[key]), "text": content["sections"].get(key, ""), **figures[key]}
            for key in SectionKey.values
        ]
    return {
        "version": version,
        "language": shown,
        "requested": language,
        "fallback": shown != language,
        "languages": languages,
        "title": content["title"],
        "summary": content.get("summary", ""),
        "sections": sections,
        "quotes": content.get("quotes", []),
        "photos": content.get("photos", []),
        "figures_as_of": date.fromisoformat(content.get("figures_as_of", version.figures_as_of.isoformat())),
    }


def sitemap_items() -> list[tuple[CaseStudy, str]]:
    """(study, language) for every published study in every language it has."""
    return [
        (study, language) for study in published_studies().order_by("pk") for language in study.public_version.languages
    ]


def program_page() -> dict:
    """The public program page: the participating cities with their stage (from the cities app's `case_study`
    module) and their published studies."""
    cities = [city for module in _modules("program_cities") for city in module.program_cities()]
    studies = {}
    for study in published_studies().filter(city_id__in=[c["id"] for c in cities]).order_by("pk"):
        studies.setdefault(study.city_id, []).append(study)
    return {"cities": [{**c, "studies": studies.get(c["id"], [])} for c in cities]}


def published_on_by_city(*, city_ids) -> dict[int, dict]:
    """{city id: {"case_study_published": the first publication of a study still public}} (one query)."""
    rows = (
        CaseStudy.objects.filter(city_id__in=city_ids, public_version__isnull=False)
        .values("city_id")
        .annotate(first=Min("versions__published_at"))
        .values_list("city_id", "first")
    )
    return {city_id: {"case_study_published": timezone.localdate(first)} for city_id, first in rows if first}
