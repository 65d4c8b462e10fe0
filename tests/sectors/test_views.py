"""Assessment pages: what each role can do, bad input answered clearly, query budgets."""

from datetime import timedelta

import time_machine
from django.urls import reverse
from django.utils import timezone

from ccrs.links import link_token
from ccrs.models import CityRole
from sectors import services
from sectors.models import AssessmentStatus, CandidateSector, IndicatorValue, Selection, SurveyResponse
from tests.cities.factories import MembershipFactory
from tests.querybudget import CITY_DASHBOARD_BUDGET, Page, assert_query_budgets
from tests.sectors.factories import SURVEY_FORM, AssessmentFactory


def url(name, city, **kwargs):
    return reverse(f"sectors:{name}", kwargs={"slug": city.slug, **kwargs})


def test_officer_starts_the_assessment_and_adds_a_sector(member_a, city_a, client_for):
    client = client_for(member_a)
    assert "Start the assessment" in client.get(url("workspace", city_a)).content.decode()
    client.post(url("start", city_a))
    response = client.post(
        url("sector_add", city_a), {"isic": "38", "local_name": "Thu gom rác", "firms": 10, "sme_firms": 9}
    )
    sector = CandidateSector.objects.get()
    assert response.status_code == 302 and response["Location"] == url("sector_values", city_a, sector_id=sector.pk)


def test_sector_with_more_smes_than_firms_is_refused(member_a, assessment_a, city_a, client_for):
    response = client_for(member_a).post(
        url("sector_add", city_a), {"isic": "13", "local_name": "Batik", "firms": 5, "sme_firms": 9}
    )
    assert response.status_code == 400
    assert "more SMEs than firms" in response.content.decode()
    assert not CandidateSector.objects.exists()


def test_values_page_saves_and_refuses_non_numbers(member_a, sectors_a, criteria_a, city_a, client_for):
    sector = sectors_a[0]
    page = url("sector_values", city_a, sector_id=sector.pk)
    key = f"value_{criteria_a[0].pk}"
    before = IndicatorValue.objects.get(sector=sector, criterion=criteria_a[0]).value
    bad = client_for(member_a).post(page, {key: "many", f"confidence_{criteria_a[0].pk}": "low"})
    assert bad.status_code == 400 and "Enter a number" in bad.content.decode()
    assert IndicatorValue.objects.get(sector=sector, criterion=criteria_a[0]).value == before
    data = {f"confidence_{c.pk}": "high" for c in criteria_a} | {key: "77.5"}
    assert client_for(member_a).post(page, data).status_code == 302
    assert IndicatorValue.objects.get(sector=sector, criterion=criteria_a[0]).value == 77.5


def test_import_page_lists_each_bad_row_and_saves_nothing(member_a, sectors_a, criteria_a, city_a, client_for):
    from django.core.files.uploadedfile import SimpleUploadedFile

    count = IndicatorValue.objects.count()
    sheet = f"sector,criterion,value,source,confidence\n{sectors_a[0].local_name},{criteria_a[0].name},abc,,high\n"
    response = client_for(member_a).post(
        url("values_import", city_a), {"file": SimpleUploadedFile("v.csv", sheet.encode(), "text/csv")}
    )
    assert response.status_code == 400
    assert "Row 2, column value: “abc” is not a number" in response.content.decode()
    assert IndicatorValue.objects.count() == count


def test_template_downloads_as_csv_and_xlsx(member_a, sectors_a, city_a, client_for):
    client = client_for(member_a)
    csv_body = client.get(url("values_template", city_a)).content.decode("utf-8-sig")
    assert csv_body.startswith("sector,criterion,value,source,confidence")
    assert sectors_a[0].local_name in csv_body
    xlsx = client.get(url("values_template", city_a) + "?format=xlsx")
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    assert xlsx.content[:2] == b"PK"


def test_ranking_page_shows_scores_contributions_and_charts(member_a, sectors_a, city_a, client_for):
    body = client_for(member_a).get(url("ranking", city_a) + "?method=topsis&samples=200").content.decode()
    assert 'id="ranking"' in body and body.count("<svg") == 3
    assert sectors_a[0].local_name in body and "P(first)" in body


def test_ranking_with_a_missing_value_names_the_cell(member_a, sectors_a, criteria_a, city_a, client_for):
    IndicatorValue.objects.filter(sector=sectors_a[1], criterion=criteria_a[0]).delete()
    body = client_for(member_a).get(url("ranking", city_a)).content.decode()
    assert criteria_a[0].name in body and sectors_a[1].local_name in body and "<svg" not in body


def test_inconsistent_ahp_is_refused_on_the_page(member_a, assessment_a, criteria_a, city_a, client_for):
    data = {
        f"{a.pk}:{b.pk}": ("9" if (i + j) % 2 else "0.111111")
        for i, a in enumerate(criteria_a)
        for j, b in enumerate(criteria_a)
        if i < j
    }
    response = client_for(member_a).post(url("ahp", city_a), data)
    assert response.status_code == 400 and "consistency ratio" in response.content.decode()
    assessment_a.refresh_from_db()
    assert assessment_a.ahp_weights == {}


