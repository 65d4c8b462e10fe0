"""Reads of workshops: the workshop page, its attendance and its closing report."""

from django.db.models import Count, Exists, OuterRef, Q

from ccrs.inputs import page_of

from ..models import (
    Question,
    Stakeholder,
    StakeholderInvitation,
    Submission,
    Workshop,
    WorkshopAttachment,
)
from .common import PAGE_SIZE, visible_get


def workshop_get(*, user, pk: int) -> Workshop | None:
    return visible_get(Workshop, "process__city", user=user, pk=pk)


def workshop_detail(*, workshop: Workshop) -> dict:
    invitations = list(
        StakeholderInvitation.objects.filter(workshop=workshop)
        .select_related("stakeholder")
        .annotate(has_submission=Exists(Submission.objects.filter(invitation=OuterRef("pk"))))
        .order_by("stakeholder__name")[:PAGE_SIZE]
    )
    counts = StakeholderInvitation.objects.filter(workshop=workshop).aggregate(
        invited=Count("pk"),
        checked_in=Count("pk", filter=Q(checked_in_at__isnull=False)),
        submitted=Count("submission"),
        organisations=Count(
            "stakeholder__organisation",
            distinct=True,
            filter=Q(checked_in_at__isnull=False) & ~Q(stakeholder__organisation=""),
        ),
    )
    return {
        "questions": list(workshop.questions.all()),
        "invitations": invitations,
        "counts": counts,
        "uninvited": Stakeholder.objects.filter(city_id=workshop.process.city_id)
        .exclude(invitations__workshop=workshop)
        .count(),
        "organisations_present": organisations_present(workshop=workshop),
        "attachments": list(workshop.attachments.order_by("created_at")),
    }


def attendance_register(*, workshop: Workshop, page: int | str = 1, query: str = "") -> dict:
    """One page of the workshop's invitees for checking in, with the attendance so far."""
    qs = StakeholderInvitation.objects.filter(workshop=workshop)
    if query:
        qs = qs.filter(
            Q(stakeholder__name__icontains=query)
            | Q(stakeholder__organisation__icontains=query)
            | Q(stakeholder__email__icontains=query)
        )
    shown = page_of(
        qs.select_related("stakeholder").order_by("stakeholder__name", "pk"), number=page, per_page=PAGE_SIZE
    )
    return {
        "invitations": shown.pop("rows"),
        **shown,
        **workshop_attendance(workshop=workshop),
    }


def organisations_present(*, workshop: Workshop) -> list[str]:
    """The organisations of the checked-in participants, in alphabetical order (one query)."""
    return list(
        StakeholderInvitation.objects.filter(workshop=workshop, checked_in_at__isnull=False)
        .exclude(stakeholder__organisation="")
        .values_list("stakeholder__organisation", flat=True)
        .distinct()
        .order_by("stakeholder__organisation")
    )


def checked_in_count(*, workshop: Workshop) -> int:
    return StakeholderInvitation.objects.filter(workshop=workshop, checked_in_at__isnull=False).count()


def workshop_attendance(*, workshop: Workshop) -> dict:
    """Attendance from the check-ins: how many came, and the organisations present (two queries)."""
    return {
        "checked_in": checked_in_count(workshop=workshop),
        "organisations_present": organisations_present(workshop=workshop),
    }


def workshop_report(*, workshop: Workshop) -> dict:
    """The closing report: attendance, organisations present and the attached files."""
    return {**workshop_attendance(workshop=workshop), "attachments": list(workshop.attachments.order_by("created_at"))}


def question_get(*, user, pk: int) -> Question | None:
    return visible_get(Question, "workshop__process__city", user=user, pk=pk)


def workshop_questions(*, workshop: Workshop) -> dict:
    """The questions editor: the form's questions in order, and whether input was given already."""
    return {"questions": list(workshop.questions.all()), "answered": workshop.submissions.exists()}


def attachment_get(*, user, pk: int) -> WorkshopAttachment | None:
    return visible_get(WorkshopAttachment, "workshop__process__city", user=user, pk=pk)


def attendance_row(*, invitation: StakeholderInvitation) -> StakeholderInvitation:
    """One invitee's row of the register, as it is now."""
    return StakeholderInvitation.objects.select_related("stakeholder").get(pk=invitation.pk)
