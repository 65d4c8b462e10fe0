"""Writes of the network's events, by noun: the schedule, registrations with the waitlist, their e-mails and the
calendar feeds."""

from .feeds import FEED_ALL, FEED_MINE, calendar_feed_of, calendar_feed_revoke
from .mail import event_changed_notify, registration_promoted_notify, reminders_send
from .registrations import (
    attendance_record,
    event_capacity_change,
    event_close,
    registration_cancel,
    registration_create,
)
from .schedule import CHANGES_THAT_MOVE, EDITABLE, event_cancel, event_create, event_update

__all__ = [
    "FEED_ALL",
    "FEED_MINE",
    "calendar_feed_of",
    "calendar_feed_revoke",
    "event_changed_notify",
    "registration_promoted_notify",
    "reminders_send",
    "attendance_record",
    "event_capacity_change",
    "event_close",
    "registration_cancel",
    "registration_create",
    "CHANGES_THAT_MOVE",
    "EDITABLE",
    "event_cancel",
    "event_create",
    "event_update",
]
