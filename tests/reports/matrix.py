"""The reports' URLs in the permission matrix: a city A report, open to city A's team and staff only."""

from tests.permissions import DENY, LOGIN, OK, REDIRECT, Rule, signed_in

TEAM_READS = {"anonymous": LOGIN, "stakeholder": DENY, "member_a": OK, "member_b": DENY, "staff": OK}
TEAM_POSTS = {"anonymous": LOGIN, "stakeholder": DENY, "member_a": REDIRECT, "member_b": DENY, "staff": REDIRECT}
REPORT = {"key": "{report_a.key}"}

MATRIX = {
    "reports:list": Rule(signed_in(OK)),
    "reports:request": Rule(
        TEAM_POSTS, method="post", data={"kind": "city_profile", "format": "pdf", "object_id": "{city_a.pk}"}
    ),
    "reports:status": Rule(TEAM_READS, kwargs=REPORT),
    "reports:download": Rule(TEAM_READS, kwargs=REPORT),
    # A failed report of city A asked again: its team and staff are sent back to their reports.
    "reports:retry": Rule(TEAM_POSTS, method="post", kwargs={"key": "{failed_report_a.key}"}),
}


def objects(world):
    """A ready city profile report of city A (with its file) and a failed one."""
    from django.core.files.base import ContentFile

    from ccrs.models import Report, ReportStatus

    city_a = world["format"]["city_a"]
    member_a = world["users"]["member_a"]
    ready = Report(
        kind="city_profile", format="pdf", params={"object_id": city_a.pk, "language": "en"}, params_key="ready",
        requested_by=member_a, city=city_a, status=ReportStatus.SUCCEEDED, progress=100,
    )  # fmt: skip
    ready.file.save("can-tho-profile.pdf", ContentFile(b"%PDF-1.7 test"), save=False)
    ready.save()
    failed = Report.objects.create(
        kind="city_profile", format="pdf", params={"object_id": city_a.pk, "language": "vi"}, params_key="failed",
        requested_by=member_a, city=city_a, status=ReportStatus.FAILED, error="The database did not answer.",
    )  # fmt: skip
    world["format"]["report_a"] = ready
    world["format"]["failed_report_a"] = failed
    world["objects"][Report] = ready
