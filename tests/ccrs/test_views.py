"""Pages of the project package: role homes, sign-in with lock-out, invitations, language, health."""

import pytest
from allauth.mfa.models import Authenticator
from django.urls import reverse

from ccrs import services
from ccrs.links import link_token
from ccrs.models import CityMembership, User
from tests.conftest import PASSWORD, make_user
from tests.querybudget import PROGRAM_DASHBOARD_BUDGET, Page, assert_query_budgets


@pytest.mark.parametrize(
    ("persona", "home"),
    [
        ("staff", "/program/"),
        ("member_a", "/cities/can-tho/"),
        ("stakeholder", "/invitations/"),
        ("network_member", "/network/"),
    ],
)
def test_home_sends_each_role_to_its_page(persona, home, request, client_for):
    user = request.getfixturevalue(persona)
    response = client_for(user).get("/")
    assert response.status_code == 302 and response["Location"] == home


def test_member_of_two_cities_chooses_among_them(member_a, city_b, client_for):
    CityMembership.objects.create(user=member_a, city=city_b, role="viewer")
    client = client_for(member_a)
    assert client.get("/")["Location"] == reverse("cities:list")
    body = client.get(reverse("cities:list")).content.decode()
    assert "Can Tho" in body and "Da Nang" in body


def test_wrong_password_says_so(member_a, client):
    response = client.post(reverse("account_login"), {"login": member_a.email, "password": "wrong"})
    assert response.status_code == 200
    assert "The email address and/or password you specified are not correct." in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("entry", ["/accounts/login/", "/admin/login/"])
def test_repeated_failures_lock_the_account_out(entry, staff, client):
    """After five wrong passwords even the right one is refused for a while, from the admin too."""
    login_url = client.get(entry, follow=True).redirect_chain[-1][0] if entry.startswith("/admin") else entry
    for _ in range(5):
        client.post(login_url, {"login": staff.email, "password": "wrong"})
    response = client.post(login_url, {"login": staff.email, "password": PASSWORD})
    assert "Too many failed sign-in attempts for this account" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_admin_signs_in_through_allauth(staff, client):
    response = client.get("/admin/")
    assert response.status_code == 302
    follow = client.get(response["Location"], follow=True)
    assert follow.redirect_chain[-1][0].startswith("/accounts/login/?next=")
    client.post(follow.redirect_chain[-1][0], {"login": staff.email, "password": PASSWORD})
    assert client.get("/admin/").status_code == 200


def test_staff_must_enrol_two_factor_where_required(staff, client_for, settings):
    settings.STAFF_MFA_REQUIRED = True
    client = client_for(staff)
    response = client.get("/program/")
    assert response.status_code == 302 and response["Location"] == reverse("staff_enrolment")
    Authenticator.objects.create(user=staff, type=Authenticator.Type.TOTP, data={"secret": "JBSWY3DPEHPK3PXP"})
    assert client.get("/program/").status_code == 200


def test_signup_is_closed(client, db):
    response = client.post(
        reverse("account_signup"), {"email": "x@example.org", "password1": PASSWORD, "password2": PASSWORD}
    )
    assert "Joining by invitation" in response.content.decode()
    assert not User.objects.filter(email="x@example.org").exists()


