"""What the case studies' services share: the refusal of an illegal move, the locked row, photo limits, and how
an anonymous quote names its speaker."""

from functools import wraps

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ...models import (
    CaseStudy,
    CaseStudyStatus,
    SpeakerKind,
)

PHOTO_TYPES = ("jpg", "png", "webp")
PHOTO_MAX_BYTES = 8 * 1024 * 1024

# A quote without its speaker's name: who said it, in their city.
ANONYMOUS = {
    SpeakerKind.SME: gettext_lazy("an SME owner in %(city)s"),
    SpeakerKind.SME_ASSOCIATION: gettext_lazy("a member of an SME association in %(city)s"),
    SpeakerKind.CITY_DEPARTMENT: gettext_lazy("a city official in %(city)s"),
    SpeakerKind.NGO: gettext_lazy("an NGO worker in %(city)s"),
    SpeakerKind.ACADEMIA: gettext_lazy("a researcher in %(city)s"),
    SpeakerKind.FINANCE: gettext_lazy("a finance professional in %(city)s"),
    SpeakerKind.OTHER: gettext_lazy("a participant in %(city)s"),
}


def _refuse(study: CaseStudy, allowed: set, message) -> None:
    """A ValidationError with `message` (naming the study's `%(status)s`) unless the study is in an allowed state."""
    if study.status not in allowed:
        raise ValidationError(message % {"status": str(CaseStudyStatus(study.status).label).lower()})


def _refreshes(service):
    """The caller's study object shows the step's outcome (the service works on a locked copy of the row)."""

    @wraps(service)
    def wrapped(*, study: CaseStudy, **kwargs):
        result = service(study=study, **kwargs)
        study.refresh_from_db()
        return result

    return wrapped


def _locked(study: CaseStudy) -> CaseStudy:
    """The study's row, locked for this transaction (two steps at once wait for each other)."""
    return CaseStudy.objects.select_for_update().select_related("city").get(pk=study.pk)


def _classify(study: CaseStudy, figures: dict) -> None:
    """The sector and principles the public listing filters by, from the sector assessment's figures."""
    values = figures["assessment"]["values"]
    study.sector_isic = values.get("selected_isic") or ""
    study.sector_name = values.get("selected_sector") or ""
    study.principles = values.get("principles") or []


def _editable(study: CaseStudy) -> None:
    if study.status not in {CaseStudyStatus.DRAFT}:
        raise ValidationError(
            _("Only a draft can be changed; this case study is %(status)s.")
            % {"status": str(CaseStudyStatus(study.status).label).lower()}
        )