def test_submit_with_missing_values_says_which(member_a, assessment_a, sectors_a, criteria_a, city_a, client_for):
    IndicatorValue.objects.filter(sector=sectors_a[0], criterion=criteria_a[1]).delete()
    response = client_for(member_a).post(url("submit", city_a), follow=True)
    assert criteria_a[1].name in response.content.decode()
    assessment_a.refresh_from_db()
    assert assessment_a.status == AssessmentStatus.DRAFT


def test_staff_return_needs_a_comment(staff, lead_a, assessment_a, sectors_a, city_a, client_for):
    services.assessment_submit(assessment=assessment_a, user=lead_a)
    client_for(staff).post(url("review", city_a), {"decision": "return", "comment": ""})
    assessment_a.refresh_from_db()
    assert assessment_a.status == AssessmentStatus.SUBMITTED
    client_for(staff).post(url("review", city_a), {"decision": "return", "comment": "Add sources"})
    assessment_a.refresh_from_db()
    assert assessment_a.status == AssessmentStatus.RETURNED


def test_lead_proposes_and_staff_approve(lead_a, staff, approved_a, sectors_a, city_a, client_for):
    client_for(lead_a).post(
        url("selection_propose", city_a), {"sector": sectors_a[0].pk, "rationale": "Most vulnerable"}
    )
    selection = Selection.objects.get()
    client_for(staff).post(url("selection_decide", city_a, selection_id=selection.pk), {"decision": "approve"})
    selection.refresh_from_db()
    assert selection.status == "approved" and selection.baselines.count() > 0


def test_officer_cannot_propose(member_a, approved_a, sectors_a, city_a, client_for):
    response = client_for(member_a).post(
        url("selection_propose", city_a), {"sector": sectors_a[0].pk, "rationale": "x"}
    )
    assert response.status_code == 403
    assert not Selection.objects.exists()


def survey_url(assessment):
    return reverse("sectors:survey_public", kwargs={"token": link_token(services.SURVEY_LINK, assessment)})


def shown_form(client, assessment):
    """The survey as a phone gets it: the answers, with the submission key the page made."""
    import re

    page = client.get(survey_url(assessment)).content.decode()
    key = re.search(r'name="submission_key" value="([^"]+)"', page)
    return {**SURVEY_FORM, "submission_key": key.group(1)} if key else dict(SURVEY_FORM)


def test_sme_answers_the_survey_without_an_account_in_vietnamese(assessment_a, sectors_a, client):
    page = client.get(survey_url(assessment_a))
    assert page.status_code == 200 and 'lang="vi"' in page.content.decode()
    response = client.post(survey_url(assessment_a), {**shown_form(client, assessment_a), "sector": sectors_a[0].pk})
    thanks = reverse("sectors:survey_thanks", kwargs={"token": link_token(services.SURVEY_LINK, assessment_a)})
    assert response.status_code == 302 and response["Location"] == f"{thanks}?lang=vi"
    answer = SurveyResponse.objects.get()
    assert answer.revenue_change == -35 and answer.women_owned and answer.language == "vi"


def test_reloading_the_survey_thank_you_page_stores_nothing(assessment_a, sectors_a, client):
    response = client.post(
        survey_url(assessment_a), {**shown_form(client, assessment_a), "sector": sectors_a[0].pk}, follow=True
    )
    assert response.status_code == 200 and 'lang="vi"' in response.content.decode()
    assert SurveyResponse.objects.count() == 1
    reload = client.get(response.redirect_chain[-1][0])
    assert reload.status_code == 200
    assert SurveyResponse.objects.count() == 1


def test_the_same_survey_form_sent_twice_stores_one_response(assessment_a, sectors_a, client):
    data = {**shown_form(client, assessment_a), "sector": sectors_a[0].pk}
    first = client.post(survey_url(assessment_a), data)
    again = client.post(survey_url(assessment_a), data)
    assert first.status_code == again.status_code == 302 and first["Location"] == again["Location"]
    assert SurveyResponse.objects.count() == 1


def test_a_new_survey_form_stores_another_response(assessment_a, sectors_a, client):
    client.post(survey_url(assessment_a), {**shown_form(client, assessment_a), "sector": sectors_a[0].pk})
    client.post(survey_url(assessment_a), {**shown_form(client, assessment_a), "sector": sectors_a[1].pk})
    assert SurveyResponse.objects.count() == 2
    assert {r.sector_id for r in SurveyResponse.objects.all()} == {sectors_a[0].pk, sectors_a[1].pk}


def test_survey_honeypot_keeps_nothing(assessment_a, sectors_a, client):
    data = {**shown_form(client, assessment_a), "sector": sectors_a[0].pk, "website": "http://spam"}
    assert client.post(survey_url(assessment_a), data).status_code == 302
    assert not SurveyResponse.objects.exists()


