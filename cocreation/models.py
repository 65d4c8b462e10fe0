"""Co-creation: the process and its phases, stakeholders, workshops with input forms reached
through personal invitation links, ideas, panel evaluation and calls for SME proposals."""

import secrets
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ccrs.models import TimeStampedModel, choices_constraint, person_field
from ccrs.money import AmountField, CurrencyField
from ccrs.uploads import RandomName

LANGUAGE_CHOICES = settings.LANGUAGES


def new_invitation_key() -> str:
    return secrets.token_urlsafe(24)


def translated(texts, language: str | None = None) -> str:
    """The text of a {language: text} dict in `language`, else English, else any language."""
    if not isinstance(texts, dict):
        return str(texts or "")
    language = (language or get_language() or "en").split("-")[0]
    return texts.get(language) or texts.get("en") or next((t for t in texts.values() if t), "")


def validate_translations(value):
    if not isinstance(value, dict) or not value or not all(isinstance(v, str) for v in value.values()):
        raise ValidationError(_('Give the text per language, such as {"en": "…", "vi": "…"}.'))
    codes = {code for code, _name in settings.LANGUAGES}
    bad = sorted(set(value) - codes)
    if bad:
        raise ValidationError(
            _("These languages are not offered: %(codes)s. Use en, vi, th, id or ms."), params={"codes": ", ".join(bad)}
        )
    if not any(v.strip() for v in value.values()):
        raise ValidationError(_("Write the text in at least one language."))


class PhaseKind(models.TextChoices):
    DISCOVER = "discover", _("Discover")
    IDEATE = "ideate", _("Ideate")
    PRIORITISE = "prioritise", _("Prioritise")
    SELECT = "select", _("Select")
    PROCURE = "procure", _("Procure")


PHASE_ORDER = list(PhaseKind.values)


class PhaseStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    ACTIVE = "active", _("Under way")
    DONE = "done", _("Done")


class Process(TimeStampedModel):
    """A city's co-creation process with its selected SME sector, from discovery to procurement."""

    city = models.ForeignKey(
        "cities.City", on_delete=models.PROTECT, related_name="cocreation_processes", verbose_name=_("city")
    )
    title = models.CharField(_("title"), max_length=200)
    challenge = models.TextField(_("challenge"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("co-creation process")
        verbose_name_plural = _("co-creation processes")
        ordering = ["city__name", "title"]
        constraints = [models.UniqueConstraint(fields=["city", "title"], name="process_city_title_unique")]

    def __str__(self):
        return f"{self.city} · {self.title}"


class Phase(TimeStampedModel):
    """One of the five phases of a process, with its dates and status (the timeline)."""

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="phases", verbose_name=_("process"))
    kind = models.CharField(_("phase"), max_length=16, choices=PhaseKind.choices)
    starts_on = models.DateField(_("starts"))
    ends_on = models.DateField(_("ends"))
    status = models.CharField(_("status"), max_length=16, choices=PhaseStatus.choices, default=PhaseStatus.PLANNED)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("phase")
        verbose_name_plural = _("phases")
        ordering = ["process", "starts_on"]
        constraints = [
            models.UniqueConstraint(fields=["process", "kind"], name="phase_process_kind_unique"),
            models.CheckConstraint(condition=models.Q(ends_on__gte=models.F("starts_on")), name="phase_dates_ordered"),
            choices_constraint("kind", PhaseKind, "phase_kind_valid"),
            choices_constraint("status", PhaseStatus, "phase_status_valid"),
        ]

    def __str__(self):
        return f"{self.process} · {self.get_kind_display()}"

    def clean(self):
        super().clean()
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("A phase cannot end before it starts.")})


class StakeholderKind(models.TextChoices):
    SME = "sme", _("SME")
    SME_ASSOCIATION = "sme_association", _("SME association")
    CITY_DEPARTMENT = "city_department", _("City department")
    NGO = "ngo", _("NGO")
    ACADEMIA = "academia", _("Academia")
    FINANCE = "finance", _("Finance")
    OTHER = "other", _("Other")


class OrganisationSize(models.TextChoices):
    MICRO = "micro", _("Micro (1–9 people)")
    SMALL = "small", _("Small (10–49 people)")
    MEDIUM = "medium", _("Medium (50–249 people)")
    LARGE = "large", _("Large (250 people or more)")


