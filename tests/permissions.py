"""The vocabulary of the permission matrix (tests/test_permission_matrix.py and tests/<app>/matrix.py)."""

from dataclasses import dataclass, field

PERSONAS = ["anonymous", "stakeholder", "member_a", "member_b", "staff", "mentor"]
# A network member outside any city team (a mentor, a partner, an inspiration city). Outside the network's
# pages such a person has no more rights than a stakeholder: a rule that does not name "mentor" expects
# the stakeholder's outcome for them (outcome()).

OK = "ok"  # 200
LOGIN = "login"  # redirect to the sign-in page
DENY = "deny"  # 403 or 404
REDIRECT = "redirect"  # 302 elsewhere
GONE = "gone"  # 405 (method not allowed) and other 4xx answers of a bad request


@dataclass
class Rule:
    outcomes: dict
    method: str = "get"
    kwargs: dict = field(default_factory=dict)
    data: dict = field(default_factory=dict)
    path: str = ""  # for an unnamed URL (the admin's catch-all)


def outcome(rule: "Rule", persona: str) -> str:
    if persona == "mentor" and persona not in rule.outcomes:
        return rule.outcomes["stakeholder"]
    return rule.outcomes[persona]


def every(outcome):
    return dict.fromkeys(PERSONAS, outcome)


def signed_in(outcome, anonymous=LOGIN):
    return {"anonymous": anonymous, **dict.fromkeys(PERSONAS[1:], outcome)}
