"""On a phone: a city officer asks for the city profile PDF, watches it being built by a real worker, downloads it."""

from ccrs.models import Report, ReportStatus
from tests.conftest import PASSWORD
from tests.e2e.test_smoke import assert_fits_a_phone, sign_in
from tests.reports.conftest import report_workers  # noqa: F401 - the real Celery worker fixture


def test_city_profile_pdf_from_request_to_download(report_workers, city_a, member_a, open_page):  # noqa: F811
    worker = report_workers()
    page = open_page()
    sign_in(page, member_a.email, PASSWORD)
    page.goto(f"/cities/{city_a.slug}/profile/")
    assert_fits_a_phone(page)
    page.click(f"#report-city_profile-{city_a.pk} button[value=pdf]")
    status = page.locator(".ccrs-report-status")
    status.wait_for()
    assert Report.objects.filter(kind="city_profile", requested_by=member_a).count() == 1
    # The page polls: the status turns into a download link without a reload, once the worker is done.
    download_link = status.get_by_role("link")
    try:
        download_link.wait_for(timeout=60_000)
    except Exception:
        raise AssertionError(f"no download link; worker log:\n{worker.log()}") from None
    assert Report.objects.get(kind="city_profile").status == ReportStatus.SUCCEEDED
    with page.expect_download() as info:
        download_link.click()
    with open(info.value.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
