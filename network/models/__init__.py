"""The peer network's models, one module per noun; each is imported here so Django finds it."""

from .discussions import (
    Category,
    DigestSent,
    Flag,
    FlagReason,
    Frequency,
    Mention,
    ModerationAction,
    ModerationDecision,
    NotificationPreference,
    NotificationSent,
    Post,
    PostStatus,
    Topic,
)
from .library import Licence, Resource, ResourceKind
from .members import MemberProfile, Organisation, OrganisationKind, Tag, TagKind, Visibility

__all__ = [
    "Category",
    "DigestSent",
    "Flag",
    "FlagReason",
    "Frequency",
    "Mention",
    "ModerationAction",
    "ModerationDecision",
    "NotificationPreference",
    "NotificationSent",
    "Post",
    "PostStatus",
    "Topic",
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
