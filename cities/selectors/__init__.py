"""Reads of the cities app, by noun. Every read takes the user and returns only what they may see."""

from .applications import (
    application_get,
    application_list,
    application_pipeline,
    application_review,
    applications_of_applicant,
    applications_visible_to,
)
from .cities import cities_visible_to, city_dashboard, city_get, city_list, city_page, city_team, invitation_get
from .export import cohort_export
from .onboarding import (
    city_cofunding,
    city_onboarding,
    city_profile,
    cofunding_summary,
    onboarding_step_get,
    program_cities,
    program_dashboard_parts,
)
from .peers import PEER_GROUPS, benchmark_cities, city_peers, onboarding_figures, peer_cities
from .stage import city_stage_details, city_stages, later_app_facts, onboarding_facts

__all__ = [
    "application_get",
    "application_list",
    "application_pipeline",
    "application_review",
    "applications_of_applicant",
    "applications_visible_to",
    "cities_visible_to",
    "city_dashboard",
    "city_get",
    "city_list",
    "city_page",
    "city_team",
    "invitation_get",
    "cohort_export",
    "city_cofunding",
    "city_onboarding",
    "city_profile",
    "cofunding_summary",
    "onboarding_step_get",
    "program_cities",
    "program_dashboard_parts",
    "PEER_GROUPS",
    "benchmark_cities",
    "city_peers",
    "onboarding_figures",
    "peer_cities",
    "city_stage_details",
    "city_stages",
    "later_app_facts",
    "onboarding_facts",
]
