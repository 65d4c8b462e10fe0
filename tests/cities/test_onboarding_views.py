"""Pages of applications, review, selection, onboarding, profile and export; their query budgets."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from cities.models import Application, ApplicationStatus, CoFundingRecord
from tests.querybudget import CITY_DASHBOARD_BUDGET, PROGRAM_DASHBOARD_BUDGET, Page, assert_query_budgets

from .conftest import COMPLETE, make_application, pdf_upload


def test_applicant_saves_a_draft_then_submits(draft, applicant, client_for):
    client = client_for(applicant)
    url = reverse("cities:application_edit", kwargs={"pk": draft.pk})
    response = client.post(url, {"action": "draft", "city_name": "Hue", "country": "VN", "cro_name": "An"})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.cro_name == "An" and draft.status == "draft"
    data = {**COMPLETE, "action": "submit", "letter": pdf_upload()}
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    draft.refresh_from_db()
    assert draft.status == "submitted"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("cofunding_cash", "-100", "cannot be negative"),
        ("cofunding_in_kind", "lots", "must be a number"),
        ("currency", "ZZZ", "not an ISO 4217 currency code"),
    ],
)
def test_bad_application_input_says_what_to_fix(draft, applicant, client_for, field, value, message):
    response = client_for(applicant).post(
        reverse("cities:application_edit", kwargs={"pk": draft.pk}), {**COMPLETE, field: value, "action": "draft"}
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    draft.refresh_from_db()
    assert draft.cro_name == ""


def test_a_non_pdf_letter_is_refused_on_the_page(draft, applicant, client_for):
    from django.core.files.uploadedfile import SimpleUploadedFile

    fake = SimpleUploadedFile("letter.pdf", b"GIF89a not a pdf", content_type="application/pdf")
    response = client_for(applicant).post(
        reverse("cities:application_edit", kwargs={"pk": draft.pk}), {**COMPLETE, "letter": fake, "action": "submit"}
    )
    assert response.status_code == 400
    assert "not a PDF" in response.content.decode()
    assert Application.objects.get(pk=draft.pk).status == "draft"


def test_duplicate_invitation_is_refused_on_the_page(cohort, draft, staff, client_for):
    response = client_for(staff).post(
        reverse("cities:application_invite"),
        {"cohort": cohort.pk, "city_name": "hue", "country": "VN", "email": "someone@hue.example.vn"},
    )
    assert response.status_code == 400
    assert "already applied" in response.content.decode()
    assert Application.objects.count() == 1


def test_applicant_sees_the_decision_never_the_scores_or_other_applicants(
    selected_a, member_a, cohort, client_for, criteria
):
    other = make_application(cohort, city_name="Da Lat", submitted=True)
    client = client_for(member_a)
    body = client.get(reverse("cities:application_detail", kwargs={"pk": selected_a.pk})).content.decode()
    assert "Strong waste SMEs" in body
    assert "application-score" not in body
    listing = client.get(reverse("cities:application_list")).content.decode()
    assert "Can Tho" in listing and "Da Lat" not in listing
    assert client.get(reverse("cities:application_detail", kwargs={"pk": other.pk})).status_code == 404
    assert client.get(reverse("cities:application_letter", kwargs={"pk": other.pk})).status_code == 404


def test_letter_downloads_under_its_own_name(application_a, member_a, client_for):
    response = client_for(member_a).get(reverse("cities:application_letter", kwargs={"pk": application_a.pk}))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert 'filename="letter.pdf"' in response["Content-Disposition"]


def test_staff_select_past_the_cap_see_the_message(application_a, staff, client_for, cohort, city_a, city_b):
    cohort.max_cities = 1
    cohort.save(update_fields=["max_cities"])
    client = client_for(staff)
    response = client.post(
        reverse("cities:application_decide", kwargs={"pk": application_a.pk}),
        {"status": "selected", "rationale": "Good"},
        follow=True,
    )
    assert "maximum of 1 cities" in response.content.decode()
    assert Application.objects.get(pk=application_a.pk).status == ApplicationStatus.SUBMITTED


def test_officer_completes_a_step_with_a_link(step_a, member_a, city_a, client_for):
    url = reverse("cities:step_complete", kwargs={"slug": city_a.slug, "step_id": step_a.pk})
    client_for(member_a).post(url, {"evidence_url": "https://cantho.gov.vn/mou.pdf"})
    step_a.refresh_from_db()
    assert step_a.completed_by == member_a
    page = client_for(member_a).get(reverse("cities:onboarding", kwargs={"slug": city_a.slug})).content.decode()
    assert "1 of 6 steps done (17%)" in page


def test_staff_record_cofunding_and_bad_amount_changes_nothing(selected_a, staff, city_a, client_for):
    url = reverse("cities:cofunding_add", kwargs={"slug": city_a.slug})
    before = CoFundingRecord.objects.count()
    data = {"kind": "cash", "stage": "received", "currency": "VND", "on": "2022-03-01"}
    response = client_for(staff).post(url, {**data, "amount": "-3"}, follow=True)
    assert "cannot be negative" in response.content.decode()
    assert CoFundingRecord.objects.count() == before
    client_for(staff).post(url, {**data, "amount": "1000000"})
    assert CoFundingRecord.objects.count() == before + 1


def test_lead_changes_the_profile(lead_a, city_a, client_for):
    response = client_for(lead_a).post(
        reverse("cities:profile", kwargs={"slug": city_a.slug}),
        {"population": "1250000", "currency": "VND", "time_zone": "Asia/Ho_Chi_Minh", "shocks": ["flooding"]},
    )
    assert response.status_code == 302
    city_a.refresh_from_db()
    assert city_a.population == 1_250_000 and city_a.shocks == ["flooding"]


def test_officer_cannot_change_the_profile(member_a, city_a, client_for):
    response = client_for(member_a).post(reverse("cities:profile", kwargs={"slug": city_a.slug}), {"population": "1"})
    assert response.status_code == 403


def test_export_xlsx_and_csv(selected_a, staff, client_for, cohort):
    client = client_for(staff)
    response = client.get(reverse("cities:cohort_export", kwargs={"pk": cohort.pk, "fmt": "xlsx"}))
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["Applications", "Reviews", "Cities", "Co-funding"]
    rows = list(workbook["Applications"].values)
    assert rows[1][0] == "Can Tho" and rows[1][2] == "Selected" and rows[1][3] == 1
    response = client.get(reverse("cities:cohort_export", kwargs={"pk": cohort.pk, "fmt": "csv"}))
    text = response.content.decode("utf-8-sig")
    assert list(csv.reader(io.StringIO(text)))[0] == ["# Applications"]
    assert "Committed" in text


def test_application_pages_query_budget(application_a, staff, member_a, client_for):
    """A submitted application: staff's list and its detail, and the applicant's own list, on one growth."""
    staff_client = client_for(staff)
    assert_query_budgets(
        [
            Page(staff_client, reverse("cities:application_list"), 9),
            Page(client_for(member_a), reverse("cities:application_list"), 6),
            Page(staff_client, reverse("cities:application_detail", kwargs={"pk": application_a.pk}), 6),
        ]
    )


def test_selected_city_pages_query_budget(selected_a, staff, member_a, city_a, client_for):
    """A selected city: its onboarding, its profile (+4: the program stage facts of sectors, cocreation, pilots
    and network), the program dashboard and the city dashboard with its panel, on one growth."""
    staff_client, member = client_for(staff), client_for(member_a)
    assert_query_budgets(
        [
            Page(member, reverse("cities:onboarding", kwargs={"slug": city_a.slug}), 5),
            Page(staff_client, reverse("cities:profile", kwargs={"slug": city_a.slug}), 12),
            Page(staff_client, reverse("program_dashboard"), PROGRAM_DASHBOARD_BUDGET),
            Page(member, reverse("cities:dashboard", kwargs={"slug": city_a.slug}), CITY_DASHBOARD_BUDGET),
        ]
    )


# --- What people meet first ----------------------------------------------------------------------


def test_a_step_done_without_a_recorded_person_never_says_none(step_a, member_a, city_a, client_for):
    """A step marked done by a data import or a deleted account: "Done on <date>", never "Done by None"."""
    from django.utils import timezone

    step_a.completed_at, step_a.completed_by = timezone.now(), None
    step_a.evidence_url = "https://cantho.gov.vn/mou.pdf"
    step_a.save(update_fields=["completed_at", "completed_by", "evidence_url"])
    page = client_for(member_a).get(reverse("cities:onboarding", kwargs={"slug": city_a.slug})).content.decode()
    assert "Done on " in page
    assert "None" not in page
    vi = client_for(member_a, HTTP_ACCEPT_LANGUAGE="vi").get(reverse("cities:onboarding", kwargs={"slug": city_a.slug}))
    assert "None" not in vi.content.decode()


def _ids_and_labels(html):
    from html.parser import HTMLParser

    class Collect(HTMLParser):
        def __init__(self):
            super().__init__()
            self.ids, self.fors = [], []

        def handle_starttag(self, tag, attrs):
            attrs = dict(attrs)
            if attrs.get("id"):
                self.ids.append(attrs["id"])
            if tag == "label" and attrs.get("for"):
                self.fors.append(attrs["for"])

    parser = Collect()
    parser.feed(html)
    return parser.ids, parser.fors


def test_the_profile_page_has_unique_ids_and_labels_that_point_at_them(selected_a, staff, city_a, client_for):
    """The profile form and the co-funding form both ask for a currency: one id each, each label on its own field."""
    response = client_for(staff).get(reverse("cities:profile", kwargs={"slug": city_a.slug}))
    ids, fors = _ids_and_labels(response.content.decode())
    assert "id_currency" in ids and "id_cofunding_currency" in ids
    assert sorted({i for i in ids if ids.count(i) > 1}) == []
    assert [f for f in fors if f not in ids] == []
