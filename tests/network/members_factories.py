"""Builders of the directory's rows for the network's tests (plain functions: no fixture is shared)."""

from network.models import MemberProfile, Organisation, OrganisationKind, Tag, TagKind


def tag(kind=TagKind.TOPIC, code="flooding", name="Flooding", **names):
    return Tag.objects.get_or_create(kind=kind, code=code, defaults={"name": name, "names": names})[0]


def organisation(name="Rotterdam", kind=OrganisationKind.INSPIRATION_CITY, **fields):
    return Organisation.objects.create(name=name, kind=kind, **fields)


def profile(user, *, tags=(), **fields):
    row, _created = MemberProfile.objects.update_or_create(user=user, defaults=fields)
    row.tags.set(tags)
    return row
