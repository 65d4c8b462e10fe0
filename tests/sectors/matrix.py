"""The sector assessment's URLs in the permission matrix: city A's approved assessment with a proposal."""

from sectors import services
from sectors.models import Baseline, IsicCode, SurveyResponse
from tests.permissions import DENY, LOGIN, OK, REDIRECT, Rule, every, signed_in
from tests.sectors.factories import survey_response

CITY = {"slug": "{city_a.slug}"}
SECTOR = {"slug": "{city_a.slug}", "sector_id": "{sector_a.pk}"}
VIEW = {"anonymous": LOGIN, "stakeholder": DENY, "member_a": OK, "member_b": DENY, "staff": OK}
EDIT_POST = {"anonymous": LOGIN, "stakeholder": DENY, "member_a": REDIRECT, "member_b": DENY, "staff": REDIRECT}
STAFF_ONLY = {**signed_in(DENY), "staff": OK}
STAFF_POST = {**signed_in(DENY), "staff": REDIRECT}

MATRIX = {
    "sectors:overview": Rule(STAFF_ONLY),
    # The SME survey opens for anyone with the link, signed in or not.
    "sectors:survey_public": Rule(every(OK), kwargs={"token": "{survey_token_a}"}),
    "sectors:survey_thanks": Rule(every(OK), kwargs={"token": "{survey_token_a}"}),
    "sectors:workspace": Rule(VIEW, kwargs=CITY),
    "sectors:start": Rule(EDIT_POST, method="post", kwargs=CITY),
    "sectors:settings": Rule(VIEW, kwargs=CITY),
    "sectors:sector_add": Rule(VIEW, kwargs=CITY),
    "sectors:sector_edit": Rule(VIEW, kwargs=SECTOR),
    "sectors:sector_values": Rule(VIEW, kwargs=SECTOR),
    "sectors:sector_remove": Rule(EDIT_POST, method="post", kwargs=SECTOR),
    "sectors:values_import": Rule(VIEW, kwargs=CITY),
    "sectors:values_template": Rule(VIEW, kwargs=CITY),
    "sectors:ahp": Rule(VIEW, kwargs=CITY),
    "sectors:ranking": Rule(VIEW, kwargs=CITY),
    "sectors:submit": Rule(EDIT_POST, method="post", kwargs=CITY),
    "sectors:review": Rule(STAFF_POST, method="post", kwargs=CITY),
    "sectors:reopen": Rule(STAFF_POST, method="post", kwargs=CITY),
    "sectors:survey": Rule(VIEW, kwargs=CITY),
    "sectors:survey_apply": Rule(EDIT_POST, method="post", kwargs=CITY),
    "sectors:survey_renew": Rule(EDIT_POST, method="post", kwargs=CITY),
    # Officers are not leads: only the city's lead (tested elsewhere) and staff propose.
    "sectors:selection_propose": Rule(STAFF_ONLY, kwargs=CITY),
    "sectors:selection_decide": Rule(
        STAFF_POST, method="post", kwargs={"slug": "{city_a.slug}", "selection_id": "{selection_a.pk}"}
    ),
}


def objects(world):
    from ccrs.links import link_token
    from ccrs.models import CityMembership

    city = world["format"]["city_a"]
    staff = world["users"]["staff"]
    lead = CityMembership.objects.get(city=city, role="lead").user
    assessment = services.assessment_start(city=city)
    criteria = list(city.cohort.criteria.order_by("order"))
    sectors = [
        services.sector_add(assessment=assessment, isic_code="38", local_name="Waste collection", city_employment=10),
        services.sector_add(assessment=assessment, isic_code="I", local_name="Waterfront tourism"),
    ]
    for base, sector in enumerate(sectors):
        for n, criterion in enumerate(criteria):
            services.value_set(sector=sector, criterion=criterion, value=base + n)
    response = survey_response(assessment=assessment, sector=sectors[0])
    services.assessment_submit(assessment=assessment, user=lead)
    services.assessment_approve(assessment=assessment, user=staff)
    selection = services.selection_propose(assessment=assessment, sector=sectors[0], rationale="Why", user=lead)
    baseline = Baseline.objects.create(
        selection=selection, criterion=criteria[0], name="Jobs", unit="%", direction="higher", value=1, confidence="low"
    )
    world["format"].update(
        {
            "assessment_a": assessment,
            "sector_a": sectors[0],
            "selection_a": selection,
            "survey_token_a": link_token(services.SURVEY_LINK, assessment),
        }
    )
    value = sectors[0].values.first()
    world["objects"].update(
        {
            IsicCode: IsicCode.objects.get(code="38"),
            type(criteria[0]): criteria[0],
            type(assessment): assessment,
            type(sectors[0]): sectors[0],
            type(value): value,
            SurveyResponse: response,
            type(selection): selection,
            Baseline: baseline,
        }
    )
