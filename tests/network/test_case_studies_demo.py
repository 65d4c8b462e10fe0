"""The demo's case studies: Can Tho's published in Vietnamese and English, Semarang's in review, Bangkok's interim
draft in Thai; seed_scale publishes a study for a share of its cities."""

from django.core.management import call_command

from network.models import CaseStudy, CaseStudyStatus
from tests.querybudget import TEST_DENSITY


def test_the_demo_studies_are_in_each_state(demo, client):
    can_tho = CaseStudy.objects.get(city__slug="can-tho")
    assert can_tho.status == CaseStudyStatus.PUBLISHED and can_tho.public_version.languages == ["vi", "en"]
    assert can_tho.quotes.exists()
    semarang = CaseStudy.objects.get(city__slug="semarang")
    assert semarang.status == CaseStudyStatus.IN_REVIEW and set(semarang.titles) >= {"id", "en"}
    bangkok = CaseStudy.objects.get(city__slug="bangkok")
    assert bangkok.status == CaseStudyStatus.DRAFT and bangkok.kind == "interim" and "th" in bangkok.titles
    page = client.get(can_tho.public_url("vi"))
    assert page.status_code == 200 and "Ninh Kiều" in page.content.decode()
    assert client.get(semarang.public_url("id")).status_code == 404


def test_seed_scale_publishes_studies_for_a_share_of_its_cities(db):
    call_command("seed_scale", factor=1, density=TEST_DENSITY, verbosity=0)
    studies = CaseStudy.objects.filter(city__slug__startswith="scale-city-")
    assert studies.exists() and all(s.public_version_id for s in studies)
    cities = CaseStudy._meta.get_field("city").related_model.objects.filter(slug__startswith="scale-city-").count()
    assert studies.count() < cities
