"""The library's writes: a file is checked by its content and size, and the search index follows every write."""

from datetime import date

import pytest
from django.contrib.postgres.search import SearchQuery
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile

from network.models import Resource, Tag
from network.services import library as services
from tests.files import exe_bytes, image_bytes

from .library_helpers import make_resource, pdf_upload

pytestmark = pytest.mark.django_db


def matching(word):
    return Resource.objects.filter(search_vector=SearchQuery(word, config="simple"))


def test_a_file_is_stored_under_a_random_name_with_its_kind_from_the_content(member_a):
    resource = make_resource(member_a, file=pdf_upload("Hướng dẫn.pdf"))
    assert resource.file.name.startswith("network/library/") and resource.file.name.endswith(".pdf")
    assert resource.file_name == "Hướng dẫn.pdf"
    assert resource.file_type == "application/pdf" and resource.file_size > 0
    assert resource.link == ""


def test_a_program_named_like_a_pdf_is_refused_by_its_content(member_a):
    """An executable called report.pdf is refused, and nothing is saved."""
    upload = SimpleUploadedFile("report.pdf", exe_bytes(), content_type="application/pdf")
    with pytest.raises(ValidationError) as refused:
        make_resource(member_a, file=upload)
    assert "file" in refused.value.message_dict
    assert "not a type the library accepts" in refused.value.message_dict["file"][0]
    assert not Resource.objects.exists()


def test_a_file_over_the_size_limit_is_refused(member_a, settings):
    settings.NETWORK_LIBRARY_MAX_UPLOAD_BYTES = 1024
    upload = SimpleUploadedFile("photo.png", image_bytes("PNG") + b"\x00" * 2048, content_type="image/png")
    with pytest.raises(ValidationError) as refused:
        make_resource(member_a, file=upload)
    assert "at most" in refused.value.message_dict["file"][0]
    assert not Resource.objects.exists()


def test_a_resource_needs_a_title_and_exactly_one_of_file_and_link(member_a):
    with pytest.raises(ValidationError) as refused:
        make_resource(member_a, titles={"en": "  ", "xx": "Unknown language"})
    assert "titles" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        make_resource(member_a, file=pdf_upload(), link="https://example.org/also")
    assert "link" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        make_resource(member_a, link="javascript:alert(1)")
    assert "link" in refused.value.message_dict
    assert not Resource.objects.exists()


def test_the_search_vector_is_written_on_create_and_follows_an_edit(member_a, needs_postgres):
    """After an edit the old words no longer match and the new ones do."""
    resource = make_resource(member_a, titles={"en": "Batik dyes"}, summaries={"id": "Pewarna alami untuk UMKM"})
    assert list(matching("pewarna")) == [resource]
    services.resource_update(resource=resource, summaries={"id": "Pengolahan limbah cair"})
    assert not matching("pewarna").exists()
    assert list(matching("limbah")) == [resource]
    resource.refresh_from_db()
    assert "limbah" in resource.search_text


def test_replacing_a_file_with_a_link_deletes_the_old_file_after_commit(member_a, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        resource = make_resource(member_a, file=pdf_upload())
    name = resource.file.name
    assert default_storage.exists(name)
    with django_capture_on_commit_callbacks(execute=True):
        services.resource_update(resource=resource, link="https://example.org/online")
    resource.refresh_from_db()
    assert resource.file.name == "" and resource.file_name == "" and resource.link == "https://example.org/online"
    assert not default_storage.exists(name)


def test_deleting_a_resource_deletes_its_file(member_a, django_capture_on_commit_callbacks):
    resource = make_resource(member_a, file=pdf_upload())
    name = resource.file.name
    with django_capture_on_commit_callbacks(execute=True):
        services.resource_delete(resource=resource)
    assert not Resource.objects.exists()
    assert not default_storage.exists(name)


def test_tags_are_set_and_replaced(member_a):
    waste = Tag.objects.create(kind="topic", code="waste", name="Waste")
    tourism = Tag.objects.create(kind="topic", code="tourism", name="Tourism")
    resource = make_resource(member_a, tags=[waste], published_on=date(2024, 1, 1))
    assert list(resource.tags.all()) == [waste]
    services.resource_update(resource=resource, tags=[tourism])
    assert list(resource.tags.all()) == [tourism]
