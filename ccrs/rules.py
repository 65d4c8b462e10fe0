"""Role predicates shared by every app, and the permissions of the project package."""

import rules


def city_roles(user):
    """{city_id: role} of the user's team memberships, loaded once per user object."""
    from .selectors import memberships_of

    memberships_of(user=user)
    return getattr(user, "_city_roles", {})


def _city_id(city):
    return getattr(city, "pk", city)


@rules.predicate
def is_program_staff(user):
    return bool(user.is_authenticated and user.is_active and user.is_staff)


@rules.predicate
def is_city_member(user, city):
    return city is not None and _city_id(city) in city_roles(user)


@rules.predicate
def is_city_lead(user, city):
    return city is not None and city_roles(user).get(_city_id(city)) == "lead"


@rules.predicate
def is_city_editor(user, city):
    """Lead or officer: may change the city's data; viewers only read."""
    return city is not None and city_roles(user).get(_city_id(city)) in {"lead", "officer"}


@rules.predicate
def is_city_team_member(user):
    return bool(city_roles(user))


@rules.predicate
def is_stakeholder(user):
    return bool(user.is_authenticated and user.is_stakeholder)


@rules.predicate
def is_network_member(user):
    return bool(user.is_authenticated and user.is_network_member)


def of_its_city(role):
    """A city-role predicate (is_city_member, is_city_editor, is_city_lead) checked on the object's city."""

    @rules.predicate
    def on_its_city(user, obj):
        return obj is not None and role(user, obj.city_id)

    return on_its_city


def is_own(field: str):
    """Whether the object's `field` (author_id, applicant_id, mentor_id) is the user: their own post, their
    own application."""

    @rules.predicate
    def owns(user, obj):
        return obj is not None and user.is_authenticated and getattr(obj, field) == user.pk

    return owns


def abilities_on(user, obj, **perms: str) -> dict[str, bool]:
    """{ability: whether the user holds its permission on obj}, for a page to show or hide its buttons."""
    return {ability: user.has_perm(perm, obj) for ability, perm in perms.items()}


rules.add_perm("ccrs.view_program_dashboard", is_program_staff)
# Staff and every city team: the benchmark shows only figures a city's peers may see.
rules.add_perm("ccrs.view_benchmark", is_program_staff | is_city_team_member)
rules.add_perm("ccrs.view_own_invitations", rules.is_authenticated)
