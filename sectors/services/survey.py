"""The SME survey: its public link (a kind of ccrs' personal links), the answers, and the figures they give."""

import uuid
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ccrs import links
from ccrs.links import LinkInvalid

from ..models import (
    Assessment,
    CandidateSector,
    Criterion,
    IndicatorValue,
    SurveyResponse,
    survey_link_expiry,
)
from .assessments import _refuse, _require_editable
from .ranking import assessment_rank

SURVEY_SALT = "sectors.survey"


def _survey_refusal(assessment: Assessment):
    if not assessment.survey_open:
        return LinkInvalid(_("This survey is closed. Thank you for your interest."), status=410)
    if assessment.survey_expires_at <= timezone.now():
        return LinkInvalid(_("This survey link has expired. Ask the city team for the current link."), status=410)
    return None


SURVEY_LINK = links.LinkKind(
    salt=SURVEY_SALT,
    url_name="sectors:survey_public",
    rows=lambda: Assessment.objects.select_related("city"),
    refusal=_survey_refusal,
    key=lambda assessment: str(assessment.survey_key),
    invalid=gettext_lazy("This survey link is not valid or has been replaced. Ask the city for the current link."),
    gone=gettext_lazy("This survey link is not valid or has been replaced. Ask the city for the current link."),
)


def survey_assessment(*, token: str) -> Assessment:
    """The assessment a survey link belongs to, or LinkInvalid for a forged, replaced, closed or expired link."""
    return links.link_open(SURVEY_LINK, token)


@transaction.atomic
def survey_link_renew(*, assessment: Assessment) -> Assessment:
    """A new link with a new expiry; the old one stops working."""
    assessment.survey_key = uuid.uuid4()
    assessment.survey_expires_at = survey_link_expiry()
    assessment.save(update_fields=["survey_key", "survey_expires_at", "updated_at"])
    return assessment


def survey_respond(
    *,
    assessment: Assessment,
    sector: CandidateSector,
    language: str = "",
    submission_key: uuid.UUID | None = None,
    **answers,
) -> SurveyResponse:
    """Store one SME's answers; the same form sent again (same `submission_key`) stores nothing new
    and returns the response it stored the first time.

    The answers are checked before any transaction opens (the sector and the assessment are the objects given,
    not looked up again), and only the insert is atomic: the response's unique submission key, not a lock, keeps
    two sends of one form to one row, so the busiest public form costs one short transaction and no savepoints."""
    if sector.assessment_id != assessment.pk:
        _refuse(_("Choose one of the sectors listed."))
    if not assessment.survey_open:
        _refuse(_("This survey is closed."))
    if submission_key is not None:
        stored = SurveyResponse.objects.filter(assessment=assessment, submission_key=submission_key).first()
        if stored is not None:
            return stored
    response = SurveyResponse(
        assessment=assessment, sector=sector, language=language[:8], submission_key=submission_key, **answers
    )
    response.full_clean(exclude=["assessment", "sector"], validate_unique=False)
    try:
        with transaction.atomic():
            response.save()
    except IntegrityError:
        # The same form sent twice at once: the other request stored it.
        stored = SurveyResponse.objects.filter(assessment=assessment, submission_key=submission_key).first()
        if submission_key is None or stored is None:
            raise
        return stored
    return response


@transaction.atomic
def survey_apply(*, assessment: Assessment) -> int:
    """Write the survey's sector figures into the criteria that draw on it; returns the values written."""
    from ..selectors import survey_summary

    _require_editable(assessment)
    criteria = list(
        Criterion.objects.filter(cohort_id=assessment.city.cohort_id).exclude(survey_metric="").order_by("order")
    )
    written = 0
    for row in survey_summary(assessment=assessment):
        if not row["responses"]:
            continue
        for criterion in criteria:
            figure = row["metrics"].get(criterion.survey_metric)
            if figure is None:
                continue
            IndicatorValue.objects.update_or_create(
                sector=row["sector"],
                criterion=criterion,
                defaults={
                    "value": Decimal(str(round(figure, 2))),
                    "source": _("SME survey, %(count)s responses") % {"count": row["responses"]},
                    "confidence": "high" if row["responses"] >= 30 else "medium" if row["responses"] >= 10 else "low",
                },
            )
            written += 1
    assessment_rank(assessment=assessment)
    return written
