"""Pages of stakeholders' input: the public form behind a personal link, and the team's list."""

import pytest
from django.core import signing
from django.urls import reverse

from cocreation import services
from cocreation.models import Submission

from .conftest import form_data, link

pytestmark = pytest.mark.django_db


def test_link_opens_in_stakeholder_language_without_account(client, invitation_s):
    """An anonymous visitor with an English browser sees the form in Vietnamese, the stakeholder's language."""
    response = client.get(link(invitation_s), HTTP_ACCEPT_LANGUAGE="en")
    body = response.content.decode()
    assert response.status_code == 200
    assert "Ý tưởng chính của bạn" in body and "Hộ gia đình" in body
    assert 'lang="vi"' in body


def test_submit_then_edit_never_duplicates(client, invitation_s, questions_a):
    url = link(invitation_s)
    assert client.post(url, form_data(questions_a)).status_code == 302
    data = form_data(questions_a) | {f"q{questions_a[0].pk}": "Đổi ý"}
    assert client.post(url, data).status_code == 302
    submission = Submission.objects.get()
    assert submission.answers[str(questions_a[0].pk)] == "Đổi ý"
    assert submission.answers[str(questions_a[4].pk)] == [1, 0, 2]
    assert "Đổi ý" in client.get(url).content.decode()  # the form shows the saved answers


def test_altered_link_is_refused(client, invitation_s):
    response = client.get(link(invitation_s)[:-3] + "xyz/")
    assert response.status_code == 404
    assert "not valid" in response.content.decode()


def test_revoked_link_changes_nothing(client, invitation_s, questions_a):
    url = link(invitation_s)
    services.invitation_revoke(invitation=invitation_s)
    response = client.post(url, form_data(questions_a))
    assert response.status_code == 410 and "withdrawn" in response.content.decode()
    assert not Submission.objects.exists()


def test_forged_link_with_wrong_key(client, invitation_s):
    token = signing.Signer(salt=services.INVITATION_SALT).sign_object({"i": invitation_s.pk, "k": "x"})
    response = client.get(reverse("cocreation:respond", kwargs={"token": token}))
    assert response.status_code == 410


def test_honeypot_refuses_and_saves_nothing(client, invitation_s, questions_a):
    response = client.post(link(invitation_s), form_data(questions_a) | {"website": "http://spam.example"})
    assert response.status_code == 400
    assert not Submission.objects.exists()


def test_rate_limit_per_link(client, invitation_s, questions_a, settings):
    settings.COCREATION_FORM_RATE_PER_LINK = 2
    url = link(invitation_s)
    client.post(url, form_data(questions_a))
    client.post(url, form_data(questions_a))
    response = client.post(url, form_data(questions_a))
    assert response.status_code == 429 and "mười phút" in response.content.decode()  # in the stakeholder's language
    assert Submission.objects.get().edits == 1


def test_bad_input_shows_message_and_saves_nothing(client, invitation_s, questions_a):
    data = form_data(questions_a)
    data[f"q{questions_a[4].pk}_1"] = "1"  # two choices with the same rank
    response = client.post(link(invitation_s), data)
    assert response.status_code == 400
    assert "khác nhau" in response.content.decode() or "different rank" in response.content.decode()
    assert not Submission.objects.exists()


def test_wrong_file_type_through_the_form(client, invitation_s, questions_a, tmp_path, settings):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = tmp_path
    data = form_data(questions_a) | {f"q{questions_a[5].pk}": SimpleUploadedFile("x.png", b"GIF89a not accepted")}
    response = client.post(link(invitation_s), data, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert not Submission.objects.exists()


def test_officer_of_other_city_cannot_see_input(client_for, member_b, workshop_a):
    client = client_for(member_b)
    assert client.get(reverse("cocreation:submissions", kwargs={"pk": workshop_a.pk})).status_code == 404
