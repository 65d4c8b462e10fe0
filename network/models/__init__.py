"""The peer network's models, one module per noun; each is imported here so Django finds it."""

from .members import MemberProfile, Organisation, OrganisationKind, Tag, TagKind, Visibility

__all__ = ["MemberProfile", "Organisation", "OrganisationKind", "Tag", "TagKind", "Visibility"]
