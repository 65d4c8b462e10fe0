"""On a phone: Da Nang goes from candidate sectors to an approved selection, and an SME answers the survey."""

from ccrs.links import link_token
from sectors import services
from sectors.models import Assessment, Baseline, SurveyResponse
from tests.e2e.test_smoke import assert_fits_a_phone, sign_in


def answer_survey(page):
    """The survey's answers of an SME hit hard, typed into the public form."""
    page.fill("input[name=revenue_change]", "-40")
    page.fill("input[name=employees_before]", "12")
    page.fill("input[name=employees_now]", "7")
    for name, value in [
        ("closure_risk", "high"),
        ("finance_access", "no"),
        ("digital_adoption", "basic"),
        ("climate_exposed", "yes"),
        ("women_owned", "yes"),
    ]:
        page.check(f"input[name={name}][value={value}]")


def submit(page, selector):
    with page.expect_navigation():
        page.click(selector)


def test_city_from_candidate_sectors_to_an_approved_selection(demo, open_page, browser):
    lead = open_page(locale="vi-VN")
    sign_in(lead, "lead.danang@ccrs.demo")
    lead.goto("/sectors/da-nang/")
    assert_fits_a_phone(lead)

    # A fourth candidate sector, classified by ISIC Rev.4, with every criterion's value.
    lead.click("a[href='/sectors/da-nang/sectors/add/']")
    lead.wait_for_url("**/sectors/add/")
    lead.select_option("select[name=isic]", "03")
    lead.fill("input[name=local_name]", "Nuôi trồng thủy sản ven biển")
    lead.fill("input[name=firms]", "300")
    lead.fill("input[name=sme_firms]", "290")
    submit(lead, "main form button[type=submit]")
    assert "/values/" in lead.url
    for number, field in enumerate(lead.locator("input[name^=value_]").all()):
        field.fill(str(10 + number))
    submit(lead, "main form button[type=submit]")
    assert lead.url.endswith("/sectors/da-nang/")
    assert "Nuôi trồng thủy sản ven biển" in lead.inner_text("main")

    # The ranking explains itself with charts, on a phone.
    lead.goto("/sectors/da-nang/ranking/?method=topsis")
    assert lead.locator("main svg").count() == 3
    assert_fits_a_phone(lead)

    lead.goto("/sectors/da-nang/")
    submit(lead, "form[action='/sectors/da-nang/submit/'] button")
    assert Assessment.objects.get(city__slug="da-nang").status == "submitted"

    staff = open_page()
    sign_in(staff, "staff@ccrs.demo")
    staff.goto("/sectors/")
    assert "Da Nang" in staff.inner_text("main")
    staff.goto("/sectors/da-nang/")
    staff.select_option("#review-form select[name=decision]", "approve")
    submit(staff, "#review-form button[type=submit]")
    assert Assessment.objects.get(city__slug="da-nang").status == "approved"

    lead.goto("/sectors/da-nang/")
    submit(lead, "a[href='/sectors/da-nang/selection/']")
    lead.select_option("select[name=sector]", label="Du lịch biển và lưu trú nhỏ")
    lead.fill(
        "textarea[name=rationale]", "Du lịch biển chủ yếu là doanh nghiệp nhỏ, chịu ảnh hưởng nặng của bão và đại dịch."
    )
    submit(lead, "main form button[type=submit]")
    assert_fits_a_phone(lead)

    staff.goto("/sectors/da-nang/")
    submit(staff, "#selection-decide button[value=approve]")
    assert "Du lịch biển và lưu trú nhỏ" in staff.inner_text("main")
    assert Baseline.objects.filter(selection__assessment__city__slug="da-nang").count() == 10


def test_sme_answers_the_survey_on_a_phone_in_vietnamese(demo, open_page):
    assessment = Assessment.objects.get(city__slug="da-nang")
    before = SurveyResponse.objects.filter(assessment=assessment).count()
    page = open_page(locale="en-GB")
    page.goto(f"/sectors/survey/{link_token(services.SURVEY_LINK, assessment)}/")
    assert page.get_attribute("html", "lang") == "vi"
    assert_fits_a_phone(page)
    page.select_option("select[name=sector]", label="Chế biến hải sản")
    answer_survey(page)
    submit(page, "main form button[type=submit]")
    assert SurveyResponse.objects.filter(assessment=assessment).count() == before + 1
