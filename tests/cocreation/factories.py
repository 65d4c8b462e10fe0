"""factory-boy factories of the co-creation rows, for tests that need many of them or rows in other states.

They write rows directly, without the services' checks: a test that is about a rule calls the service.
"""

from datetime import timedelta

import factory
from django.utils import timezone

from cocreation import models


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


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.StakeholderInvitation

    workshop = factory.SubFactory(WorkshopFactory)
    stakeholder = factory.SubFactory(StakeholderFactory, city=factory.SelfAttribute("..workshop.process.city"))
    expires_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=30))


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
    stakeholder = factory.SubFactory(StakeholderFactory, city=factory.SelfAttribute("..call.process.city"))
    expires_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=30))


class ProposalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Proposal

    call = factory.SubFactory(CallFactory)
    stakeholder = factory.SubFactory(StakeholderFactory, city=factory.SelfAttribute("..call.process.city"))
    title = factory.Sequence(lambda n: f"Proposal {n}")
    summary = "What the SME offers."
    employees = 8
    registered_in_city = True
