"""Reads of the project package: the program dashboard, a person's invitations, navigation."""

from allauth.account.models import EmailAddress
from django.conf import settings
from django.db.models import Count, Q
from django.db.models.functions import Lower

from . import panels
from .models import CityMembership, Invitation, InvitationStatus, Report, User


def memberships_of(*, user) -> list[CityMembership]:
    """The user's team memberships with their cities (one query, cached on the user object)."""
    if not user.is_authenticated:
        return []
    if not hasattr(user, "_memberships"):
        user._memberships = list(user.memberships.select_related("city").order_by("city__name"))
        user._city_roles = {m.city_id: m.role for m in user._memberships}
    return user._memberships


def program_dashboard(*, user) -> dict:
    """Figures of the whole program for staff: accounts by role, and the apps' own (cohorts, cities, stakeholders)."""
    people = User.objects.aggregate(
        staff=Count("pk", filter=Q(is_staff=True)),
        network_members=Count("pk", filter=Q(is_network_member=True)),
        city_team=Count("pk", filter=Q(memberships__isnull=False), distinct=True),
    )
    return {**panels.program_figures(user=user), "people": people}


def email_is_verified(*, user, email: str) -> bool:
    """Whether the user has proved they read this address (allauth's verification or an e-mailed link)."""
    return EmailAddress.objects.filter(user=user, email__iexact=email.strip(), verified=True).exists()


def account_exists(*, email: str) -> bool:
    """Whether someone has an account with this e-mail address already (in any case), for an invitation link."""
    return User.objects.filter(email__iexact=email).exists()


def invitations_for(*, user) -> list[Invitation]:
    """Pending team invitations addressed to one of the user's verified addresses (one query)."""
    verified = EmailAddress.objects.filter(user=user, verified=True).annotate(lower=Lower("email")).values("lower")
    return list(
        Invitation.objects.filter(email__in=verified, status=InvitationStatus.PENDING)
        .select_related("city")
        .order_by("-created_at")
    )


def _labelled(reports):
    from . import reporting

    for report in reports:
        kind = reporting.kind_get(report.kind)
        report.label = kind.label if kind else report.kind
    return reports


def report_get(*, user, key) -> Report | None:
    """The report if the user may see it now: the kind's own rule, checked again on every request."""
    from . import reporting

    report = Report.objects.select_related("city").filter(key=key).first()
    if report is None or not user.is_authenticated:
        return None
    kind = reporting.kind_get(report.kind)
    if kind is None or not kind.can_request(user, report.params.get("object_id")):
        return None
    return _labelled([report])[0]


def reports_of(*, user, limit: int = 50) -> list[Report]:
    """The reports a person asked for, newest first (one query)."""
    if not user.is_authenticated:
        return []
    return _labelled(
        list(Report.objects.filter(requested_by=user).select_related("city").order_by("-created_at")[:limit])
    )


def report_language(*, report_id: int) -> str:
    """The language a report is drawn in, for a message about it written outside the build."""
    language = Report.objects.filter(pk=report_id).values_list("params__language", flat=True).first()
    return language or settings.LANGUAGE_CODE
