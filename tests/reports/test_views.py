"""The report pages: ask, follow the progress, download through the permission check, list one's own."""

from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ccrs.models import Report, ReportStatus


def ready_report(city, user, **fields):
    report = Report(
        kind="city_profile", format="pdf", params={"object_id": city.pk, "language": "en"},
        params_key=fields.pop("params_key", "k"), requested_by=user, city=city, status=ReportStatus.SUCCEEDED,
        progress=100, **fields,
    )  # fmt: skip
    report.file.save("can-tho-profile.pdf", ContentFile(b"%PDF-1.7 city A"), save=False)
    report.save()
    return report


def test_a_member_of_city_b_cannot_download_city_a_report(client_for, city_a, member_a, member_b):
    """Knowing the report's key is not enough: city B's officer gets 404, city A's officer the file."""
    report = ready_report(city_a, member_a)
    url = reverse("reports:download", kwargs={"key": report.key})
    assert client_for(member_b).get(url).status_code == 404
    assert client_for(member_b).get(reverse("reports:status", kwargs={"key": report.key})).status_code == 404
    response = client_for(member_a).get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.7 city A"
    assert response["Content-Disposition"].startswith("attachment")
    assert response["Cache-Control"] == "private, no-store"


def test_a_report_file_is_not_served_from_media(client_for, city_a, member_a):
    """The storage name of a report is held by no app's files, so the private media view refuses it."""
    report = ready_report(city_a, member_a)
    assert client_for(member_a).get(f"/media/{report.file.name}").status_code == 404


def test_a_member_who_left_the_city_can_no_longer_download(client_for, city_a, member_a):
    report = ready_report(city_a, member_a)
    member_a.memberships.all().delete()
    assert client_for(member_a).get(reverse("reports:download", kwargs={"key": report.key})).status_code == 404


def test_asking_with_htmx_answers_the_polling_status(client_for, city_a, member_a):
    """The button's HTMX request gets the status partial, which polls while the report is queued."""
    client = client_for(member_a)
    response = client.post(
        reverse("reports:request"),
        {"kind": "city_profile", "format": "pdf", "object_id": city_a.pk},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    report = Report.objects.get()
    body = response.content.decode()
    assert f'hx-get="{reverse("reports:status", kwargs={"key": report.key})}"' in body
    assert 'hx-trigger="every 2s"' in body


def test_a_ready_report_stops_polling_and_offers_the_download(client_for, city_a, member_a):
    report = ready_report(city_a, member_a)
    body = client_for(member_a).get(reverse("reports:status", kwargs={"key": report.key})).content.decode()
    assert "hx-trigger" not in body
    assert reverse("reports:download", kwargs={"key": report.key}) in body


def test_a_bad_request_says_what_to_fix(client_for, city_a, member_a):
    response = client_for(member_a).post(
        reverse("reports:request"), {"kind": "city_profile", "format": "docx", "object_id": city_a.pk}, follow=True
    )
    assert "This report is not available in that format." in response.content.decode()
    assert not Report.objects.exists()


def test_the_generate_buttons_are_where_the_reports_belong(client_for, city_a, member_a, staff):
    body = client_for(member_a).get(reverse("cities:profile", kwargs={"slug": city_a.slug})).content.decode()
    assert 'name="kind" value="city_profile"' in body
    body = client_for(staff).get(reverse("program_dashboard")).content.decode()
    assert 'value="program"' in body and 'value="data_export"' in body


def test_my_reports_has_a_query_budget(client_for, city_a, member_a):
    """The list's queries do not grow with the number of reports."""
    client = client_for(member_a)
    ready_report(city_a, member_a, params_key="first")
    url = reverse("reports:list")

    def count():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    small = count()
    for number in range(30):
        ready_report(city_a, member_a, params_key=f"more-{number}")
    large = count()
    assert small == large <= 6, (small, large)