def test_survey_is_rate_limited(assessment_a, sectors_a, client, settings):
    settings.SECTORS_SURVEY_RATE_PER_HOUR = limit = 3
    for _i in range(limit):
        client.post(survey_url(assessment_a), {**shown_form(client, assessment_a), "sector": sectors_a[0].pk})
    response = client.post(survey_url(assessment_a), {**shown_form(client, assessment_a), "sector": sectors_a[0].pk})
    assert response.status_code == 429
    assert SurveyResponse.objects.count() == limit


def test_forged_survey_link_is_not_found(assessment_a, client):
    assert client.get(reverse("sectors:survey_public", kwargs={"token": "abc:def"})).status_code == 404


def test_survey_bad_answer_is_explained(assessment_a, sectors_a, client):
    data = {**shown_form(client, assessment_a), "sector": sectors_a[0].pk, "revenue_change": "-300"}
    response = client.post(survey_url(assessment_a), data)
    assert response.status_code == 400
    assert not SurveyResponse.objects.exists()


def test_page_query_budgets(member_a, staff, sectors_a, city_a, client_for):
    """On one growth of the data: a city's pages read only that city (their queries and the rows those fetch do
    not grow with the program); the staff overview reads the stored rankings, a page of cities at a time (at most
    two rows per city shown); the sector panels keep the city dashboard flat."""
    member, staff_client = client_for(member_a), client_for(staff)
    budgets = {"workspace": (9, 60), "ranking": (7, 60), "survey": (6, 20), "ahp": (5, 30)}
    assert_query_budgets(
        [Page(member, url(name, city_a), queries, rows) for name, (queries, rows) in budgets.items()]
        + [
            Page(staff_client, reverse("sectors:overview"), 7, 120),
            Page(member, city_a.get_absolute_url(), CITY_DASHBOARD_BUDGET),
        ]
    )


def test_officer_removes_a_sector_but_not_a_proposed_one(member_a, lead_a, staff, sectors_a, city_a, client_for):
    client = client_for(member_a)
    client.post(url("sector_remove", city_a, sector_id=sectors_a[1].pk))
    assert list(CandidateSector.objects.all()) == [sectors_a[0]]


def test_member_of_b_never_sees_city_a_assessment(member_b, sectors_a, city_a, client_for):
    """Whatever page of city A's assessment a Da Nang officer types, nothing of it shows."""
    client = client_for(member_b)
    for name in ["workspace", "ranking", "survey", "ahp", "values_template"]:
        response = client.get(url(name, city_a))
        assert response.status_code == 404, name
        assert sectors_a[0].local_name not in response.content.decode(), name


def test_charts_keep_decimal_points_in_vietnamese(lead_a, sectors_a, city_a, client_for):
    """Vietnamese writes 0,5; SVG coordinates must stay 0.5 or the bars vanish."""
    import re

    body = client_for(lead_a, HTTP_ACCEPT_LANGUAGE="vi").get(url("ranking", city_a)).content.decode()
    assert 'lang="vi"' in body
    svg = "".join(re.findall(r"<svg.*?</svg>", body, flags=re.S))
    assert svg and not re.search(r'(x|y|width|height)="\d+,\d', svg)


# --- The one object check -------------------------------------------------------------------------


def test_a_member_of_another_city_finds_no_assessment_of_this_city(db, client_for):
    """An officer of another city gets 404 on its workspace and ranking, as for an address that does not exist."""
    assessment = AssessmentFactory()
    client = client_for(MembershipFactory(role=CityRole.OFFICER).user)
    for name in ("sectors:workspace", "sectors:ranking"):
        assert client.get(reverse(name, kwargs={"slug": assessment.city.slug})).status_code == 404


def test_a_viewer_sees_the_assessment_but_may_not_submit_it(db, client_for):
    assessment = AssessmentFactory()
    client = client_for(MembershipFactory(city=assessment.city).user)
    assert client.get(reverse("sectors:workspace", kwargs={"slug": assessment.city.slug})).status_code == 200
    assert client.post(reverse("sectors:submit", kwargs={"slug": assessment.city.slug})).status_code == 403
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.DRAFT


def test_the_survey_speaks_only_the_languages_it_is_written_in(assessment_a, client):
    """?lang=th on a Can Tho survey (written in Vietnamese and English) keeps it in Vietnamese; English works."""
    thai = client.get(survey_url(assessment_a), {"lang": "th"}).content.decode()
    assert '<html lang="vi">' in thai and 'href="?lang=th"' not in thai and 'href="?lang=en"' in thai
    english = client.get(survey_url(assessment_a), {"lang": "en"}).content.decode()
    assert '<html lang="en">' in english and 'href="?lang=vi"' in english


def test_an_expired_survey_link_says_so(assessment_a, client, settings):
    later = timezone.now() + timedelta(days=settings.SECTORS_SURVEY_LINK_DAYS, seconds=5)
    with time_machine.travel(later):
        response = client.get(survey_url(assessment_a))
    assert response.status_code == 410 and "expired" in response.content.decode()
