"""Program staff enrol their authenticator with the password and the e-mailed link, never the password alone."""

import re

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.core import mail
from django.urls import reverse

from ccrs import services
from ccrs.links import link_token
from ccrs.models import User
from tests.ccrs.test_two_factor import current_code
from tests.conftest import PASSWORD, make_user


@pytest.fixture(autouse=True)
def mfa_required(settings):
    settings.STAFF_MFA_REQUIRED = True


def signed_in(client, user):
    """Sign in with the password, as a person (or whoever holds the password) does."""
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    return client


def enrolment_link(email):
    message = next(m for m in reversed(mail.outbox) if m.to == [email])
    return re.search(r"https?://\S+/staff/enrol/\S+/", message.body).group(0).split("8000", 1)[-1]


@pytest.mark.parametrize(
    "path",
    ["/program/", "/admin/", "/accounts/2fa/totp/activate/", "/accounts/2fa/", "/accounts/password/change/",
     "/accounts/email/", "/cities/"],
)  # fmt: skip
def test_the_password_alone_reaches_no_enrolment_and_no_page(staff, client, path):
    """Someone holding only a staff password cannot enrol their own device, nor change the password or address."""
    signed_in(client, staff)
    response = client.get(path)
    assert response.status_code == 302 and response["Location"] == reverse("staff_enrolment")
    assert not Authenticator.objects.filter(user=staff).exists()


def test_the_holding_page_sends_the_link_once_and_again_on_request(staff, client):
    """The first visit e-mails the link to the account's address; reloads do not; the button sends a new one."""
    signed_in(client, staff)
    page = client.get(reverse("staff_enrolment"))
    assert page.status_code == 200 and staff.email in page.content.decode()
    client.get(reverse("staff_enrolment"))
    assert [m.to for m in mail.outbox] == [[staff.email]]
    client.post(reverse("staff_enrolment"))
    assert len(mail.outbox) == 2 and "/staff/enrol/" in mail.outbox[1].body


def test_link_and_password_enrol_the_authenticator_and_show_recovery_codes(staff, client):
    """With the link opened while signed in, allauth's set-up enrols the app and shows the recovery codes."""
    signed_in(client, staff)
    client.get(reverse("staff_enrolment"))
    response = client.get(enrolment_link(staff.email))
    assert response.status_code == 302 and response["Location"] == reverse("mfa_activate_totp")
    asked = client.get(reverse("mfa_activate_totp"))
    assert asked.status_code == 302 and asked["Location"].startswith(reverse("account_reauthenticate"))
    reauthenticated = client.post(asked["Location"], {"password": PASSWORD})
    assert reauthenticated.status_code == 302
    form_page = client.get(reverse("mfa_activate_totp"))
    assert form_page.status_code == 200
    secret = form_page.context["form"].secret
    done = client.post(reverse("mfa_activate_totp"), {"code": current_code(secret)})
    assert done.status_code == 302 and done["Location"] == reverse("mfa_view_recovery_codes")
    assert Authenticator.objects.filter(user=staff, type=Authenticator.Type.TOTP).exists()
    assert Authenticator.objects.filter(user=staff, type=Authenticator.Type.RECOVERY_CODES).exists()
    assert client.get("/program/").status_code == 200
    devices = client.get(reverse("mfa_index")).content.decode()
    assert "Authenticator App" in devices and "Recovery Codes" in devices


def test_another_accounts_link_does_not_open_the_set_up(staff, client, db):
    """A link is bound to the account and address it was sent to."""
    other = make_user("other.staff@example.org", is_staff=True)
    signed_in(client, staff)
    token = link_token(services.STAFF_ENROLMENT, other)
    response = client.get(reverse("staff_enrolment_confirm", kwargs={"token": token}))
    assert response.status_code == 400
    assert client.get(reverse("mfa_activate_totp"))["Location"] == reverse("staff_enrolment")


def test_a_link_stops_working_when_the_address_changes(staff):
    token = link_token(services.STAFF_ENROLMENT, staff)
    assert services.staff_enrolment_token_valid(user=staff, token=token)
    staff.email = "changed@example.org"
    assert not services.staff_enrolment_token_valid(user=staff, token=token)


def test_a_staff_account_made_in_the_admin_is_sent_its_enrolment_link(
    staff, client_for, django_capture_on_commit_callbacks
):
    """Creating a staff account, or making someone staff, e-mails them the enrolment link."""
    TOTP.activate(staff, generate_totp_secret())
    admin = client_for(staff)
    with django_capture_on_commit_callbacks(execute=True):
        response = admin.post(
            reverse("admin:ccrs_user_add"),
            {"email": "new.staff@example.org", "full_name": "Rina Hartono", "password1": PASSWORD,
             "password2": PASSWORD, "memberships-TOTAL_FORMS": "0", "memberships-INITIAL_FORMS": "0"},
        )  # fmt: skip
    assert response.status_code == 302, response.content.decode()[:2000]
    person = User.objects.get(email="new.staff@example.org")
    assert mail.outbox == []  # not staff yet
    form = admin.get(reverse("admin:ccrs_user_change", args=[person.pk])).context["adminform"].form
    data = {key: value for key, value in form.initial.items() if value is not None and key != "password"}
    data.update(
        {"is_staff": "on", "is_active": "on", "groups": [], "user_permissions": [],
         "date_joined_0": "2026-12-01", "date_joined_1": "09:00:00",
         "memberships-TOTAL_FORMS": "0", "memberships-INITIAL_FORMS": "0"}
    )  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        response = admin.post(reverse("admin:ccrs_user_change", args=[person.pk]), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert [m.to for m in mail.outbox] == [["new.staff@example.org"]]
    assert "/staff/enrol/" in mail.outbox[0].body


def test_staff_cannot_switch_off_their_authenticator(staff, client_for):
    """Where two-factor is required, a staff member's app cannot be removed by them."""
    TOTP.activate(staff, generate_totp_secret())
    client = client_for(staff)
    client.post(f"{reverse('account_reauthenticate')}?next={reverse('mfa_deactivate_totp')}", {"password": PASSWORD})
    response = client.post(reverse("mfa_deactivate_totp"))
    assert Authenticator.objects.filter(user=staff, type=Authenticator.Type.TOTP).exists()
    assert "must keep an authenticator app" in response.content.decode()
