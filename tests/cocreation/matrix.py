"""Permission matrix of the co-creation app: city A's co-creation is open to its team and staff only;
the personal link opens for anyone holding it."""

from django.utils import timezone

from tests.permissions import DENY, OK, REDIRECT, Rule, every, signed_in

TEAM = {"anonymous": "login", "stakeholder": DENY, "member_a": OK, "member_b": DENY, "staff": OK}
CITY = {"slug": "{city_a.slug}"}
WORKSHOP = {"pk": "{workshop_a.pk}"}
CHANGE = {**signed_in(DENY), "member_a": REDIRECT, "staff": REDIRECT}
EDIT = {**signed_in(DENY), "member_a": REDIRECT, "staff": REDIRECT}

MATRIX = {
    "cocreation:respond": Rule(every(OK), kwargs={"token": "{cocreation_token}"}),
    "cocreation:vote": Rule(every(REDIRECT), method="post", kwargs={"token": "{cocreation_token}"}, data={"idea": "0"}),
    "cocreation:processes": Rule(TEAM, kwargs=CITY),
    "cocreation:stakeholders": Rule(TEAM, kwargs=CITY),
    "cocreation:process": Rule(TEAM, kwargs={"pk": "{process_a.pk}"}),
    "cocreation:workshop": Rule(TEAM, kwargs=WORKSHOP),
    "cocreation:submissions": Rule(TEAM, kwargs=WORKSHOP),
    "cocreation:ideas": Rule(TEAM, kwargs=WORKSHOP),
    "cocreation:workshop_export": Rule(TEAM, kwargs={**WORKSHOP, "fmt": "csv"}),
    "cocreation:invitation_revoke": Rule(
        {**signed_in(DENY), "member_a": REDIRECT, "staff": REDIRECT},
        method="post",
        kwargs={"pk": "{other_invitation.pk}"},
    ),
    "cocreation:call": Rule(TEAM, kwargs={"pk": "{call_a.pk}"}),
    "cocreation:call_export": Rule(TEAM, kwargs={"pk": "{call_a.pk}", "fmt": "xlsx"}),
    # ideas, evaluation, calls: pages open to the city's team and staff; changes by its editors and
    # staff (member_a is an officer); awards by staff only; the SME's call link opens for anyone.
    "cocreation:idea_new": Rule(TEAM, kwargs=WORKSHOP),
    "cocreation:idea_edit": Rule(TEAM, kwargs={"pk": "{idea_a.pk}"}),
    "cocreation:idea_tag": Rule(CHANGE, method="post", kwargs={"pk": "{idea_a.pk}"}, data={"tags": "matrix"}),
    "cocreation:idea_merge": Rule(CHANGE, method="post", kwargs={"pk": "{idea_a.pk}"}),
    "cocreation:idea_shortlist": Rule(CHANGE, method="post", kwargs={"pk": "{idea_a.pk}"}),
    "cocreation:idea_score": Rule(TEAM, kwargs={"pk": "{idea_a.pk}"}),
    "cocreation:process_evaluation": Rule(TEAM, kwargs={"pk": "{process_a.pk}"}),
    "cocreation:process_criterion_add": Rule(CHANGE, method="post", kwargs={"pk": "{process_a.pk}"}),
    "cocreation:process_conflict_declare": Rule(CHANGE, method="post", kwargs={"pk": "{process_a.pk}"}),
    "cocreation:call_new": Rule(TEAM, kwargs={"pk": "{process_a.pk}"}),
    "cocreation:criterion_edit": Rule(CHANGE, method="post", kwargs={"pk": "{criterion_a.pk}"}),
    "cocreation:call_evaluation": Rule(TEAM, kwargs={"pk": "{call_a.pk}"}),
    "cocreation:call_criterion_add": Rule(CHANGE, method="post", kwargs={"pk": "{call_a.pk}"}),
    "cocreation:call_conflict_declare": Rule(CHANGE, method="post", kwargs={"pk": "{call_a.pk}"}),
    "cocreation:call_edit": Rule(TEAM, kwargs={"pk": "{call_a.pk}"}),
    "cocreation:call_open": Rule(CHANGE, method="post", kwargs={"pk": "{call_a.pk}"}),
    "cocreation:call_close": Rule(CHANGE, method="post", kwargs={"pk": "{call_a.pk}"}),
    "cocreation:clarification_publish": Rule(CHANGE, method="post", kwargs={"pk": "{call_a.pk}"}),
    "cocreation:call_invite": Rule(CHANGE, method="post", kwargs={"pk": "{call_a.pk}"}),
    "cocreation:call_invitation_revoke": Rule(CHANGE, method="post", kwargs={"pk": "{other_call_invitation.pk}"}),
    "cocreation:proposal_score": Rule(TEAM, kwargs={"pk": "{proposal_a.pk}"}),
    "cocreation:proposal_award": Rule(
        {**signed_in(DENY), "staff": REDIRECT}, method="post", kwargs={"pk": "{proposal_a.pk}"}
    ),
    "cocreation:apply": Rule(every(OK), kwargs={"token": "{call_token}"}),
    # processes, stakeholders, workshops: city A's editors and staff change; nobody else gets in
    "cocreation:process_create": Rule(TEAM, kwargs=CITY),
    "cocreation:process_edit": Rule(TEAM, kwargs={"pk": "{process_a.pk}"}),
    "cocreation:process_phases": Rule(TEAM, kwargs={"pk": "{process_a.pk}"}),
    "cocreation:phase_advance": Rule(EDIT, method="post", kwargs={"pk": "{phase_a.pk}"}),
    "cocreation:stakeholder_add": Rule(TEAM, kwargs=CITY),
    "cocreation:stakeholder_edit": Rule(TEAM, kwargs={"pk": "{stakeholder_a.pk}"}),
    "cocreation:stakeholder_import": Rule(TEAM, kwargs=CITY),
    "cocreation:stakeholder_template": Rule(TEAM, kwargs=CITY),
    "cocreation:workshop_create": Rule(TEAM, kwargs={"pk": "{process_a.pk}"}),
    "cocreation:workshop_edit": Rule(TEAM, kwargs=WORKSHOP),
    "cocreation:questions": Rule(TEAM, kwargs=WORKSHOP),
    "cocreation:question_edit": Rule(TEAM, kwargs={"pk": "{question_a.pk}"}),
    # refused (the question was answered) and sent back to the editor
    "cocreation:question_delete": Rule(EDIT, method="post", kwargs={"pk": "{question_a.pk}"}),
    "cocreation:question_move": Rule(EDIT, method="post", kwargs={"pk": "{question_a.pk}"}, data={"direction": "up"}),
    "cocreation:workshop_invite": Rule(TEAM, kwargs=WORKSHOP),
    "cocreation:workshop_invite_csv": Rule(TEAM, kwargs=WORKSHOP),
    "cocreation:invitation_resend": Rule(EDIT, method="post", kwargs={"pk": "{other_invitation.pk}"}),
    "cocreation:attendance": Rule(TEAM, kwargs=WORKSHOP),
    "cocreation:invitation_check_in": Rule(EDIT, method="post", kwargs={"pk": "{other_invitation.pk}"}),
    "cocreation:workshop_report": Rule(TEAM, kwargs=WORKSHOP),
    "cocreation:attachment": Rule(TEAM, kwargs={"pk": "{attachment_a.pk}"}),
    "cocreation:attachment_delete": Rule(EDIT, method="post", kwargs={"pk": "{attachment_spare.pk}"}),
}


