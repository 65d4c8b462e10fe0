"""Case studies: a city's experience, drafted from the platform's data, reviewed, and published as a frozen version.

A study's sections are written per language by the city team; its figures come from each app's `case_study`
module (network/selectors/case_studies.py). Publishing stores a CaseStudyVersion: the text, quotes, photos and
every figure and chart as they were that day, which is all a public page shows (a later pilot update never
changes a published study). `public_version` is the version the public sees (None: not public).
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ccrs.models import TimeStampedModel, choices_constraint, person_field
from ccrs.uploads import RandomName

from .library import LANGUAGE_CODES, Licence


class CaseStudyKind(models.TextChoices):
    INTERIM = "interim", _("Interim")
    FINAL = "final", _("Final")


class CaseStudyStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("In review")
    APPROVED = "approved", _("Approved")
    PUBLISHED = "published", _("Published")
    UNPUBLISHED = "unpublished", _("Unpublished")


class SectionKey(models.TextChoices):
    CITY = "city", _("The city and its challenge")
    ASSESSMENT = "assessment", _("The sector assessment")
    COCREATION = "cocreation", _("Co-creation")
    PROCUREMENT = "procurement", _("Procurement")
    PILOT = "pilot", _("The pilot")
    LESSONS = "lessons", _("Lessons learned")
    REUSE = "reuse", _("What others can reuse")
    NEXT_STEPS = "next_steps", _("Next steps")


class CaseStudy(TimeStampedModel):
    city = models.ForeignKey(
        "cities.City", on_delete=models.PROTECT, related_name="case_studies", verbose_name=_("city")
    )
    slug = models.SlugField(_("slug"), max_length=80)
    titles = models.JSONField(_("titles"), default=dict, help_text=_('By language: {"en": "...", "vi": "..."}.'))
    summaries = models.JSONField(_("summaries"), default=dict, blank=True)
    kind = models.CharField(_("kind"), max_length=8, choices=CaseStudyKind.choices, default=CaseStudyKind.FINAL)
    status = models.CharField(
        _("status"), max_length=12, choices=CaseStudyStatus.choices, default=CaseStudyStatus.DRAFT
    )
    licence = models.CharField(_("licence"), max_length=24, choices=Licence.choices, default=Licence.CC_BY)
    sector_isic = models.CharField(_("sector (ISIC Rev.4)"), max_length=8, blank=True)
    sector_name = models.CharField(_("sector"), max_length=160, blank=True)
    principles = models.JSONField(_("principles"), default=list, blank=True)
    review_comment = models.TextField(_("review comments"), blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    submitted_by = person_field(_("submitted by"))
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = person_field(_("decided by"))
    public_version = models.OneToOneField(
        "CaseStudyVersion",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="public_of",
        verbose_name=_("public version"),
    )
    unpublished_at = models.DateTimeField(_("unpublished"), null=True, blank=True)
    unpublish_note = models.CharField(_("why it was unpublished"), max_length=300, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["city__name", "slug"]
        verbose_name = _("case study")
        verbose_name_plural = _("case studies")
        constraints = [
            models.UniqueConstraint(fields=["city", "slug"], name="network_case_study_city_slug_unique"),
            choices_constraint("kind", CaseStudyKind, "network_case_study_kind_valid"),
            choices_constraint("status", CaseStudyStatus, "network_case_study_status_valid"),
            choices_constraint("licence", Licence, "network_case_study_licence_valid"),
        ]

    def __str__(self):
        return self.title_in()

    def get_absolute_url(self):
        return reverse("network:case_study_edit", kwargs={"pk": self.pk})

    def public_url(self, language: str | None = None) -> str:
        url = reverse("public:case_study", kwargs={"city": self.city.slug, "slug": self.slug})
        return f"{url}?lang={language}" if language else url

    def title_in(self, language: str | None = None) -> str:
        language = (language or get_language() or "en")[:2]
        return self.titles.get(language) or self.titles.get("en") or next(iter(self.titles.values()), self.slug)

    @property
    def title(self) -> str:
        return self.title_in()

    @property
    def required_languages(self) -> list[str]:
        """The city's main language and English: a study is submitted only with every section in both."""
        main = self.city.main_language
        return list(dict.fromkeys([main if main in LANGUAGE_CODES else "en", "en"]))


