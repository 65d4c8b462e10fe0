"""Builders of mentoring pairs for the network's tests (through the services)."""

from datetime import timedelta

from django.utils import timezone

from network.services import mentoring as services

from .members_factories import profile


def pair(*, staff, mentor, city, sme_name="", goals="Waste bank pilots in two wards"):
    profile(mentor, is_mentor=True)
    return services.pair_create(
        created_by=staff,
        mentor=mentor,
        city=city,
        goals=goals,
        sme_name=sme_name,
        started_on=timezone.localdate() - timedelta(days=60),
    )
