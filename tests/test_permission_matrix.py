"""The permission matrix: every URL of the project is declared here with who may open it.

A URL missing from the matrix fails the walk. Each declared URL is requested as anonymous, a
stakeholder, an officer of city A, an officer of city B and program staff; objects always
belong to city A, so city B's officer must never get them.
"""

import os
from importlib import import_module
from pathlib import Path

import pytest
from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from ccrs import services
from ccrs.links import link_token
from tests.permissions import DENY, GONE, LOGIN, OK, PERSONAS, REDIRECT, Rule, every, outcome, signed_in

CITY = {"slug": "{city_a.slug}"}
INVITATION = {"slug": "{city_a.slug}", "invitation_id": "{invitation_a.pk}"}

PROJECT_MATRIX = {
    "home": Rule(signed_in(REDIRECT)),
    "healthz": Rule(every(OK)),
    "set_language": Rule(every(REDIRECT), method="post", data={"language": "vi", "next": "/"}),
    "program_dashboard": Rule({**signed_in(DENY), "staff": OK}),
    # Staff and every city team (city B's too: only the figures peers may see are shown, tests/ccrs/test_benchmark.py).
    "program_benchmark": Rule({**signed_in(DENY), "member_a": OK, "member_b": OK, "staff": OK}),
    "program_benchmark_export": Rule(
        {**signed_in(DENY), "member_a": OK, "member_b": OK, "staff": OK}, kwargs={"fmt": "csv"}
    ),
    "invitations": Rule(signed_in(OK)),
    "profile": Rule(signed_in(OK)),
    # A valid link opens for anyone; a signed-in person with another e-mail is refused.
    "invitation_accept": Rule({**signed_in(DENY), "anonymous": OK}, kwargs={"token": "{token_a}"}),
    # Staff without an authenticator where one is required are held here (tests/ccrs/test_staff_enrolment.py);
    # anyone else is sent on.
    "staff_enrolment": Rule({**signed_in(REDIRECT), "anonymous": LOGIN}),
    "staff_enrolment_confirm": Rule({**signed_in(REDIRECT), "anonymous": LOGIN}, kwargs={"token": "not-a-token"}),
    "cities:list": Rule({"anonymous": LOGIN, "stakeholder": DENY, "member_a": OK, "member_b": OK, "staff": OK}),
    "cities:dashboard": Rule(
        {"anonymous": LOGIN, "stakeholder": DENY, "member_a": OK, "member_b": DENY, "staff": OK}, kwargs=CITY
    ),
    "cities:team": Rule(
        {"anonymous": LOGIN, "stakeholder": DENY, "member_a": OK, "member_b": DENY, "staff": OK}, kwargs=CITY
    ),
    # Officers are not leads: only staff (and the city's lead, tested elsewhere) manage invitations.
    "cities:invitation_resend": Rule({**signed_in(DENY), "staff": REDIRECT}, method="post", kwargs=INVITATION),
    "cities:invitation_revoke": Rule({**signed_in(DENY), "staff": REDIRECT}, method="post", kwargs=INVITATION),
    "network:home": Rule({**signed_in(OK), "stakeholder": DENY}),
    # Private files (an evidence photo of a city A pilot update, from tests/pilots/matrix.py).
    "media": Rule({**every(DENY), "member_a": OK, "staff": OK}, kwargs={"name": "{evidence_a}"}),
    "admin_login": Rule(every(LOGIN)),  # the admin signs in through allauth
    # django-allauth
    "account_login": Rule({**signed_in(REDIRECT), "anonymous": OK}),
    "account_logout": Rule({**signed_in(OK), "anonymous": REDIRECT}),
    "account_inactive": Rule(every(OK)),
    "account_signup": Rule({**signed_in(REDIRECT), "anonymous": OK}),
    "account_reauthenticate": Rule(signed_in(OK)),
    # Reauthentication by a code sent to the account's verified address (every account has one).
    "account_request_reauthentication_code": Rule(signed_in(OK)),
    "account_confirm_reauthentication_code": Rule(signed_in(REDIRECT)),
    "account_email": Rule(signed_in(OK)),
    # The code page opens only while a verification is under way (tests/ccrs/test_email_verification.py).
    "account_email_verification_sent": Rule({**signed_in(REDIRECT), "anonymous": LOGIN}),
    "account_change_password": Rule(signed_in(OK)),
    "account_set_password": Rule(signed_in(REDIRECT)),
    "account_reset_password": Rule(every(OK)),
    "account_request_login_code": Rule({**signed_in(REDIRECT), "anonymous": OK}),
    "account_confirm_login_code": Rule({**signed_in(REDIRECT), "anonymous": LOGIN}),
    "account_reset_password_from_key_done": Rule(every(OK)),
    "account_reset_password_from_key": Rule(every(OK), kwargs={"uidb36": "zz", "key": "not-a-key"}),
    "account_reset_password_done": Rule(every(OK)),
    "mfa_index": Rule(signed_in(OK)),
    "mfa_authenticate": Rule({**signed_in(REDIRECT), "anonymous": LOGIN}),
    "mfa_reauthenticate": Rule({**signed_in(REDIRECT), "anonymous": LOGIN}),
    # Enrolling or changing a second factor asks for the password again first.
    "mfa_activate_totp": Rule(signed_in(REDIRECT)),
    "mfa_deactivate_totp": Rule({**signed_in(DENY), "anonymous": LOGIN}),
    "mfa_view_recovery_codes": Rule({**signed_in(DENY), "anonymous": LOGIN}),
    "mfa_generate_recovery_codes": Rule(signed_in(REDIRECT)),
    "mfa_download_recovery_codes": Rule({**signed_in(DENY), "anonymous": LOGIN}),
}

