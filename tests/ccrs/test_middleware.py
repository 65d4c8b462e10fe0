"""NulCharacterMiddleware: no NUL character of a query or a form reaches a view."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import HttpResponse
from django.test import RequestFactory

from ccrs.middleware import NulCharacterMiddleware


def seen(request):
    """What a view behind the middleware sees of the request."""
    views_request = {}

    def view(request):
        views_request.update(GET=request.GET, POST=request.POST, FILES=request.FILES)
        return HttpResponse()

    NulCharacterMiddleware(view)(request)
    return views_request


def test_nul_is_removed_from_query_names_and_values():
    request = RequestFactory().get("/", {"q": "Lan\x00", "pa\x00ge": "2", "tag": ["a\x00", "b"]})
    query = seen(request)["GET"]
    assert query.dict() == {"q": "Lan", "page": "2", "tag": "b"}
    assert query.getlist("tag") == ["a", "b"]
    assert not query._mutable


def test_nul_is_removed_from_form_fields_and_uploads_are_kept():
    upload = SimpleUploadedFile("plan.pdf", b"%PDF-1.4", content_type="application/pdf")
    request = RequestFactory().post("/?q=%00", {"title": "T\x00\x00ên", "file": upload})
    data = seen(request)
    assert data["POST"]["title"] == "Tên" and data["GET"]["q"] == ""
    assert data["FILES"]["file"].read() == b"%PDF-1.4"


def test_a_request_without_nul_is_passed_on_as_it_came():
    request = RequestFactory().post("/?q=Lan", {"title": "Tên"})
    query, form = request.GET, request.POST
    data = seen(request)
    assert data["GET"] is query and data["POST"] is form