class CaseStudySection(TimeStampedModel):
    """One section of a study in one language (Markdown, sanitised when drawn)."""

    study = models.ForeignKey(
        CaseStudy, on_delete=models.CASCADE, related_name="sections", verbose_name=_("case study")
    )
    key = models.CharField(_("section"), max_length=16, choices=SectionKey.choices)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    body = models.TextField(_("text"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["study", "language", "key"]
        verbose_name = _("case study section")
        verbose_name_plural = _("case study sections")
        constraints = [
            models.UniqueConstraint(fields=["study", "key", "language"], name="network_section_unique"),
            choices_constraint("key", SectionKey, "network_section_key_valid"),
            models.CheckConstraint(
                condition=models.Q(language__in=LANGUAGE_CODES), name="network_section_language_valid"
            ),
        ]

    def __str__(self):
        return f"{self.study} · {self.get_key_display()} ({self.language})"


class QuoteConsent(models.TextChoices):
    NONE = "none", _("No consent recorded")
    ANONYMOUS = "anonymous", _("May be quoted without their name")
    NAMED = "named", _("May be quoted with their name")


class SpeakerKind(models.TextChoices):
    """Who said it, as a co-creation stakeholder's type (the same values), for a quote without the name."""

    SME = "sme", _("SME owner")
    SME_ASSOCIATION = "sme_association", _("SME association")
    CITY_DEPARTMENT = "city_department", _("City department")
    NGO = "ngo", _("NGO")
    ACADEMIA = "academia", _("Academia")
    FINANCE = "finance", _("Finance")
    OTHER = "other", _("Other")


class CaseStudyQuote(TimeStampedModel):
    """A stakeholder's words, picked from a workshop submission or typed; named only with consent to be named."""

    study = models.ForeignKey(CaseStudy, on_delete=models.CASCADE, related_name="quotes", verbose_name=_("case study"))
    text = models.TextField(_("quote"))
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    speaker_name = models.CharField(_("name"), max_length=150, blank=True)
    speaker_organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    speaker_kind = models.CharField(_("speaker"), max_length=20, choices=SpeakerKind.choices, default=SpeakerKind.SME)
    source_submission_id = models.PositiveBigIntegerField(_("workshop submission"), null=True, blank=True)
    consent = models.CharField(_("consent"), max_length=10, choices=QuoteConsent.choices, default=QuoteConsent.NONE)
    consent_recorded_at = models.DateTimeField(_("consent recorded"), null=True, blank=True)
    consent_recorded_by = person_field(_("consent recorded by"))
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["study", "position", "pk"]
        verbose_name = _("quote")
        verbose_name_plural = _("quotes")
        constraints = [
            choices_constraint("consent", QuoteConsent, "network_quote_consent_valid"),
            choices_constraint("speaker_kind", SpeakerKind, "network_quote_speaker_kind_valid"),
            models.CheckConstraint(
                condition=models.Q(consent="none") | models.Q(consent_recorded_at__isnull=False),
                name="network_quote_consent_has_date",
            ),
        ]

    def __str__(self):
        return self.text[:80]

    @property
    def consent_choices(self):
        return QuoteConsent.choices


class CaseStudyPhoto(TimeStampedModel):
    """A photo with its caption, credit and the consent of the people in it (stored without EXIF data)."""

    study = models.ForeignKey(CaseStudy, on_delete=models.CASCADE, related_name="photos", verbose_name=_("case study"))
    image = models.FileField(_("photo"), upload_to=RandomName("network/case-studies"), max_length=200)
    content_type = models.CharField(_("content type"), max_length=40)
    caption = models.CharField(_("caption"), max_length=300)
    credit = models.CharField(_("credit"), max_length=200)
    consent = models.BooleanField(
        _("consent to publication"), default=False, help_text=_("The people shown agreed to the photo being published.")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["study", "position", "pk"]
        verbose_name = _("photo")
        verbose_name_plural = _("photos")

    def __str__(self):
        return self.caption


class CaseStudyVersion(TimeStampedModel):
    """A published study frozen: `content` holds, per language, the title, sections, quotes, photos and every figure
    and chart as of `figures_as_of` ({"vi": {"title", "summary", "sections", "parts", "quotes", "photos"}})."""

    study = models.ForeignKey(
        CaseStudy, on_delete=models.CASCADE, related_name="versions", verbose_name=_("case study")
    )
    number = models.PositiveSmallIntegerField(_("version"))
    published_at = models.DateTimeField(_("published"))
    published_by = person_field(_("published by"))
    figures_as_of = models.DateField(_("figures as of"))
    languages = models.JSONField(_("languages"), default=list)
    licence = models.CharField(_("licence"), max_length=24, choices=Licence.choices)
    content = models.JSONField(_("content"), default=dict)

    class Meta:
        ordering = ["study", "-number"]
        verbose_name = _("published version")
        verbose_name_plural = _("published versions")
        constraints = [
            models.UniqueConstraint(fields=["study", "number"], name="network_case_study_version_unique"),
            models.CheckConstraint(condition=models.Q(number__gte=1), name="network_case_study_version_positive"),
        ]

    def __str__(self):
        return f"{self.study} · {self.number}"