# Each app declares its URLs in tests/<app>/matrix.py (or, for an app of several parts, matrix_<part>.py):
# MATRIX, and optionally objects(world), which adds the app's city A objects to world["format"] (URL
# arguments) and world["objects"] (admin).
APP_MATRICES = [
    import_module(f"tests.{path.parent.name}.{path.stem}")
    for path in sorted(Path(__file__).parent.glob("*/matrix*.py"))
]
MATRIX = {**PROJECT_MATRIX}
for _module in APP_MATRICES:
    MATRIX.update(_module.MATRIX)

# The admin: staff only; everyone else is sent to sign in.
ADMIN_OUTCOMES = {**every(LOGIN), "staff": OK}
ADMIN_SPECIAL = {
    # A GET signs nobody out: staff get 405, others are sent back to the admin.
    "admin:logout": Rule({**every(REDIRECT), "staff": GONE}),
    "admin:login": Rule(every(LOGIN)),  # shadowed by admin_login
    "admin:view_on_site": Rule({**every(LOGIN), "staff": REDIRECT}),
    "admin:autocomplete": Rule({**every(LOGIN), "staff": DENY}),  # refuses a request without its field
    "admin:password_change_done": Rule(ADMIN_OUTCOMES),
    "admin:ccrs_report_add": Rule({**every(LOGIN), "staff": DENY}),  # reports are asked for on their pages
    # Rows only the site's own flows write (tests/test_admin_rules.py): staff read them in the admin.
    "admin:cocreation_vote_add": Rule({**every(LOGIN), "staff": DENY}),
    "admin:cocreation_idearating_add": Rule({**every(LOGIN), "staff": DENY}),
    "admin:cocreation_conflictdeclaration_add": Rule({**every(LOGIN), "staff": DENY}),
    "admin:cocreation_score_add": Rule({**every(LOGIN), "staff": DENY}),
    "admin:network_registration_add": Rule({**every(LOGIN), "staff": DENY}),
    # Case study photos are uploaded on the study's page (EXIF removed); published versions are never written here.
    "admin:network_casestudyphoto_add": Rule({**every(LOGIN), "staff": DENY}),
    "admin:network_casestudyversion_add": Rule({**every(LOGIN), "staff": DENY}),
    # Discussions: topics and posts are written on the site; flags, decisions and mail records by its flows.
    **{
        f"admin:network_{model}_add": Rule({**every(LOGIN), "staff": DENY})
        for model in [
            "topic",
            "post",
            "flag",
            "mention",
            "moderationdecision",
            "notificationpreference",
            "digestsent",
            "notificationsent",
        ]
    },  # fmt: skip
}