def test_invitation_link_makes_account_and_signs_in(invitation_a, client):
    url = reverse("invitation_accept", kwargs={"token": link_token(services.TEAM_INVITATION, invitation_a)})
    assert "Join the Can Tho team" in client.get(url).content.decode()
    response = client.post(url, {"full_name": "Trần Văn Phúc", "password1": PASSWORD, "password2": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/cities/can-tho/"
    assert client.get("/cities/can-tho/").status_code == 200


def test_invitation_form_mismatch_saves_nothing(invitation_a, client):
    url = reverse("invitation_accept", kwargs={"token": link_token(services.TEAM_INVITATION, invitation_a)})
    response = client.post(url, {"full_name": "Phúc", "password1": PASSWORD, "password2": PASSWORD + "x"})
    assert response.status_code == 200
    assert "The two passwords differ" in response.content.decode()
    assert not User.objects.filter(email=invitation_a.email).exists()


def test_tampered_invitation_link_shows_a_clear_page(invitation_a, client):
    token = link_token(services.TEAM_INVITATION, invitation_a) + "x"
    response = client.get(reverse("invitation_accept", kwargs={"token": token}))
    assert response.status_code == 400
    assert "This invitation link is not valid" in response.content.decode()
    response = client.post(
        reverse("invitation_accept", kwargs={"token": token}),
        {"full_name": "M", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert response.status_code == 400 and not User.objects.filter(email=invitation_a.email).exists()


def test_language_choice_is_remembered_on_the_account(member_a, client_for):
    client = client_for(member_a)
    client.post(reverse("set_language"), {"language": "th", "next": "/"})
    member_a.refresh_from_db()
    assert member_a.language == "th"


def test_accept_language_gives_vietnamese_pages(member_a, client_for):
    """A phone set to Vietnamese gets the city dashboard in Vietnamese."""
    response = client_for(member_a, HTTP_ACCEPT_LANGUAGE="vi").get("/cities/can-tho/")
    assert response.headers["Content-Language"] == "vi"
    assert '<html lang="vi">' in response.content.decode()


def test_healthz_reports_database_and_broker(client, db):
    data = client.get("/healthz").json()
    assert data["database"] == "ok"
    assert data["broker"] in {"ok", "in-process"}
    assert data["status"] == "ok"


def test_program_dashboard_counts_cities_teams_and_invitations(staff, member_a, invitation_a, city_b, client_for):
    """The cohort counts its two cities; Can Tho has a team of one and a pending invitation, Da Nang neither."""
    from ccrs.selectors import program_dashboard

    response = client_for(staff).get(reverse("program_dashboard"))
    assert [(c.name, c.city_count) for c in response.context["page"]["cohorts"]] == [("Test cohort", 2)]
    figures = program_dashboard(user=staff)  # what the page draws (it keeps the drawing, not the figures)
    cities = [(c.name, c.team_size, c.pending_invitations) for c in figures["cities"]]
    assert cities == [("Can Tho", 1, 1), ("Da Nang", 0, 0)]
    assert figures["people"]["city_team"] == 1
    assert "Cần Thơ" in response.content.decode()


def test_program_dashboard_and_invitations_query_budget(staff, city_a, city_b, stakeholder, client_for):
    assert_query_budgets(
        [
            Page(client_for(staff), reverse("program_dashboard"), PROGRAM_DASHBOARD_BUDGET),
            Page(client_for(stakeholder), reverse("invitations"), 6),
        ]
    )


def test_the_menu_shows_the_name_a_person_chose_never_a_guessed_part(client, db):
    """ "Phạm Thị Lan" is not greeted as "Phạm": the full name until she chooses "Lan" in her profile."""
    person = make_user("lan@cantho.example.vn", full_name="Phạm Thị Lan")
    client.force_login(person)
    page = client.get(reverse("profile")).content.decode()
    assert 'aria-expanded="false">Phạm Thị Lan</a>' in page
    response = client.post(reverse("profile"), {"full_name": "Phạm Thị Lan", "display_name": "Lan", "language": "vi"})
    assert response.status_code == 302
    person.refresh_from_db()
    assert (person.display_name, person.language) == ("Lan", "vi")
    assert 'aria-expanded="false">Lan</a>' in client.get(reverse("profile")).content.decode()


def test_a_profile_without_a_full_name_is_refused_and_nothing_changes(client, db):
    person = make_user("an@danang.example.vn", full_name="Nguyễn Văn An")
    client.force_login(person)
    response = client.post(reverse("profile"), {"full_name": "  ", "display_name": "An", "language": ""})
    assert response.status_code == 400 and "full name" in response.content.decode().lower()
    person.refresh_from_db()
    assert person.display_name == "" and person.full_name == "Nguyễn Văn An"


def test_signed_in_message_speaks_the_persons_language(member_a, client):
    """A Vietnamese officer signing in on an English login page lands on a Vietnamese dashboard whose
    "signed in" message is Vietnamese too, not allauth's English."""
    member_a.language = "vi"
    member_a.save(update_fields=["language"])
    response = client.post(
        reverse("account_login"),
        {"login": member_a.email, "password": PASSWORD},
        HTTP_ACCEPT_LANGUAGE="en",
        follow=True,
    )
    body = response.content.decode()
    assert '<html lang="vi">' in body
    assert "Đã đăng nhập với tên" in body and "Successfully signed in" not in body
