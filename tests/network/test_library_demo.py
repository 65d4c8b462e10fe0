"""The demo library: about twenty resources in all five languages, which search finds by a word from the middle
of a Thai text and by Vietnamese typed without diacritics."""

import pytest
from django.core.management import call_command

from ccrs.models import User
from network.models import Resource
from network.selectors.library import resource_search


@pytest.mark.django_db
def test_the_demo_library_speaks_five_languages_and_search_finds_its_thai_and_vietnamese(needs_postgres):
    call_command("seed_demo", verbosity=0)
    resources = Resource.objects.all()
    assert 18 <= resources.count() <= 25
    assert set(resources.values_list("language", flat=True)) == {"en", "vi", "th", "id", "ms"}
    assert resources.exclude(file="").exists() and resources.exclude(link="").exists()
    reader = User.objects.get(email="network@ccrs.demo")
    guide = Resource.objects.get(titles__en="Waterfront tourism guide for small operators in Bangkok")
    assert "ริมคลอง" in guide.summaries["th"] and not guide.summaries["th"].startswith("ริมคลอง")
    assert guide in resource_search(user=reader, query="ริมคลอง")
    sorting = resource_search(user=reader, query="phan loai").first()
    assert sorting is not None and "phân loại" in sorting.title_in("vi")
    assert resource_search(user=reader, query="bank sampah").exists()
    assert resource_search(user=reader, query="tepi sungai").exists()
