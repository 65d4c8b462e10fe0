"""Case study pages: the public study (JSON-LD, Open Graph, hreflang, language fallback, frozen figures), the listing
and its filters, the sitemap, a withdrawn study's 410, the cache, the team's edit page and query budgets."""

import json
import re
from xml.etree import ElementTree

import pytest
from django.core.cache import cache
from django.urls import reverse

from network.models import CaseStudyStatus
from network.services import case_studies as services
from tests.network.conftest import approved_study, later_actual
from tests.querybudget import Page, assert_query_budgets


def url_of(study, language=None):
    return study.public_url(language)


def json_ld(body: str) -> dict:
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', body, re.S)
    assert found, "no JSON-LD on the page"
    return json.loads(found.group(1))


def test_a_published_study_opens_without_an_account(published_a, client):
    """Anonymous, in English: the version line, the frozen pilot figure, the licence; no draft-only text."""
    body = client.get(url_of(published_a, "en")).content.decode()
    version = published_a.public_version
    assert "Version 1, published on" in body and version.number == 1
    assert "figures as of" in body
    assert "40 of a target of 100 tonnes" in body
    assert 'rel="license"' in body and "creativecommons.org/licenses/by/4.0/" in body
    assert "What happened in this part. (lessons)" in body


def test_the_json_ld_describes_the_article(published_a, client):
    """schema.org Article with inLanguage, license, about (the city as a Place), datePublished and dateModified."""
    data = json_ld(client.get(url_of(published_a, "vi")).content.decode())
    assert data["@context"] == "https://schema.org" and data["@type"] == "Article"
    assert data["inLanguage"] == "vi"
    assert data["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert data["about"]["@type"] == "Place" and data["about"]["name"] == "Can Tho"
    assert data["about"]["address"]["addressCountry"] == "VN"
    assert data["datePublished"].startswith(published_a.public_version.published_at.date().isoformat())
    assert data["dateModified"] and data["headline"] == published_a.titles["vi"]


def test_sharing_tags_canonical_and_language_alternates(published_a, client):
    body = client.get(url_of(published_a, "vi")).content.decode()
    assert '<meta property="og:title" content="Cần Thơ: Final case study">' not in body  # the Vietnamese title
    assert f'<meta property="og:title" content="{published_a.titles["vi"]}">' in body
    assert '<meta name="twitter:card" content="summary">' in body
    assert f'<link rel="canonical" href="http://testserver{url_of(published_a, "vi")}">' in body
    assert f'hreflang="en" href="http://testserver{url_of(published_a, "en")}"' in body
    assert f'hreflang="vi" href="http://testserver{url_of(published_a, "vi")}"' in body


def test_a_language_the_study_lacks_falls_back_to_english_with_a_note(published_a, client):
    body = client.get(url_of(published_a, "th")).content.decode()
    assert "What happened in this part." in body
    assert json_ld(body)["inLanguage"] == "en"
    assert '<article lang="en">' in body


def test_a_later_pilot_update_leaves_the_published_page_unchanged(published_a, period_a, member_a, staff, client):
    later_actual(period_a, member_a, staff, "75")
    cache.clear()
    body = client.get(url_of(published_a, "en")).content.decode()
    assert "40 of a target of 100 tonnes" in body and "75 of a target" not in body


def test_section_text_is_sanitised(study_a, lead_a, staff, client):
    services.case_study_section_save(
        study=study_a, key="lessons", language="en", body="**Bold** <script>alert(1)</script> [x](javascript:alert(2))"
    )
    approved_study(study_a, lead_a, staff)
    services.case_study_publish(study=study_a, user=staff)
    body = client.get(url_of(study_a, "en")).content.decode()
    assert "<strong>Bold</strong>" in body
    assert "<script>alert(1)</script>" not in body and "javascript:alert" not in body


def test_a_draft_or_a_study_in_review_is_not_public(study_a, lead_a, client):
    assert client.get(url_of(study_a, "en")).status_code == 404
    services.case_study_submit(study=study_a, user=lead_a)
    assert client.get(url_of(study_a, "en")).status_code == 404
    assert study_a.titles["en"] not in client.get(reverse("public:case_study_list")).content.decode()


def test_an_unpublished_study_answers_410_with_its_note(published_a, staff, client):
    services.case_study_unpublish(study=published_a, user=staff, note="The city asked to correct a figure.")
    response = client.get(url_of(published_a, "en"))
    assert response.status_code == 410
    body = response.content.decode()
    assert "The city asked to correct a figure." in body and "What happened in this part." not in body


def test_the_sitemap_lists_every_published_study_in_every_language(published_a, program_a, lead_a, client):
    services.case_study_draft_create(city=program_a, user=lead_a, kind="interim")
    root = ElementTree.fromstring(client.get("/sitemap.xml").content)  # noqa: S314 (our own page)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locations = sorted(loc.text for loc in root.findall("s:url/s:loc", ns))
    assert locations == sorted(f"https://testserver{url_of(published_a, code)}" for code in ("vi", "en"))


def test_the_listing_filters_by_city_sector_principle_and_language(published_a, client):
    listing = reverse("public:case_study_list")
    title = published_a.titles["en"]
    assert title in client.get(f"{listing}?lang=en").content.decode()
    for query, shown in [
        ("city=can-tho", True),
        ("city=da-nang", False),
        ("sector=38", True),
        ("sector=I", False),
        (f"principle={published_a.principles[0]}", True),
        ("principle=nothing", False),
        ("language=vi", True),
        ("language=th", False),
    ]:
        assert (title in client.get(f"{listing}?lang=en&{query}").content.decode()) is shown, query


def test_publication_shows_the_next_version_on_the_cached_page(
    published_a, lead_a, staff, client, django_capture_on_commit_callbacks
):
    """The page is cached; publishing version 2 bumps the key, so the page says version 2 at once."""
    assert "Version 1," in client.get(url_of(published_a, "en")).content.decode()
    services.case_study_revise(study=published_a)
    services.case_study_section_save(study=published_a, key="lessons", language="en", body="Second edition.")
    approved_study(published_a, lead_a, staff)
    with django_capture_on_commit_callbacks(execute=True):
        services.case_study_publish(study=published_a, user=staff)
    body = client.get(url_of(published_a, "en")).content.decode()
    assert "Version 2," in body and "Second edition." in body


def test_the_public_program_page_shows_each_city_stage(published_a, client):
    body = client.get(reverse("public:program") + "?lang=en").content.decode()
    assert "Can Tho" in body and "Documentation" in body and published_a.titles["en"] in body


# --- The team's pages --------------------------------------------------------------------------------------


def test_the_lead_edits_a_section_and_submits(study_a, lead_a, client_for):
    client = client_for(lead_a)
    edit = reverse("network:case_study_edit", kwargs={"pk": study_a.pk})
    page = client.get(f"{edit}?lang=vi")
    assert page.status_code == 200 and "1.240.000" in page.content.decode()
    data = {"title": "Cần Thơ phân loại rác", "summary": "", "licence": "cc-by-4.0"}
    data |= {f"section_{key}": f"Đoạn {key}" for key in ["city", "assessment", "cocreation", "procurement"]}
    data |= {f"section_{key}": f"Đoạn {key}" for key in ["pilot", "lessons", "reuse", "next_steps"]}
    assert client.post(f"{edit}?lang=vi", data).status_code == 302
    study_a.refresh_from_db()
    assert study_a.titles["vi"] == "Cần Thơ phân loại rác"
    step = reverse("network:case_study_step", kwargs={"pk": study_a.pk})
    assert client.post(step, {"action": "submit"}).status_code == 302
    study_a.refresh_from_db()
    assert study_a.status == CaseStudyStatus.IN_REVIEW


def test_an_officer_cannot_submit(study_a, member_a, client_for):
    step = reverse("network:case_study_step", kwargs={"pk": study_a.pk})
    assert client_for(member_a).post(step, {"action": "submit"}).status_code == 403
    study_a.refresh_from_db()
    assert study_a.status == CaseStudyStatus.DRAFT


def test_staff_return_a_study_with_comments_from_the_page(study_a, lead_a, staff, client_for):
    services.case_study_submit(study=study_a, user=lead_a)
    step = reverse("network:case_study_step", kwargs={"pk": study_a.pk})
    client_for(staff).post(step, {"action": "return", "comment": "Add the budget."})
    study_a.refresh_from_db()
    assert study_a.status == CaseStudyStatus.DRAFT and study_a.review_comment == "Add the budget."
    assert "Add the budget." in client_for(lead_a).get(study_a.get_absolute_url()).content.decode()


# --- Query budgets ------------------------------------------------------------------------------------------


@pytest.fixture
def uncached(settings):
    """Every request draws its page, so the budget counts a page drawn, not one served from the cache."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}


def test_public_and_team_pages_query_budget(published_a, uncached, client, staff, client_for):
    """The public listing, a study and the program page, and the team's list and staff's review queue, make a
    fixed number of queries, on seed_scale data too."""
    team = client_for(staff)
    assert_query_budgets(
        [
            Page(client, reverse("public:case_study_list") + "?lang=en", 3),
            Page(client, url_of(published_a, "en"), 3),
            Page(client, reverse("public:program"), 8),
            Page(team, reverse("network:case_study_list"), 5),
            Page(team, reverse("network:case_study_review"), 4),
        ]
    )


def test_a_cached_public_page_makes_no_query(published_a, client, django_assert_num_queries):
    client.get(url_of(published_a, "en"))
    with django_assert_num_queries(1):  # the study's row: a page of a withdrawn study must answer 410 at once
        client.get(url_of(published_a, "en"))


# --- The PDF -----------------------------------------------------------------------------------------------


def pdf_text(data: bytes) -> str:
    import io

    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_the_pdf_of_each_language_downloads_without_an_account(published_a, client):
    for language, words in [("vi", "Nội dung phần này."), ("en", "What happened in this part.")]:
        response = client.get(
            reverse("public:case_study_pdf", kwargs={"city": "can-tho", "slug": published_a.slug}) + f"?lang={language}"
        )
        assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
        assert f"-v1-{language}.pdf" in response["Content-Disposition"]
        text = pdf_text(b"".join(response.streaming_content))
        assert words in text and "CC BY 4.0" in text


def test_the_pdf_keeps_the_figures_of_its_version(published_a, period_a, member_a, staff, client):
    later_actual(period_a, member_a, staff, "75")
    url = reverse("public:case_study_pdf", kwargs={"city": "can-tho", "slug": published_a.slug}) + "?lang=en"
    text = pdf_text(b"".join(client.get(url).streaming_content))
    assert "40 of a target of 100 tonnes" in text and "75 of a target" not in text


def test_no_pdf_of_a_study_not_published(study_a, client):
    url = reverse("public:case_study_pdf", kwargs={"city": "can-tho", "slug": study_a.slug})
    assert client.get(url).status_code == 404