class Gender(models.TextChoices):
    FEMALE = "female", _("Woman")
    MALE = "male", _("Man")
    OTHER = "other", _("Another gender")


class Stakeholder(TimeStampedModel):
    """A person and their organisation in a city's stakeholder registry (no user account)."""

    city = models.ForeignKey(
        "cities.City", on_delete=models.PROTECT, related_name="stakeholders", verbose_name=_("city")
    )
    name = models.CharField(_("name"), max_length=150)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    kind = models.CharField(_("type"), max_length=20, choices=StakeholderKind.choices)
    sector = models.CharField(_("sector"), max_length=120, blank=True)
    size = models.CharField(_("size"), max_length=10, choices=OrganisationSize.choices, blank=True)
    women_led = models.BooleanField(_("women-led"), default=False)
    gender = models.CharField(_("gender"), max_length=10, choices=Gender.choices, blank=True)
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGE_CHOICES, default="en")
    email = models.EmailField(_("e-mail address"))
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    consent_at = models.DateTimeField(_("consent given"), null=True, blank=True)
    consent_version = models.CharField(_("consent text version"), max_length=40, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("stakeholder")
        verbose_name_plural = _("stakeholders")
        ordering = ["city", "name"]
        constraints = [
            models.UniqueConstraint(Lower("email"), "city", name="stakeholder_email_city_unique"),
            choices_constraint("kind", StakeholderKind, "stakeholder_kind_valid"),
            models.CheckConstraint(
                condition=models.Q(consent_at__isnull=True) | ~models.Q(consent_version=""),
                name="stakeholder_consent_has_version",
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.organisation})" if self.organisation else self.name

    @property
    def is_sme(self):
        return self.kind == StakeholderKind.SME


class WorkshopKind(models.TextChoices):
    CHALLENGE_FRAMING = "challenge_framing", _("Challenge framing")
    IDEATION = "ideation", _("Ideation")
    PRIORITISATION = "prioritisation", _("Prioritisation")
    VALIDATION = "validation", _("Validation")


class WorkshopStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    OPEN = "open", _("Open for input")
    CLOSED = "closed", _("Closed")


class Workshop(TimeStampedModel):
    """A workshop of a process; its input form is open to invited stakeholders until it closes."""

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="workshops", verbose_name=_("process"))
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("type"), max_length=20, choices=WorkshopKind.choices)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    input_closes_at = models.DateTimeField(_("input closes"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    online_link = models.URLField(_("online link"), blank=True)
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGE_CHOICES, default="en")
    agenda = models.TextField(_("agenda"), blank=True)
    facilitators = models.CharField(_("facilitators"), max_length=300, blank=True)
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=WorkshopStatus.choices, default=WorkshopStatus.PLANNED
    )
    anonymous_input = models.BooleanField(
        _("anonymous input"), default=False, help_text=_("Staff see answers without the names of who gave them.")
    )
    vote_limit = models.PositiveSmallIntegerField(
        _("votes per participant"), default=3, validators=[MinValueValidator(1)]
    )
    outcomes = models.TextField(_("outcomes"), blank=True)
    report = models.FileField(_("closing report attachment"), upload_to=RandomName("cocreation/reports"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("workshop")
        verbose_name_plural = _("workshops")
        ordering = ["-starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")), name="workshop_times_ordered"
            ),
            choices_constraint("kind", WorkshopKind, "workshop_kind_valid"),
            choices_constraint("status", WorkshopStatus, "workshop_status_valid"),
            models.CheckConstraint(condition=models.Q(vote_limit__gte=1), name="workshop_vote_limit_positive"),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("A workshop must end after it starts.")})

    @property
    def city_tz(self):
        return zoneinfo.ZoneInfo(self.process.city.time_zone)

    @property
    def accepts_input(self) -> bool:
        return self.status == WorkshopStatus.OPEN and timezone.now() < self.input_closes_at


class QuestionKind(models.TextChoices):
    SHORT_TEXT = "short_text", _("Short text")
    LONG_TEXT = "long_text", _("Long text")
    SINGLE_CHOICE = "single_choice", _("Single choice")
    MULTIPLE_CHOICE = "multiple_choice", _("Multiple choice")
    RATING = "rating", _("Rating scale")
    RANKING = "ranking", _("Ranking")
    FILE = "file", _("File upload")


