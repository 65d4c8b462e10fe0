"""Views of the co-creation app: the public link in the stakeholder's language, bad links and input, staff pages."""

import pytest
from django.core import signing
from django.urls import reverse

from cocreation import services
from cocreation.models import Submission
from tests.querybudget import CITY_DASHBOARD_BUDGET, assert_query_budget

from .conftest import good_answers

pytestmark = pytest.mark.django_db


def form_data(questions):
    short, single, multiple, rating, ranking, _file = questions
    return {
        f"q{short.pk}": "Phát túi phân loại",
        f"q{single.pk}": "0",
        f"q{multiple.pk}": ["0", "2"],
        f"q{rating.pk}": "5",
        f"q{ranking.pk}_0": "1",
        f"q{ranking.pk}_1": "0",
        f"q{ranking.pk}_2": "2",
    }


def link(invitation):
    return reverse("cocreation:respond", kwargs={"token": services.invitation_token(invitation=invitation)})


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
    token = signing.dumps({"i": invitation_s.pk, "k": "x"}, salt=services.INVITATION_SALT, compress=False)
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


def test_export_question_texts_in_chosen_language(client_for, member_a, invitation_s, questions_a):
    services.submission_save(invitation=invitation_s, answers=good_answers(questions_a), language="vi")
    client = client_for(member_a)
    url = reverse("cocreation:workshop_export", kwargs={"pk": invitation_s.workshop_id, "fmt": "csv"})
    vi = client.get(url + "?lang=vi").content.decode("utf-8-sig")
    en = client.get(url + "?lang=en").content.decode("utf-8-sig")
    assert "Ý tưởng chính của bạn" in vi and "Hộ gia đình" in vi
    assert "Your main idea" in en and "Households" in en
    xlsx = client.get(url.replace(".csv", ".xlsx"))
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"


def test_csv_import_through_the_page(client_for, lead_a, city_a):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = client_for(lead_a)
    url = reverse("cocreation:stakeholders", kwargs={"slug": city_a.slug})
    bad = SimpleUploadedFile("s.csv", b"name,email,kind\nA,a@example.vn,sme\nB,broken,sme\n")
    response = client.post(url, {"import": "1", "file": bad})
    assert response.status_code == 400 and "Row 3" in response.content.decode()
    from cocreation.models import Stakeholder

    assert not Stakeholder.objects.exists()


def test_dashboard_shows_inclusion_panel(client_for, member_a, city_a, invitation_s, questions_a):
    services.submission_save(invitation=invitation_s, answers=good_answers(questions_a))
    body = client_for(member_a).get(city_a.get_absolute_url()).content.decode()
    assert "Co-creation: who took part" in body and "100%" in body


@pytest.mark.parametrize(
    ("name", "budget"),
    [
        ("cocreation:submissions", 7),
        ("cocreation:ideas", 5),
        ("cocreation:workshop", 10),
        ("cocreation:stakeholders", 6),
    ],
)
def test_query_budgets(client_for, member_a, invitation_s, questions_a, name, budget):
    """The lists keep their query counts on seed_scale data (tens of thousands of submissions)."""
    services.submission_save(invitation=invitation_s, answers=good_answers(questions_a))
    services.idea_create(workshop=invitation_s.workshop, title="Idea")
    kwargs = {"slug": "can-tho"} if name == "cocreation:stakeholders" else {"pk": invitation_s.workshop_id}
    assert_query_budget(client_for(member_a), reverse(name, kwargs=kwargs), budget=budget)


def test_dashboard_query_budget(client_for, member_a, city_a, invitation_s, questions_a):
    services.submission_save(invitation=invitation_s, answers=good_answers(questions_a))
    assert_query_budget(client_for(member_a), city_a.get_absolute_url(), budget=CITY_DASHBOARD_BUDGET)


def test_participant_votes_and_rates_through_the_link(client, invitation_s, questions_a):
    """The link shows the workshop's ideas; a vote and a rating are saved; the vote limit is told."""
    from cocreation.models import IdeaRating, Vote

    workshop = invitation_s.workshop
    workshop.vote_limit = 1
    workshop.save(update_fields=["vote_limit"])
    first = services.idea_create(workshop=workshop, title="Túi hai màu")
    second = services.idea_create(workshop=workshop, title="Điểm thu mua ở chợ")
    url = link(invitation_s)
    vote_url = reverse("cocreation:vote", kwargs={"token": url.split("/")[-2]})
    assert "Túi hai màu" in client.get(url).content.decode()
    assert client.post(vote_url, {"idea": first.pk, "action": "vote"}).status_code == 302
    response = client.post(vote_url, {"idea": second.pk, "action": "vote"}, follow=True)
    assert Vote.objects.count() == 1
    from django.utils import translation

    with translation.override("vi"):  # the participant's language
        told = translation.gettext("You have used all %(limit)s of your votes. Take one back to vote for this idea.")
    assert told % {"limit": 1} in response.content.decode()
    client.post(vote_url, {"idea": second.pk, "rating": "5"})
    assert IdeaRating.objects.get().value == 5
