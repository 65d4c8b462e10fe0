"""Discussion fixtures shared by the discussions' tests: a category, a topic, a city viewer, more members."""

__all__ = ["category", "members", "topic", "viewer_a"]

import pytest

from ccrs.models import CityRole
from network.models import Category
from network.services import discussions
from tests.conftest import make_member, make_user


@pytest.fixture
def category(db):
    return Category.objects.create(slug="waterfront", name="Waterfront resilience", names={"vi": "Ven sông"})


@pytest.fixture
def topic(category, member_a):
    return discussions.topic_create(
        category=category, author=member_a, title="Flood barriers for market stalls", body="How do you **fund** them?"
    )


@pytest.fixture
def viewer_a(city_a):
    return make_member("viewer.a@cantho.example.vn", city_a, CityRole.VIEWER)


@pytest.fixture
def members(db):
    """Four network members outside the city teams."""
    return [make_user(f"member{i}@partner.example.org", is_network_member=True) for i in range(4)]