def objects(world):
    """City A's process, workshop with a question, invitation with input, idea, vote, call, proposal, scores."""
    from django.core.files.base import ContentFile

    from ccrs.links import link_token
    from cocreation import models, services
    from tests.cocreation.factories import WorkshopAttachmentFactory, call_opened, workshop_scheduled

    city = world["format"]["city_a"]
    staff = world["users"]["staff"]
    process = services.process_create(city=city, title="Matrix process")
    phase = services.phase_schedule(
        process=process, kind="discover", starts_on=timezone.localdate(), ends_on=timezone.localdate()
    )
    person, _ = services.stakeholder_register(city=city, name="Matrix SME", email="matrix@sme.example.vn", kind="sme")
    other, _ = services.stakeholder_register(city=city, name="Other", email="other@sme.example.vn", kind="ngo")
    workshop = workshop_scheduled(process, title="Matrix workshop")
    question = services.question_add(workshop=workshop, kind="short_text", text={"en": "Idea?"}, required=False)
    services.workshop_open(workshop=workshop)
    invitation, _ = services.invitation_create(workshop=workshop, stakeholder=person)
    other_invitation, _ = services.invitation_create(workshop=workshop, stakeholder=other)
    submission, _ = services.submission_save(invitation=invitation, answers={str(question.pk): "x"})
    file = models.SubmissionFile.objects.create(
        submission=submission,
        question=question,
        file=ContentFile(b"%PDF-1.4", name="m.pdf"),
        content_type="application/pdf",
        size=8,
    )
    idea = services.idea_create(workshop=workshop, title="Matrix idea", sources=[submission])
    vote = services.vote_cast(invitation=invitation, idea=idea)
    rating = services.idea_rate(invitation=invitation, idea=idea, value=4)
    services.idea_shortlist(idea=idea)
    criterion = services.criterion_add(process=process, name="Impact", weight=2)
    declaration = services.conflict_declare(process=process, evaluator=staff, has_conflict=False)
    (score,) = services.score_sheet_submit(evaluator=staff, idea=idea, values={criterion.pk: 7}, comments={})
    call = call_opened(process, title="Matrix call", description="d", days=9)
    clarification = services.clarification_publish(call=call, question="Q?", answer="A.")
    proposal = services.proposal_submit(
        call=call, stakeholder=person, title="P", summary="S", employees=3, registered_in_city=True
    )
    document = models.ProposalDocument.objects.create(
        proposal=proposal, name="Plan", file=ContentFile(b"%PDF-1.4", name="p.pdf")
    )
    other_sme, _ = services.stakeholder_register(city=city, name="Other SME", email="o@sme.example.vn", kind="sme")
    call_invitation, _ = services.call_invitation_create(call=call, stakeholder=person)
    other_call_invitation, _ = services.call_invitation_create(call=call, stakeholder=other_sme)
    world["format"].update(
        idea_a=idea,
        criterion_a=criterion,
        proposal_a=proposal,
        other_call_invitation=other_call_invitation,
        call_token=link_token(services.CALL_INVITATION, call_invitation),
    )
    attachment = WorkshopAttachmentFactory(workshop=workshop, name="minutes.pdf")
    spare = WorkshopAttachmentFactory(workshop=workshop, name="spare.pdf")
    world["format"].update(
        phase_a=phase,
        stakeholder_a=person,
        question_a=question,
        attachment_a=attachment,
        attachment_spare=spare,
        process_a=process,
        workshop_a=workshop,
        call_a=call,
        other_invitation=other_invitation,
        cocreation_token=link_token(services.STAKEHOLDER_INVITATION, invitation),
    )
    for obj in [
        process,
        phase,
        person,
        workshop,
        question,
        invitation,
        submission,
        file,
        idea,
        vote,
        rating,
        criterion,
        declaration,
        score,
        call,
        clarification,
        proposal,
        document,
        call_invitation,
        attachment,
    ]:
        world["objects"][type(obj)] = obj