CHOICE_KINDS = {QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE, QuestionKind.RANKING}


class Question(TimeStampedModel):
    """A question of a workshop's input form; its text and choices are given per language."""

    workshop = models.ForeignKey(
        Workshop, on_delete=models.CASCADE, related_name="questions", verbose_name=_("workshop")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    kind = models.CharField(_("type"), max_length=20, choices=QuestionKind.choices)
    text = models.JSONField(_("question text"), validators=[validate_translations])
    choices = models.JSONField(
        _("choices"), default=list, blank=True, help_text=_('A list of {"en": "…", "vi": "…"} texts.')
    )
    required = models.BooleanField(_("required"), default=True)
    scale_max = models.PositiveSmallIntegerField(
        _("highest rating"), default=5, validators=[MinValueValidator(2), MaxValueValidator(10)]
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["workshop", "position", "pk"]
        constraints = [
            choices_constraint("kind", QuestionKind, "question_kind_valid"),
            models.CheckConstraint(
                condition=models.Q(scale_max__gte=2, scale_max__lte=10), name="question_scale_range"
            ),
        ]

    def __str__(self):
        return translated(self.text)

    def clean(self):
        super().clean()
        if self.kind in CHOICE_KINDS:
            if not isinstance(self.choices, list) or len(self.choices) < 2:
                raise ValidationError({"choices": _("A choice or ranking question needs at least two choices.")})
            for choice in self.choices:
                validate_translations(choice)

    def text_in(self, language=None) -> str:
        return translated(self.text, language)

    def choices_in(self, language=None) -> list[str]:
        return [translated(choice, language) for choice in self.choices or []]


class InvitationStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    REVOKED = "revoked", _("Revoked")


class PersonalLink(TimeStampedModel):
    """A person's link to a workshop or a call (ccrs.links signs `key`, the random secret of the row); it
    stops working when it expires or is revoked."""

    key = models.CharField(_("key"), max_length=64, unique=True, default=new_invitation_key, editable=False)
    status = models.CharField(
        _("status"), max_length=10, choices=InvitationStatus.choices, default=InvitationStatus.ACTIVE
    )
    expires_at = models.DateTimeField(_("expires"))
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()


class StakeholderInvitation(PersonalLink):
    """A stakeholder's personal link to a workshop: registration, check-in and the input form.

    Not the team invitation of ccrs: the person gets no account. The link carries a signed copy
    of `key`, a random secret of this row; it stops working when it expires or is revoked.
    """

    workshop = models.ForeignKey(
        Workshop, on_delete=models.CASCADE, related_name="invitations", verbose_name=_("workshop")
    )
    stakeholder = models.ForeignKey(
        Stakeholder, on_delete=models.CASCADE, related_name="invitations", verbose_name=_("stakeholder")
    )
    registered_at = models.DateTimeField(_("registered"), null=True, blank=True)
    checked_in_at = models.DateTimeField(_("checked in"), null=True, blank=True)

    history = HistoricalRecords(excluded_fields=["key"])

    class Meta:
        verbose_name = _("stakeholder invitation")
        verbose_name_plural = _("stakeholder invitations")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["workshop", "stakeholder"], name="stakeholder_invitation_unique"),
            choices_constraint("status", InvitationStatus, "stakeholder_invitation_status_valid"),
        ]

    def __str__(self):
        return f"{self.stakeholder} → {self.workshop}"


