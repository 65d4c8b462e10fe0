"""The public pages, open without an account: published case studies, their photos, the program page and the sitemap.

They show only published versions (never a draft's text) and are drawn without the request's context (no session,
no CSRF token), so a page can be cached for everyone: the key carries a number that publishing bumps.
"""

import json

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponse
from django.template.loader import render_to_string
from django.utils import translation

from ccrs import generations
from ccrs.public_forms import public_language

from ..models.library import LICENCE_URLS
from ..selectors import case_studies as selectors
from ..services import case_studies as services

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
CACHE_SECONDS = 3600


def _cached(request, language: str, draw) -> HttpResponse:
    """The page from the cache, else drawn by `draw()` (a string) and kept until the next publication."""
    key = f"public:{language}:{request.get_host()}:{request.get_full_path()}"
    html = generations.cached(generations.CASE_STUDIES, key, draw, timeout=CACHE_SECONDS)
    response = HttpResponse(html)
    response["Content-Language"] = language
    return response


def _draw(template: str, request, context: dict) -> str:
    return render_to_string(
        template, {"request_path": request.path, "LANGUAGE_CODE": translation.get_language(), **context}
    )


def case_study_list(request):
    language = public_language(request, default=translation.get_language() or "en")
    filters = {key: request.GET.get(key, "")[:40] for key in ("city", "sector", "principle", "language")}
    if filters["language"] not in LANGUAGE_CODES:
        filters["language"] = ""

    def draw():
        data = selectors.public_list(**filters)
        return _draw("network/case_studies/public_list.html", request, {**data, "languages": settings.LANGUAGES})

    return _cached(request, language, draw)


def _json_ld(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def case_study_detail(request, city, slug):
    study = selectors.public_study(city=city, slug=slug)
    if study is None:
        raise Http404
    if study.public_version_id is None:
        if study.unpublished_at is None:
            raise Http404
        language = public_language(request, default=translation.get_language() or "en")
        html = _draw("network/case_studies/public_gone.html", request, {"study": study})
        return HttpResponse(html, status=410)
    language = public_language(request, default=translation.get_language() or "en")

    def draw():
        content = selectors.public_content(study=study, language=language)
        version = content["version"]
        canonical = request.build_absolute_uri(study.public_url(content["language"]))
        alternates = [(code, request.build_absolute_uri(study.public_url(code))) for code in content["languages"]]
        licence_url = LICENCE_URLS.get(version.licence, "")
        ld = {
            "@context": "https://schema.org",
            "@type": "Article",
            "headline": content["title"],
            "description": content["summary"],
            "inLanguage": content["language"],
            "datePublished": study.versions.order_by("number").first().published_at.isoformat(),
            "dateModified": version.published_at.isoformat(),
            "version": version.number,
            "license": licence_url or version.get_licence_display(),
            "url": canonical,
            "about": {
                "@type": "Place",
                "name": study.city.name,
                "alternateName": study.city.local_name,
                "address": {"@type": "PostalAddress", "addressCountry": str(study.city.country)},
            },
            "publisher": {"@type": "Organization", "name": "Resilient Cities Network"},
        }
        return _draw(
            "network/case_studies/public_detail.html",
            request,
            {
                "study": study,
                **content,
                "canonical": canonical,
                "alternates": alternates,
                "licence_url": licence_url,
                "json_ld": _json_ld(ld),
                "pdf_languages": content["languages"],
            },
        )

    return _cached(request, language, draw)


def case_study_pdf(request, city, slug):
    """The published version as a PDF in one of its languages: built by a worker at publication, or here when it is
    asked for first, and kept (a version never changes, so neither does its PDF)."""
    study = selectors.public_study(city=city, slug=slug)
    if study is None or study.public_version_id is None:
        raise Http404
    version = study.public_version
    asked = request.GET.get("lang", "")
    language = asked if asked in version.languages else version.languages[0]
    name = services.case_study_pdf_build(version_id=version.pk, language=language)
    filename = f"{study.city.slug}-{study.slug}-v{version.number}-{language}.pdf"
    return FileResponse(
        default_storage.open(name, "rb"), as_attachment=True, filename=filename, content_type="application/pdf"
    )


def case_study_photo(request, city, slug, pk):
    """A photo of a study's public version (consent was checked when it was published)."""
    study = selectors.public_study(city=city, slug=slug)
    if study is None or study.public_version_id is None:
        raise Http404
    photo = selectors.public_photo(study=study, pk=pk)
    if photo is None:
        raise Http404
    response = FileResponse(photo.image.open("rb"), content_type=photo.content_type)
    response["Cache-Control"] = "public, max-age=86400"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def program_public(request):
    language = public_language(request, default=translation.get_language() or "en")
    return _cached(
        request, language, lambda: _draw("network/case_studies/public_program.html", request, selectors.program_page())
    )


class CaseStudySitemap(Sitemap):
    """Every published study in every language it has (the ?lang= address of each)."""

    protocol = "https"

    def items(self):
        return selectors.sitemap_items()

    def location(self, item):
        study, language = item
        return study.public_url(language)

    def lastmod(self, item):
        return item[0].public_version.published_at


SITEMAPS = {"case-studies": CaseStudySitemap}
