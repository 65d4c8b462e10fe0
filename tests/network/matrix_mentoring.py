"""Mentoring's URLs in the permission matrix: a pair of the mentor persona with city A."""

from tests.permissions import DENY, LOGIN, OK, REDIRECT, Rule, signed_in

IN_NETWORK = {**signed_in(OK), "stakeholder": DENY, "mentor": OK}
PAIR_SIDES = {"anonymous": LOGIN, "stakeholder": DENY, "member_a": OK, "member_b": DENY, "staff": OK, "mentor": OK}
PAIR_POST = {**PAIR_SIDES, "member_a": REDIRECT, "staff": REDIRECT, "mentor": REDIRECT}
PAIR = {"pk": "{pair_a.pk}"}

MATRIX = {
    "network:pair_list": Rule(IN_NETWORK),
    "network:pair_create": Rule({**signed_in(DENY), "staff": OK}),
    "network:pair_detail": Rule(PAIR_SIDES, kwargs=PAIR),
    # Invalid (empty) input answers 400 to those who may log: the form again, with its messages.
    "network:session_log": Rule(
        {**PAIR_SIDES, "member_a": "gone", "staff": "gone", "mentor": "gone"}, method="post", kwargs=PAIR
    ),
    "network:action_add": Rule(
        {**PAIR_SIDES, "member_a": "gone", "staff": "gone", "mentor": "gone"}, method="post", kwargs=PAIR
    ),
    "network:action_complete": Rule(PAIR_POST, method="post", kwargs={"pk": "{action_a.pk}"}),
}


def objects(world):
    from datetime import date

    from network.models import MemberProfile, MentoringAction, MentoringPair, MentoringSession
    from network.services import mentoring as services

    mentor = world["users"]["mentor"]
    MemberProfile.objects.update_or_create(user=mentor, defaults={"is_mentor": True})
    pair = services.pair_create(
        created_by=world["users"]["staff"],
        mentor=mentor,
        city=world["format"]["city_a"],
        goals="Waste banks in two wards",
        started_on=date(2024, 1, 1),
    )
    session = services.session_log(pair=pair, logged_by=mentor, held_on=date(2024, 2, 1), attendees="Lan")
    action = services.action_add(pair=pair, description="Map the wards", owner=mentor, due_on=date(2024, 3, 1))
    world["format"].update({"pair_a": pair, "action_a": action})
    world["objects"].update({MentoringPair: pair, MentoringSession: session, MentoringAction: action})
