"""factory-boy factories of the co-creation rows, for tests that need many of them or rows in other states.

They write rows directly, without the services' checks: a test that is about a rule calls the service. After them,
`workshop_scheduled`, `workshop_held`, `call_opened` and `translated`: the shorthand of the fixtures that build
through the services.
"""

from datetime import timedelta

import factory
from django.core.files.base import ContentFile
from django.utils import timezone

from cocreation import models, services


class ProcessFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Process

    title = factory.Sequence(lambda n: f"Process {n}")


class StakeholderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Stakeholder

    name = factory.Sequence(lambda n: f"Stakeholder {n}")
    email = factory.Sequence(lambda n: f"person{n}@example.vn")
    kind = models.StakeholderKind.SME


class WorkshopFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Workshop

    process = factory.SubFactory(ProcessFactory)
    title = factory.Sequence(lambda n: f"Workshop {n}")
    kind = models.WorkshopKind.IDEATION
    starts_at = factory.LazyFunction(lambda: timezone.now() - timedelta(hours=2))
    ends_at = factory.LazyAttribute(lambda w: w.starts_at + timedelta(hours=1))
    input_closes_at = factory.LazyAttribute(lambda w: w.ends_at + timedelta(days=5))


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Question

    workshop = factory.SubFactory(WorkshopFactory)
    kind = models.QuestionKind.SHORT_TEXT
    text = factory.Sequence(lambda n: {"en": f"Question {n}"})
    position = factory.Sequence(lambda n: n)


def _stakeholder_of(parent: str):
    """A stakeholder of the city of the invitation's `parent` (its workshop or its call)."""
    return factory.SubFactory(StakeholderFactory, city=factory.SelfAttribute(f"..{parent}.process.city"))


def _link_expiry():
    """A personal link's expiry, thirty days from now."""
    return timezone.now() + timedelta(days=30)


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.StakeholderInvitation

    workshop = factory.SubFactory(WorkshopFactory)
    stakeholder = _stakeholder_of("workshop")
    expires_at = factory.LazyFunction(_link_expiry)


class IdeaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Idea

    workshop = factory.SubFactory(WorkshopFactory)
    title = factory.Sequence(lambda n: f"Idea {n}")


class VoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Vote

    idea = factory.SubFactory(IdeaFactory)
    invitation = factory.SubFactory(InvitationFactory, workshop=factory.SelfAttribute("..idea.workshop"))


class CriterionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Criterion

    process = factory.SubFactory(ProcessFactory)
    name = factory.Sequence(lambda n: f"Criterion {n}")
    weight = 1


class CallFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Call

    process = factory.SubFactory(ProcessFactory)
    title = factory.Sequence(lambda n: f"Call {n}")
    description = "A call for SME proposals."
    deadline = factory.LazyFunction(lambda: timezone.now() + timedelta(days=10))


class CallInvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.CallInvitation

    call = factory.SubFactory(CallFactory)
    stakeholder = _stakeholder_of("call")
    expires_at = factory.LazyFunction(_link_expiry)


class ProposalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Proposal

    call = factory.SubFactory(CallFactory)
    stakeholder = _stakeholder_of("call")
    title = factory.Sequence(lambda n: f"Proposal {n}")
    summary = "What the SME offers."
    employees = 8
    registered_in_city = True


class WorkshopAttachmentFactory(factory.django.DjangoModelFactory):
    """A PDF of a workshop's closing report."""

    class Meta:
        model = models.WorkshopAttachment

    workshop = factory.SubFactory(WorkshopFactory)
    name = factory.Sequence(lambda n: f"minutes-{n}.pdf")
    file = factory.LazyAttribute(lambda a: ContentFile(b"%PDF-1.4", name=a.name))
    content_type = "application/pdf"
    size = 8


def workshop_scheduled(
    process,
    *,
    title="Workshop",
    starts=timedelta(0),
    length=timedelta(hours=2),
    input_for=timedelta(days=3),
    **fields,
):
    """An ideation workshop of `process` scheduled through the service: starting `starts` from now (negative: in the
    past), lasting `length`, taking input until `input_for` from now; `fields` go to the service as they are."""
    now = timezone.now()
    return services.workshop_schedule(
        process=process,
        title=title,
        kind=fields.pop("kind", models.WorkshopKind.IDEATION),
        starts_at=now + starts,
        ends_at=now + starts + length,
        input_closes_at=now + input_for,
        **fields,
    )


def workshop_held(process, *, title="Workshop", **fields):
    """An ideation workshop held from two hours ago for an hour, taking input for five days more, for 40 people, in
    Vietnamese: the workshop the form and idea tests are set in (`fields` change or add to it)."""
    return workshop_scheduled(
        process,
        title=title,
        starts=-timedelta(hours=2),
        length=timedelta(hours=1),
        input_for=timedelta(days=5),
        **{"language": "vi", "capacity": 40, **fields},
    )


# A call for small firms (at most 49 employees) asking for two documents, with a budget of 500 million dong.
SME_CALL = {
    "max_employees": 49,
    "required_documents": ["Business registration", "Work plan"],
    "budget": "500000000",
    "currency": "VND",
}


def call_opened(process, *, title="Call", description="A call for SME proposals.", days=10, **fields):
    """A call of `process` with its deadline `days` from now, created and opened through the services; `fields`
    (idea, max_employees, required_documents, budget, currency …) go to call_create as they are."""
    call = services.call_create(
        process=process,
        title=title,
        description=description,
        deadline=timezone.now() + timedelta(days=days),
        **fields,
    )
    return services.call_open(call=call)


def translated(*texts: tuple[str, str]) -> list[dict]:
    """Choices of a question from (English, Vietnamese) pairs."""
    return [{"en": en, "vi": vi} for en, vi in texts]
