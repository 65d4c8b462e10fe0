"""The peer network's models, one module per noun; each is imported here so Django finds it."""

from .events import CalendarFeed, Event, EventKind, EventStatus, Registration, RegistrationStatus
from .library import Licence, Resource, ResourceKind
from .members import MemberProfile, Organisation, OrganisationKind, Tag, TagKind, Visibility

__all__ = [
    "CalendarFeed",
    "Event",
    "EventKind",
    "EventStatus",
    "Registration",
    "RegistrationStatus",
    "Licence",
    "MemberProfile",
    "Organisation",
    "OrganisationKind",
    "Resource",
    "ResourceKind",
    "Tag",
    "TagKind",
    "Visibility",
]
