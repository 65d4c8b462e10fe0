"""The peer network's models, one module per noun; each is imported here so Django finds it."""

from .library import Licence, Resource, ResourceKind
from .members import (
    MemberProfile,
    NetworkInvitation,
    NetworkInvitationStatus,
    Organisation,
    OrganisationKind,
    Tag,
    TagKind,
    Visibility,
)
from .mentoring import MentoringAction, MentoringPair, MentoringSession, PairStatus

__all__ = [
    "Licence",
    "MemberProfile",
    "MentoringAction",
    "MentoringPair",
    "MentoringSession",
    "NetworkInvitation",
    "NetworkInvitationStatus",
    "Organisation",
    "OrganisationKind",
    "PairStatus",
    "Resource",
    "ResourceKind",
    "Tag",
    "TagKind",
    "Visibility",
]
