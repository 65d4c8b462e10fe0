"""Which stored files of the co-creation app a person may read: those of the cities they may see."""

from cities.selectors import cities_visible_to

from .models import ProposalDocument, SubmissionFile, Workshop


def can_read(*, user, name: str) -> bool:
    if not user.is_authenticated or not name.startswith("cocreation/"):
        return False
    cities = cities_visible_to(user=user)
    return (
        ProposalDocument.objects.filter(file=name, proposal__call__process__city__in=cities).exists()
        or SubmissionFile.objects.filter(file=name, submission__workshop__process__city__in=cities).exists()
        or Workshop.objects.filter(report=name, process__city__in=cities).exists()
    )