class Submission(TimeStampedModel):
    """The input of one invitation: one per invitation, edited (never duplicated) until the deadline."""

    invitation = models.OneToOneField(
        StakeholderInvitation, on_delete=models.CASCADE, related_name="submission", verbose_name=_("invitation")
    )
    workshop = models.ForeignKey(
        Workshop, on_delete=models.CASCADE, related_name="submissions", verbose_name=_("workshop")
    )
    answers = models.JSONField(_("answers"), default=dict, help_text=_("{question id: answer}"))
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGE_CHOICES, default="en")
    edits = models.PositiveIntegerField(_("times edited"), default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        ordering = ["-updated_at"]
        constraints = [models.UniqueConstraint(fields=["invitation"], name="submission_one_per_invitation")]
        indexes = [models.Index(fields=["workshop", "-updated_at"], name="submission_workshop_recent")]

    def __str__(self):
        return f"{self.invitation}"


class SubmissionFile(TimeStampedModel):
    """A file given as the answer to a file-upload question."""

    submission = models.ForeignKey(
        Submission, on_delete=models.CASCADE, related_name="files", verbose_name=_("submission")
    )
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="+", verbose_name=_("question"))
    file = models.FileField(_("file"), upload_to=RandomName("cocreation/input"))
    content_type = models.CharField(_("content type"), max_length=80)
    size = models.PositiveIntegerField(_("size in bytes"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("submitted file")
        verbose_name_plural = _("submitted files")
        constraints = [models.UniqueConstraint(fields=["submission", "question"], name="submission_file_unique")]

    def __str__(self):
        return self.file.name


class IdeaStatus(models.TextChoices):
    OPEN = "open", _("Open")
    SHORTLISTED = "shortlisted", _("Shortlisted")
    MERGED = "merged", _("Merged")
    SELECTED = "selected", _("Selected")


class Idea(TimeStampedModel):
    """An idea a facilitator drew from the input; duplicates are merged into one."""

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="ideas", verbose_name=_("workshop"))
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    cluster = models.CharField(_("cluster"), max_length=80, blank=True)
    tags = models.JSONField(_("tags"), default=list, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=IdeaStatus.choices, default=IdeaStatus.OPEN)
    merged_into = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="merged", verbose_name=_("merged into")
    )
    sources = models.ManyToManyField(Submission, blank=True, related_name="ideas", verbose_name=_("from input"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("idea")
        verbose_name_plural = _("ideas")
        ordering = ["workshop", "title"]
        constraints = [
            choices_constraint("status", IdeaStatus, "idea_status_valid"),
            models.CheckConstraint(
                condition=models.Q(status="merged", merged_into__isnull=False) | ~models.Q(status="merged"),
                name="idea_merged_has_target",
            ),
        ]

    def __str__(self):
        return self.title


class Vote(TimeStampedModel):
    """A participant's vote for an idea (at most one per idea; a per-workshop limit in all)."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="votes", verbose_name=_("idea"))
    invitation = models.ForeignKey(
        StakeholderInvitation, on_delete=models.CASCADE, related_name="votes", verbose_name=_("invitation")
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        constraints = [models.UniqueConstraint(fields=["idea", "invitation"], name="vote_one_per_idea")]

    def __str__(self):
        return f"{self.invitation} · {self.idea}"


class IdeaRating(TimeStampedModel):
    """A participant's rating of an idea, from 1 to 5."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="ratings", verbose_name=_("idea"))
    invitation = models.ForeignKey(
        StakeholderInvitation, on_delete=models.CASCADE, related_name="ratings", verbose_name=_("invitation")
    )
    value = models.PositiveSmallIntegerField(_("rating"), validators=[MinValueValidator(1), MaxValueValidator(5)])

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("idea rating")
        verbose_name_plural = _("idea ratings")
        constraints = [
            models.UniqueConstraint(fields=["idea", "invitation"], name="rating_one_per_idea"),
            models.CheckConstraint(condition=models.Q(value__gte=1, value__lte=5), name="rating_range"),
        ]

    def __str__(self):
        return f"{self.idea}: {self.value}"


class CallStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed for proposals")
    AWARDED = "awarded", _("Awarded")


class Call(TimeStampedModel):
    """A call for SME proposals that opens from the chosen solution, through the city's procurement."""

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="calls", verbose_name=_("process"))
    idea = models.ForeignKey(
        Idea, on_delete=models.SET_NULL, null=True, blank=True, related_name="calls", verbose_name=_("chosen solution")
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"))
    max_employees = models.PositiveIntegerField(
        _("largest eligible SME (employees)"), default=249, validators=[MinValueValidator(1)]
    )
    registered_in_city = models.BooleanField(_("must be registered in the city"), default=True)
    required_documents = models.JSONField(
        _("required documents"),
        default=list,
        blank=True,
        help_text=_("Names of the documents every proposal attaches."),
    )
    budget = AmountField(_("budget"), null=True, blank=True)
    currency = CurrencyField(_("currency"), default="USD")
    deadline = models.DateTimeField(_("deadline"))
    status = models.CharField(_("status"), max_length=10, choices=CallStatus.choices, default=CallStatus.DRAFT)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("call for proposals")
        verbose_name_plural = _("calls for proposals")
        ordering = ["-deadline"]
        constraints = [
            choices_constraint("status", CallStatus, "call_status_valid"),
            models.CheckConstraint(condition=models.Q(max_employees__gte=1), name="call_max_employees_positive"),
        ]

    def __str__(self):
        return self.title

    @property
    def accepts_proposals(self) -> bool:
        return self.status == CallStatus.OPEN and timezone.now() < self.deadline


class Clarification(TimeStampedModel):
    """A question about a call and its answer, published to every applicant."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="clarifications", verbose_name=_("call"))
    question = models.TextField(_("question"))
    answer = models.TextField(_("answer"), blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("clarification")
        verbose_name_plural = _("clarifications")
        ordering = ["call", "created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(published_at__isnull=True) | ~models.Q(answer=""),
                name="clarification_published_has_answer",
            )
        ]

    def __str__(self):
        return self.question[:80]


class ProposalStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    INELIGIBLE = "ineligible", _("Not eligible")
    AWARDED = "awarded", _("Awarded")
    NOT_AWARDED = "not_awarded", _("Not awarded")


class Proposal(TimeStampedModel):
    """An SME's proposal to a call, with its documents."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="proposals", verbose_name=_("call"))
    stakeholder = models.ForeignKey(
        Stakeholder, on_delete=models.PROTECT, related_name="proposals", verbose_name=_("SME")
    )
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"))
    employees = models.PositiveIntegerField(_("employees"))
    registered_in_city = models.BooleanField(_("registered in the city"))
    amount = AmountField(_("amount asked"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=ProposalStatus.choices, default=ProposalStatus.SUBMITTED
    )
    awarded_at = models.DateTimeField(_("awarded"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        ordering = ["call", "title"]
        constraints = [
            models.UniqueConstraint(fields=["call", "stakeholder"], name="proposal_one_per_sme"),
            models.UniqueConstraint(
                fields=["call"], condition=models.Q(status="awarded"), name="proposal_one_award_per_call"
            ),
            choices_constraint("status", ProposalStatus, "proposal_status_valid"),
            models.CheckConstraint(
                condition=models.Q(status="awarded", awarded_at__isnull=False) | ~models.Q(status="awarded"),
                name="proposal_awarded_has_date",
            ),
        ]

    def __str__(self):
        return f"{self.title} ({self.stakeholder})"


class ProposalDocument(TimeStampedModel):
    proposal = models.ForeignKey(
        Proposal, on_delete=models.CASCADE, related_name="documents", verbose_name=_("proposal")
    )
    name = models.CharField(_("document"), max_length=120)
    file = models.FileField(_("file"), upload_to=RandomName("cocreation/proposals"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("proposal document")
        verbose_name_plural = _("proposal documents")
        constraints = [models.UniqueConstraint(fields=["proposal", "name"], name="proposal_document_unique")]

    def __str__(self):
        return self.name


class Criterion(TimeStampedModel):
    """A weighted criterion the panel scores a shortlisted idea or a proposal against (0 to 10)."""

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="criteria", verbose_name=_("process"))
    call = models.ForeignKey(
        Call,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="criteria",
        verbose_name=_("call"),
        help_text=_("Empty: the criterion scores the shortlisted ideas."),
    )
    name = models.CharField(_("name"), max_length=120)
    weight = models.DecimalField(_("weight"), max_digits=5, decimal_places=2, validators=[MinValueValidator(0)])

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        ordering = ["process", "call", "name"]
        constraints = [
            models.UniqueConstraint(fields=["process", "call", "name"], name="criterion_unique"),
            models.CheckConstraint(condition=models.Q(weight__gt=0), name="criterion_weight_positive"),
        ]

    def __str__(self):
        return f"{self.name} ({self.weight})"


class ConflictDeclaration(TimeStampedModel):
    """An evaluator's declaration about conflicts of interest, made before scoring."""

    process = models.ForeignKey(
        Process, on_delete=models.CASCADE, related_name="declarations", verbose_name=_("process")
    )
    call = models.ForeignKey(
        Call, on_delete=models.CASCADE, null=True, blank=True, related_name="declarations", verbose_name=_("call")
    )
    evaluator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("evaluator")
    )
    has_conflict = models.BooleanField(_("has a conflict of interest"))
    details = models.TextField(_("details"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("conflict-of-interest declaration")
        verbose_name_plural = _("conflict-of-interest declarations")
        constraints = [
            models.UniqueConstraint(
                fields=["process", "call", "evaluator"], name="declaration_unique", nulls_distinct=False
            ),
            models.CheckConstraint(
                condition=models.Q(has_conflict=False) | ~models.Q(details=""), name="declaration_conflict_explained"
            ),
        ]

    def __str__(self):
        return f"{self.evaluator}: {self.has_conflict}"


class Score(TimeStampedModel):
    """One evaluator's score of one idea or proposal on one criterion, with a comment."""

    criterion = models.ForeignKey(
        Criterion, on_delete=models.CASCADE, related_name="scores", verbose_name=_("criterion")
    )
    evaluator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("evaluator")
    )
    idea = models.ForeignKey(
        Idea, on_delete=models.CASCADE, null=True, blank=True, related_name="scores", verbose_name=_("idea")
    )
    proposal = models.ForeignKey(
        Proposal, on_delete=models.CASCADE, null=True, blank=True, related_name="scores", verbose_name=_("proposal")
    )
    value = models.DecimalField(
        _("score"), max_digits=4, decimal_places=1, validators=[MinValueValidator(0), MaxValueValidator(10)]
    )
    comment = models.TextField(_("comment"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(idea__isnull=False, proposal__isnull=True))
                | (models.Q(idea__isnull=True, proposal__isnull=False)),
                name="score_one_subject",
            ),
            models.CheckConstraint(condition=models.Q(value__gte=0, value__lte=10), name="score_range"),
            models.UniqueConstraint(
                fields=["criterion", "evaluator", "idea"],
                condition=models.Q(idea__isnull=False),
                name="score_idea_unique",
            ),
            models.UniqueConstraint(
                fields=["criterion", "evaluator", "proposal"],
                condition=models.Q(proposal__isnull=False),
                name="score_proposal_unique",
            ),
        ]

    def __str__(self):
        return f"{self.criterion}: {self.value}"


class CallInvitation(PersonalLink):
    """An SME's personal link to a call for proposals: it reads the call and submits a proposal without an account.

    Like a workshop invitation, the link carries a signed copy of `key`, a random secret of this
    row; it stops working when it expires or is revoked.
    """

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="invitations", verbose_name=_("call"))
    stakeholder = models.ForeignKey(
        Stakeholder, on_delete=models.CASCADE, related_name="call_invitations", verbose_name=_("SME")
    )

    history = HistoricalRecords(excluded_fields=["key"])

    class Meta:
        verbose_name = _("call invitation")
        verbose_name_plural = _("call invitations")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["call", "stakeholder"], name="call_invitation_unique"),
            choices_constraint("status", InvitationStatus, "call_invitation_status_valid"),
        ]

    def __str__(self):
        return f"{self.stakeholder} → {self.call}"


# What stakeholders, SMEs and organisers may upload (extensions read from the content by ccrs.uploads); each file
# at most settings.COCREATION_MAX_UPLOAD_BYTES.
ACCEPTED_UPLOADS = ("pdf", "png", "jpg", "docx", "xlsx", "pptx")

# A random stored name: the original name is kept in `name`, never in the path.
attachment_path = RandomName("cocreation/reports")


class WorkshopAttachment(TimeStampedModel):
    """A file of a workshop's closing report (photos, minutes, slides), checked by its content."""

    workshop = models.ForeignKey(
        Workshop, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("workshop")
    )
    name = models.CharField(_("file name"), max_length=200)
    file = models.FileField(_("file"), upload_to=attachment_path)
    content_type = models.CharField(_("content type"), max_length=80)
    size = models.PositiveIntegerField(_("size in bytes"))
    uploaded_by = person_field(_("uploaded by"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("closing report attachment")
        verbose_name_plural = _("closing report attachments")
        ordering = ["workshop", "created_at"]

    def __str__(self):
        return self.name
