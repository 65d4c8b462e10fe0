"""The resource library: toolkits, guides, reports, recordings and templates the network shares.

A resource is a stored file (its type checked by content) or a link, with a title and summary in any of
the five languages (`titles` / `summaries`, {"vi": ..., "en": ...}). `search_title`, `search_text` and
`search_vector` are written only by `network.services.library.resource_index`, on every write.
"""

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ccrs.models import TimeStampedModel, choices_constraint, person_field
from ccrs.uploads import RandomName

from .members import Tag


class ResourceKind(models.TextChoices):
    TOOLKIT = "toolkit", _("Toolkit")
    GUIDE = "guide", _("Guide")
    REPORT = "report", _("Report")
    RECORDING = "recording", _("Recording")
    TEMPLATE = "template", _("Template")


class Licence(models.TextChoices):
    CC_BY = "cc-by-4.0", _("CC BY 4.0 (share and adapt, with credit)")
    CC_BY_SA = "cc-by-sa-4.0", _("CC BY-SA 4.0 (share alike)")
    CC_BY_NC = "cc-by-nc-4.0", _("CC BY-NC 4.0 (not for commercial use)")
    CC0 = "cc0-1.0", _("CC0 1.0 (public domain)")
    RESERVED = "all-rights-reserved", _("All rights reserved (read only)")


# Where each open licence's text is (a page or a PDF links to it; "all rights reserved" has none).
LICENCE_URLS = {
    Licence.CC_BY: "https://creativecommons.org/licenses/by/4.0/",
    Licence.CC_BY_SA: "https://creativecommons.org/licenses/by-sa/4.0/",
    Licence.CC_BY_NC: "https://creativecommons.org/licenses/by-nc/4.0/",
    Licence.CC0: "https://creativecommons.org/publicdomain/zero/1.0/",
}


LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


class Resource(TimeStampedModel):
    kind = models.CharField(_("type"), max_length=16, choices=ResourceKind.choices)
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, help_text=_("The language the file or page is in.")
    )
    titles = models.JSONField(_("titles"), default=dict, help_text=_('By language: {"en": "...", "vi": "..."}.'))
    summaries = models.JSONField(_("summaries"), default=dict, blank=True)
    file = models.FileField(_("file"), upload_to=RandomName("network/library"), blank=True, max_length=200)
    file_name = models.CharField(_("file name"), max_length=200, blank=True)
    file_type = models.CharField(_("file type"), max_length=100, blank=True)
    file_size = models.PositiveBigIntegerField(_("file size"), null=True, blank=True)
    link = models.URLField(_("link"), max_length=500, blank=True)
    author = person_field(_("author"), related_name="network_resources")
    credit = models.CharField(
        _("published by"), max_length=200, blank=True, help_text=_("The organisation or people credited.")
    )
    published_on = models.DateField(_("date"))
    licence = models.CharField(_("licence"), max_length=24, choices=Licence.choices, default=Licence.CC_BY)
    city = models.ForeignKey(
        "cities.City",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="network_resources",
        verbose_name=_("city"),
    )
    tags = models.ManyToManyField(Tag, blank=True, related_name="resources", verbose_name=_("tags"))
    search_title = models.TextField(_("indexed titles"), blank=True, editable=False)
    search_text = models.TextField(_("indexed summaries"), blank=True, editable=False)
    search_vector = SearchVectorField(null=True, editable=False)

    history = HistoricalRecords(excluded_fields=["search_title", "search_text", "search_vector"])

    class Meta:
        ordering = ["-published_on", "-pk"]
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        indexes = [
            GinIndex(fields=["search_vector"], name="network_resource_search"),
            models.Index(fields=["-published_on", "-id"], name="network_resource_newest"),
        ]
        constraints = [
            choices_constraint("kind", ResourceKind, "network_resource_kind_valid"),
            choices_constraint("licence", Licence, "network_resource_licence_valid"),
            models.CheckConstraint(
                condition=models.Q(language__in=LANGUAGE_CODES), name="network_resource_language_valid"
            ),
            models.CheckConstraint(
                condition=(models.Q(file="") & ~models.Q(link="")) | (~models.Q(file="") & models.Q(link="")),
                name="network_resource_file_or_link",
            ),
        ]

    def __str__(self):
        return self.title_in(self.language)

    def get_absolute_url(self):
        return reverse("network:resource_detail", kwargs={"pk": self.pk})

    def title_in(self, language: str | None = None) -> str:
        """The title in `language` (default: the active one), else in the resource's own language, else any."""
        language = (language or get_language() or "en")[:2]
        return self.titles.get(language) or self.titles.get(self.language) or next(iter(self.titles.values()), "")

    def summary_in(self, language: str | None = None) -> str:
        language = (language or get_language() or "en")[:2]
        return (
            self.summaries.get(language) or self.summaries.get(self.language) or next(iter(self.summaries.values()), "")
        )

    @property
    def title(self) -> str:
        return self.title_in()

    @property
    def summary(self) -> str:
        return self.summary_in()
