"""Failed sign-ins slow a guesser down without locking the account's owner out."""

import re

import time_machine
from django.core import mail
from django.urls import reverse

from tests.conftest import PASSWORD, make_user

LOCKED = "Too many failed sign-in attempts for this account"


def fail(client, email, times):
    for _ in range(times):
        client.post(reverse("account_login"), {"login": email, "password": "wrong"})


def test_the_per_account_limit_lifts_after_a_minute(member_a, client):
    """Five wrong passwords hold the account for a minute, not longer: then the right password works."""
    with time_machine.travel("2026-12-01 09:00:00 +0000", tick=False) as clock:
        fail(client, member_a.email, 5)
        held = client.post(reverse("account_login"), {"login": member_a.email, "password": PASSWORD})
        assert LOCKED in held.content.decode() and "_auth_user_id" not in client.session
        clock.shift(61)
        response = client.post(reverse("account_login"), {"login": member_a.email, "password": PASSWORD})
        assert response.status_code == 302 and client.session["_auth_user_id"] == str(member_a.pk)


def test_a_held_owner_signs_in_with_a_code_sent_to_their_address(member_a, client):
    """While a guesser keeps the account's password attempts used up, its owner signs in by an e-mailed code."""
    fail(client, member_a.email, 5)
    owner = client.__class__(REMOTE_ADDR="203.0.113.9")
    assert (
        LOCKED in owner.post(reverse("account_login"), {"login": member_a.email, "password": PASSWORD}).content.decode()
    )
    asked = owner.post(reverse("account_request_login_code"), {"email": member_a.email})
    assert asked.status_code == 302
    code = re.search(r"^\s*([A-Z0-9]{4}-?[A-Z0-9]{4}|\d{6})\s*$", mail.outbox[-1].body, re.MULTILINE).group(1)
    assert mail.outbox[-1].to == [member_a.email]
    signed_in = owner.post(asked["Location"], {"code": code})
    assert signed_in.status_code == 302 and owner.session["_auth_user_id"] == str(member_a.pk)


def test_the_per_address_limit_still_holds_across_accounts(db, client):
    """One address cannot spread its guesses over many accounts: ten failures a minute, then it is refused."""
    people = [make_user(f"person{n}@example.org") for n in range(3)]
    for person in people[:2]:
        fail(client, person.email, 5)
    response = client.post(reverse("account_login"), {"login": people[2].email, "password": PASSWORD})
    assert "_auth_user_id" not in client.session
    assert "Too many" in response.content.decode()
