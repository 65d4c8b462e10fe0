"""The selected sector: proposed by the city, approved or rejected by the program."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import (
    Assessment,
    AssessmentStatus,
    Baseline,
    CandidateSector,
    IndicatorValue,
    Selection,
    SelectionStatus,
)
from .assessments import _refuse


@transaction.atomic
def selection_propose(*, assessment: Assessment, sector: CandidateSector, rationale: str, user) -> Selection:
    """The city lead proposes the sector to work on, once staff have approved the assessment."""
    assessment = Assessment.objects.select_for_update().get(pk=assessment.pk)
    if assessment.status != AssessmentStatus.APPROVED:
        _refuse(_("Staff must approve the assessment before a sector can be proposed."))
    if sector.assessment_id != assessment.pk:
        _refuse(_("Choose one of the assessment's candidate sectors."))
    if not rationale.strip():
        _refuse(_("Explain why this sector: the rationale is required."))
    if Selection.objects.filter(assessment=assessment, status__in=["proposed", "approved"]).exists():
        _refuse(_("A sector is already proposed or approved for this city."))
    try:
        with transaction.atomic():
            return Selection.objects.create(
                assessment=assessment, sector=sector, rationale=rationale.strip(), proposed_by=user
            )
    except IntegrityError:
        _refuse(_("A sector is already proposed or approved for this city."))


@transaction.atomic
def selection_approve(*, selection: Selection, user, comment: str = "") -> Selection:
    """Staff approve the proposal; the sector's indicator values become the baselines."""
    selection = Selection.objects.select_for_update().select_related("sector").get(pk=selection.pk)
    if selection.status != SelectionStatus.PROPOSED:
        _refuse(
            _("Only a proposed sector can be approved; this one is %(status)s."),
            status=selection.get_status_display().lower(),
        )
    selection.status = SelectionStatus.APPROVED
    selection.comment = comment
    selection.decided_by, selection.decided_at = user, timezone.now()
    selection.save(update_fields=["status", "comment", "decided_by", "decided_at", "updated_at"])
    values = IndicatorValue.objects.filter(sector=selection.sector).select_related("criterion")
    Baseline.objects.bulk_create(
        [
            Baseline(
                selection=selection,
                criterion=v.criterion,
                name=v.criterion.name,
                unit=v.criterion.unit,
                direction=v.criterion.direction,
                value=v.value,
                source=v.source,
                confidence=v.confidence,
            )
            for v in values
        ]
    )
    return selection


@transaction.atomic
def selection_reject(*, selection: Selection, user, comment: str) -> Selection:
    if not comment.strip():
        _refuse(_("Say why the proposal is sent back."))
    selection = Selection.objects.select_for_update().get(pk=selection.pk)
    if selection.status != SelectionStatus.PROPOSED:
        _refuse(
            _("Only a proposed sector can be sent back; this one is %(status)s."),
            status=selection.get_status_display().lower(),
        )
    selection.status = SelectionStatus.REJECTED
    selection.comment = comment.strip()
    selection.decided_by, selection.decided_at = user, timezone.now()
    selection.save(update_fields=["status", "comment", "decided_by", "decided_at", "updated_at"])
    return selection
