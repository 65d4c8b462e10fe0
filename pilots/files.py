"""Which stored files of the pilots app a person may read: those of pilots they may see."""

from .models import Expenditure, Milestone, UpdateEvidence
from .selectors import pilots_visible_to


def can_read(*, user, name: str) -> bool:
    if not user.is_authenticated or not name.startswith("pilots/"):
        return False
    pilots = pilots_visible_to(user=user)
    return (
        UpdateEvidence.objects.filter(file=name, update__period__indicator__result__pilot__in=pilots).exists()
        or Expenditure.objects.filter(evidence=name, budget_line__pilot__in=pilots).exists()
        or Milestone.objects.filter(evidence=name, pilot__in=pilots).exists()
    )
