"""A library resource is linked from each part of the network: a discussion post and a case study's section
(a Markdown link to the resource's page, which the network's one sanitiser keeps while it drops scripts), and a
mentoring session (the resources shared link to their pages). An event's closing record lists its resources too
(tests/network/test_events_views.py)."""

import pytest
from django.urls import reverse
from django.utils import timezone

from network.services import discussions, mentoring
from network.templatetags.case_studies import markdown
from tests.network.discussions_factories import category, topic  # noqa: F401 (fixtures)
from tests.network.library_helpers import make_resource
from tests.network.mentoring_factories import pair

pytestmark = pytest.mark.django_db


@pytest.fixture
def toolkit(member_a):
    return make_resource(member_a, titles={"en": "Waste bank toolkit", "vi": "Bộ công cụ ngân hàng rác"})


def test_a_post_links_a_resource_to_its_page(topic, member_a, toolkit, client_for):  # noqa: F811 (fixture)
    url = toolkit.get_absolute_url()
    discussions.post_create(topic=topic, author=member_a, body=f"See [the toolkit]({url}). <script>alert(1)</script>")
    page = client_for(member_a).get(reverse("network:topic_detail", kwargs={"pk": topic.pk})).content.decode()
    assert f'<a href="{url}"' in page
    assert "<script>alert(1)" not in page


def test_a_case_study_section_links_a_resource_through_the_same_sanitiser(toolkit):
    url = toolkit.get_absolute_url()
    html = markdown(f"Read [the toolkit]({url}) <iframe src='https://evil.example'></iframe>")
    assert f'<a href="{url}"' in html
    assert "iframe" not in html


def test_a_mentoring_session_links_the_resources_shared(staff, network_member, city_a, toolkit, client_for):
    mentoring_pair = pair(staff=staff, mentor=network_member, city=city_a)
    mentoring.session_log(
        pair=mentoring_pair,
        logged_by=network_member,
        held_on=timezone.localdate(),
        attendees="Ana Putri\nNguyễn Văn Bình",
        resources=[toolkit],
    )
    page = client_for(network_member).get(mentoring_pair.get_absolute_url()).content.decode()
    assert f'<a href="{toolkit.get_absolute_url()}">Waste bank toolkit</a>' in page
