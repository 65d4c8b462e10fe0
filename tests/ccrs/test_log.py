"""A refused request is logged on one line: method, path, user, view and reason, no traceback."""

import logging

from django.urls import reverse


def test_a_refusal_is_logged_as_one_line(member_a, client_for, caplog):
    client = client_for(member_a)
    with caplog.at_level(logging.WARNING, logger="django.request"):
        response = client.get(reverse("program_dashboard") + "?year=2026")
    assert response.status_code == 403
    [record] = [r for r in caplog.records if r.name == "django.request"]
    assert record.getMessage() == (
        f"Forbidden: GET /program/?year=2026 user={member_a.pk} view=program_dashboard reason=permission denied"
    )
    assert record.exc_info is None
    assert "Traceback" not in caplog.text
    assert len(caplog.text.strip().splitlines()) == 1


def test_other_warnings_keep_their_traceback(client_for, member_a, caplog):
    """Only refusals are shortened: a page that is not found is logged as Django logs it."""
    client = client_for(member_a)
    with caplog.at_level(logging.WARNING, logger="django.request"):
        assert client.get("/no-such-page/").status_code == 404
    [record] = [r for r in caplog.records if r.name == "django.request"]
    assert record.getMessage() == "Not Found: /no-such-page/"
