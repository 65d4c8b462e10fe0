"""On a 360-px phone without an account: a published case study opens in Vietnamese (the browser's language),
switches to English, and downloads its PDF, which keeps the English text of the published version."""

import io

from pypdf import PdfReader

from tests.e2e.test_smoke import assert_fits_a_phone
from tests.network.conftest import *  # noqa: F403 (the published study's fixtures, built from real rows)


def test_a_published_study_opens_in_vietnamese_switches_to_english_and_downloads_the_pdf(
    transactional_db,
    published_a,  # noqa: F405
    open_page,
):
    page = open_page(locale="vi-VN")
    page.goto(f"/case-studies/can-tho/{published_a.slug}/")
    assert_fits_a_phone(page)
    article = page.locator("article")
    assert article.get_attribute("lang") == "vi"
    assert "Nội dung phần này." in article.inner_text()
    assert "What happened in this part." not in article.inner_text()

    with page.expect_navigation():
        page.click("article nav a[hreflang=en]")
    assert article.get_attribute("lang") == "en"
    assert "What happened in this part." in article.inner_text()
    assert_fits_a_phone(page)

    with page.expect_download() as download:
        page.click("article a[download]")
    assert download.value.suggested_filename.endswith("-v1-en.pdf")
    with open(download.value.path(), "rb") as pdf:
        text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.read())).pages)
    assert "What happened in this part." in text and "CC BY 4.0" in text