def walk(patterns, namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = ":".join(filter(None, [namespace, pattern.namespace]))
            yield from walk(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern):
            yield ":".join(filter(None, [namespace, pattern.name or ""])), pattern


def all_url_names():
    return sorted({name for name, _pattern in walk(get_resolver().url_patterns)})


def admin_rule(name, pattern, objects):
    """Build the request of an admin URL from its name: <app>_<model>_<view> on a city A object."""
    if name == "admin":  # the catch-all of unknown admin addresses
        return Rule({**every(LOGIN), "staff": DENY}, path="/admin/no-such-page/")
    if name in ADMIN_SPECIAL:
        rule = ADMIN_SPECIAL[name]
    elif name.startswith("admin:auth_group"):
        rule = Rule({**every(LOGIN), "staff": DENY})  # Django permission groups: superusers only
    else:
        rule = Rule(ADMIN_OUTCOMES)
    kwargs = {}
    keys = set(pattern.pattern.regex.groupindex)
    if name.endswith("_simple_history"):  # django-simple-history's page of one past version
        keys = {"object_id", "history_id"}
    if name == "admin:auth_user_password_change":  # UserAdmin names it after auth.User
        return Rule(rule.outcomes, kwargs={"id": objects[apps.get_model("ccrs", "User")].pk})
    if "app_label" in keys:
        kwargs["app_label"] = "cities"
    if keys & {"object_id", "content_type_id", "history_id"}:
        model = None
        if name != "admin:view_on_site":
            model = next(
                m for m in apps.get_models() if name.startswith(f"admin:{m._meta.app_label}_{m._meta.model_name}_")
            )
        else:
            from django.contrib.contenttypes.models import ContentType

            model = apps.get_model("cities", "City")
            kwargs["content_type_id"] = ContentType.objects.get_for_model(model).pk
        obj = objects.get(model) or model._default_manager.order_by("pk").first()
        assert obj is not None, f"no {model.__name__} to open {name} with"
        kwargs["object_id"] = obj.pk
        if "history_id" in keys:
            kwargs["history_id"] = obj.history.order_by("history_id").first().history_id
    if name.endswith("_simple_history"):
        return Rule(rule.outcomes, path=reverse(name, args=[kwargs["object_id"], kwargs["history_id"]]))
    return Rule(rule.outcomes, kwargs=kwargs)


def test_every_url_is_declared():
    """A URL added without a line in the matrix fails here."""
    missing = [n for n in all_url_names() if not n.startswith("admin") and n not in MATRIX]
    stale = [n for n in MATRIX if n not in all_url_names()]
    assert not missing, f"URLs missing from the permission matrix: {missing}"
    assert not stale, f"matrix entries for URLs that no longer exist: {stale}"


@pytest.fixture
def world(city_a, city_b, staff, stakeholder, member_a, member_b, invitation_a, lead_a, network_member):
    """The objects the matrix needs, all of city A."""
    from allauth.mfa.models import Authenticator
    from django.contrib.auth.models import Group

    from ccrs.models import CityMembership

    Authenticator.objects.create(user=lead_a, type=Authenticator.Type.RECOVERY_CODES, data={"seed": "00" * 20})
    group = Group.objects.create(name="Program finance")
    world = {
        "users": {
            "stakeholder": stakeholder,
            "member_a": member_a,
            "member_b": member_b,
            "staff": staff,
            "mentor": network_member,
        },
        "format": {
            "city_a": city_a,
            "invitation_a": invitation_a,
            "token_a": link_token(services.TEAM_INVITATION, invitation_a),
        },
        "objects": {
            apps.get_model("cities", "City"): city_a,
            apps.get_model("cities", "Cohort"): city_a.cohort,
            apps.get_model("ccrs", "Invitation"): invitation_a,
            apps.get_model("ccrs", "CityMembership"): CityMembership.objects.get(user=member_a),
            apps.get_model("ccrs", "User"): member_a,
            apps.get_model("mfa", "Authenticator"): Authenticator.objects.get(user=lead_a),
            Group: group,
        },
    }
    for module in APP_MATRICES:
        if hasattr(module, "objects"):
            module.objects(world)
    return world


def classify(response):
    status = response.status_code
    if status == 200:
        return OK
    if status in (301, 302):
        location = response["Location"]
        return LOGIN if location.startswith(reverse("account_login")) or "/login/" in location else REDIRECT
    if status in (403, 404):
        return DENY
    if 400 <= status < 500:
        return GONE
    return f"status {status}"


def declared_rules(world):
    """Every URL's rule; MATRIX_ONLY=network:,admin:network_ walks only the names with those prefixes (while
    working on one app: CI walks them all)."""
    only = tuple(filter(None, os.environ.get("MATRIX_ONLY", "").split(",")))
    for name, pattern in walk(get_resolver().url_patterns):
        if only and not name.startswith(only):
            continue
        if name == "admin" or name.startswith("admin:"):
            yield name, admin_rule(name, pattern, world["objects"])
        else:
            yield name, MATRIX[name]


def url_of(world, name, rule):
    """The address a rule requests, its arguments filled in from the world's city A objects."""
    kwargs = {k: v.format(**world["format"]) if isinstance(v, str) else v for k, v in rule.kwargs.items()}
    return rule.path or reverse(name, kwargs=kwargs)


def request_as(client_for, world, persona, name, rule):
    user = world["users"].get(persona)
    url = url_of(world, name, rule)
    client = client_for(user)
    data = {k: v.format(**world["format"]) if isinstance(v, str) else v for k, v in rule.data.items()}
    return url, getattr(client, rule.method)(url, data)


@pytest.mark.parametrize("persona", PERSONAS)
def test_matrix(persona, world, client_for):
    """Each URL answers each persona as the matrix says; city A's objects stay hidden from city B."""
    wrong = []
    for name, rule in declared_rules(world):
        url, response = request_as(client_for, world, persona, name, rule)
        got = classify(response)
        if got != outcome(rule, persona):
            wrong.append(f"{name} {rule.method.upper()} {url}: expected {outcome(rule, persona)}, got {got}")
    assert not wrong, f"{persona}:\n" + "\n".join(wrong)


def test_member_of_b_never_sees_city_a_data(world, client_for):
    """Whatever id or slug a city B officer types, no page shows city A's name or team."""
    client = client_for(world["users"]["member_b"])
    city_a = world["format"]["city_a"]
    for url in [f"/cities/{city_a.slug}/", f"/cities/{city_a.slug}/team/", "/cities/"]:
        body = client.get(url).content.decode()
        assert city_a.local_name not in body, url
        assert world["users"]["member_a"].email not in body, url
