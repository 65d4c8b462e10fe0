"""The library's pages: search with filters and snippets, a resource and its private file, adding and editing
in five languages, and query budgets that hold on seed_scale data."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from network.models import Resource, Tag
from tests.files import exe_bytes, pdf_bytes
from tests.querybudget import Page, assert_query_budgets

from .library_helpers import make_resource, pdf_upload

pytestmark = pytest.mark.django_db

LIST = reverse("network:resource_list")


def form_data(**overrides):
    data = {
        "kind": "guide",
        "language": "vi",
        "title_vi": "Hướng dẫn ngân hàng rác",
        "summary_vi": "Cách lập ngân hàng rác ở phường",
        "title_en": "Waste bank guide",
        "link": "",
        "credit": "Can Tho",
        "published_on": "2024-05-01",
        "licence": "cc-by-4.0",
        "city": "",
    }
    return {**data, **overrides}


def test_the_list_searches_and_shows_a_highlighted_snippet(client_for, member_b, member_a, needs_postgres):
    make_resource(member_a, titles={"vi": "Phân loại rác"}, summaries={"vi": "Hướng dẫn phân loại rác tại nguồn"})
    make_resource(member_a, titles={"en": "Batik dyes"})
    body = client_for(member_b).get(LIST, {"q": "phan loai"}).content.decode()
    assert "<mark>phân</mark> <mark>loại</mark>" in body
    assert "Batik dyes" not in body
    assert "1 resource matches “phan loai”." in body
    assert "None" not in body


def test_the_list_filters_by_tag_and_keeps_the_filters_across_pages(client_for, member_a):
    topic = Tag.objects.create(kind="topic", code="waste", name="Waste")
    for n in range(25):
        make_resource(member_a, titles={"en": f"Toolkit {n}"}, tags=[topic])
    make_resource(member_a, titles={"en": "Untagged"})
    response = client_for(member_a).get(LIST, {"topic": topic.pk})
    body = response.content.decode()
    assert "25 resources, newest first." in body and "Untagged" not in body
    assert f"topic={topic.pk}&amp;page=2" in body


def test_a_resource_page_offers_its_file_through_the_private_file_address(
    client_for, member_a, network_member, stakeholder
):
    resource = make_resource(member_a, titles={"en": "Waste bank toolkit"}, file=pdf_upload("toolkit.pdf"))
    page = client_for(network_member).get(resource.get_absolute_url())
    assert resource.file.url in page.content.decode()
    download = client_for(network_member).get(resource.file.url)
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(b"%PDF")
    assert client_for(stakeholder).get(resource.file.url).status_code == 404
    assert client_for(None).get(resource.file.url).status_code == 404


def test_an_officer_adds_a_resource_in_two_languages_with_a_file(client_for, member_a):
    upload = SimpleUploadedFile("ngan-hang-rac.pdf", pdf_bytes(), content_type="application/pdf")
    response = client_for(member_a).post(reverse("network:resource_new"), {**form_data(), "file": upload})
    resource = Resource.objects.get()
    assert response.status_code == 302 and response["Location"] == resource.get_absolute_url()
    assert resource.titles == {"vi": "Hướng dẫn ngân hàng rác", "en": "Waste bank guide"}
    assert resource.author == member_a and resource.file_name == "ngan-hang-rac.pdf"


def test_a_wrong_file_is_refused_with_a_message_and_nothing_is_saved(client_for, member_a):
    upload = SimpleUploadedFile("guide.pdf", exe_bytes(), content_type="application/pdf")
    response = client_for(member_a).post(reverse("network:resource_new"), {**form_data(), "file": upload})
    assert response.status_code == 400
    assert "not a type the library accepts" in response.content.decode()
    assert not Resource.objects.exists()


def test_a_resource_without_title_or_without_file_and_link_is_refused(client_for, member_a):
    client = client_for(member_a)
    response = client.post(reverse("network:resource_new"), form_data(title_vi="", title_en="", link="https://x.org"))
    assert response.status_code == 400 and "at least one language" in response.content.decode()
    response = client.post(reverse("network:resource_new"), form_data())
    assert response.status_code == 400 and "Attach a file or give a link." in response.content.decode()
    assert not Resource.objects.exists()


def test_the_author_edits_and_the_search_follows(client_for, member_a, needs_postgres):
    resource = make_resource(member_a, titles={"en": "Waterfront tourism"}, published_on=date(2023, 1, 1))
    client = client_for(member_a)
    response = client.post(
        reverse("network:resource_edit", kwargs={"pk": resource.pk}),
        form_data(title_vi="", summary_vi="", title_en="", title_ms="Pelancongan tepi air", link="https://x.org/m"),
    )
    assert response.status_code == 302
    assert "Pelancongan tepi air" in client.get(LIST, {"q": "tepi"}).content.decode()
    assert "0 resources match" in client.get(LIST, {"q": "waterfront"}).content.decode()


def test_the_edit_form_shows_what_is_stored(client_for, member_a):
    resource = make_resource(member_a, titles={"th": "คู่มือริมน้ำ"}, language="th")
    body = client_for(member_a).get(reverse("network:resource_edit", kwargs={"pk": resource.pk})).content.decode()
    assert 'value="คู่มือริมน้ำ"' in body


def test_a_mentor_cannot_edit_a_resource_of_another_author(client_for, member_a, network_member):
    resource = make_resource(member_a, titles={"en": "Waste"})
    url = reverse("network:resource_edit", kwargs={"pk": resource.pk})
    assert client_for(network_member).post(url, form_data()).status_code == 403
    resource.refresh_from_db()
    assert resource.titles == {"en": "Waste"}


def test_the_linked_resources_partial_renders_what_resources_for_returns(member_a, rf):
    from django.template.loader import render_to_string

    from network.selectors.library import resources_for

    resource = make_resource(member_a, titles={"en": "Study visit notes"})
    html = render_to_string(
        "network/library/partials/resource_links.html",
        {"resources": resources_for(user=member_a, ids=[resource.pk])},
    )
    assert "Study visit notes" in html and resource.get_absolute_url() in html


def test_the_list_and_search_keep_their_query_budget_on_seed_scale(client_for, member_a, needs_postgres):
    """The list, and searches in English, Thai and Vietnamese without its diacritics, on one growth of the data."""
    topic = Tag.objects.create(kind="topic", code="waste", name="Waste")
    make_resource(member_a, titles={"en": "Waste bank toolkit", "th": "ขยะริมน้ำ", "vi": "Phân loại rác"}, tags=[topic])
    client = client_for(member_a)
    queries = ["", "waste", "ริมน้ำ", "phan loai"]
    assert_query_budgets([Page(client, f"{LIST}?q={query}" if query else LIST, 10) for query in queries])


def test_an_unknown_filter_in_the_address_is_ignored_and_the_search_still_applies(client_for, member_a):
    make_resource(member_a, titles={"en": "Waste bank toolkit"})
    make_resource(member_a, titles={"en": "Batik dyes"})
    response = client_for(member_a).get(LIST, {"q": "waste", "kind": "nonsense", "city": "x", "page": "99"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "Waste bank toolkit" in body and "Batik dyes" not in body
