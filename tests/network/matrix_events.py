"""The network events' URLs in the permission matrix, and their objects: an upcoming event organised by city A's
team (member_a, its officer, is registered), one with registration questions, and city A's officer's calendar."""

from tests.permissions import DENY, OK, REDIRECT, Rule, every, signed_in

NETWORK = {**signed_in(OK), "stakeholder": DENY}
NETWORK_POST = {**signed_in(REDIRECT), "stakeholder": DENY}
EVENT = {"pk": "{event_a.pk}"}
# Staff and the organising city's leads and officers manage; officers of any city schedule.
MANAGE = {**signed_in(DENY), "member_a": OK, "staff": OK}
MANAGE_POST = {**signed_in(DENY), "member_a": REDIRECT, "staff": REDIRECT}

MATRIX = {
    "network:event_list": Rule(NETWORK),
    "network:event_mine": Rule(NETWORK),
    "network:event_create": Rule({**signed_in(DENY), "member_a": OK, "member_b": OK, "staff": OK}),
    "network:calendar_revoke": Rule(NETWORK_POST, method="post"),
    # A feed's secret address is its own key: whoever holds it reads it (a calendar app signs in as nobody).
    "network:calendar_feed_mine": Rule(every(OK), kwargs={"token": "{feed_mine_a}"}),
    "network:calendar_feed_all": Rule(every(OK), kwargs={"token": "{feed_all_a}"}),
    "network:event_detail": Rule(NETWORK, kwargs=EVENT),
    "network:event_register": Rule(NETWORK, kwargs={"pk": "{event_questions_a.pk}"}),
    # Only a person registered has a registration to cancel.
    "network:registration_cancel": Rule({**signed_in(DENY), "member_a": REDIRECT}, method="post", kwargs=EVENT),
    "network:event_ics": Rule(NETWORK, kwargs=EVENT),
    "network:event_edit": Rule(MANAGE, kwargs=EVENT),
    "network:event_cancel": Rule(MANAGE_POST, method="post", kwargs=EVENT),
    "network:event_attendance": Rule(MANAGE, kwargs=EVENT),
    "network:event_close": Rule(MANAGE, kwargs=EVENT),
}


def objects(world):
    from ccrs import links
    from network.models import CalendarFeed, Event, Organisation, Registration
    from network.services import events as services
    from tests.network.events_factories import make_event

    city_a = world["format"]["city_a"]
    staff, member_a = world["users"]["staff"], world["users"]["member_a"]
    organiser, _created = Organisation.objects.get_or_create(
        city=city_a, defaults={"name": "Can Tho city team", "kind": "participant_city"}
    )
    event = make_event(staff, capacity=10, organiser=organiser, title="Ngân hàng rác", language="vi")
    questioned = make_event(staff, questions=[{"text": "Your city", "required": True}])
    services.registration_create(event=event, user=member_a)
    feed = services.calendar_feed_of(user=member_a)
    world["format"].update(
        {
            "event_a": event,
            "event_questions_a": questioned,
            "feed_mine_a": links.link_token(services.FEED_MINE, feed),
            "feed_all_a": links.link_token(services.FEED_ALL, feed),
        }
    )
    world["objects"].update(
        {
            Event: event,
            Registration: Registration.objects.get(event=event, user=member_a),
            CalendarFeed: feed,
        }
    )
