"""Cohorts and their cities: the first models of the program."""

import re
import zoneinfo

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from ccrs.models import TimeStampedModel

LANGUAGE_CODE_RE = re.compile(r"^[a-z]{2,3}$")


def validate_time_zone(value):
    if value not in zoneinfo.available_timezones():
        raise ValidationError(
            _("“%(value)s” is not a time zone. Use an IANA name such as Asia/Bangkok."),
            params={"value": value},
        )


def validate_language_codes(value):
    if not isinstance(value, list) or not value:
        raise ValidationError(_("Give at least one language as an ISO 639-1 code, such as vi or th."))
    bad = [code for code in value if not isinstance(code, str) or not LANGUAGE_CODE_RE.match(code)]
    if bad:
        raise ValidationError(
            _("These are not ISO 639-1 language codes: %(codes)s. Use codes such as vi, th, id, ms or en."),
            params={"codes": ", ".join(map(str, bad))},
        )


class Cohort(TimeStampedModel):
    """A round of the program: a group of cities working through the four actions together."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    region = models.CharField(_("region"), max_length=80)
    start_year = models.PositiveSmallIntegerField(_("first year"))
    end_year = models.PositiveSmallIntegerField(_("last year"))
    max_cities = models.PositiveSmallIntegerField(_("maximum number of cities"), default=8)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")
        ordering = ["-start_year", "name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_year__gte=models.F("start_year")), name="cohort_years_ordered"
            ),
            models.CheckConstraint(condition=models.Q(max_cities__gte=1), name="cohort_max_cities_positive"),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.start_year and self.end_year and self.end_year < self.start_year:
            raise ValidationError({"end_year": _("The last year cannot come before the first year.")})


class City(TimeStampedModel):
    """A city of the program, with its name in English and in its own language."""

    cohort = models.ForeignKey(
        Cohort, on_delete=models.PROTECT, null=True, blank=True, related_name="cities", verbose_name=_("cohort")
    )
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name in English"), max_length=120)
    local_name = models.CharField(_("name in the local language"), max_length=120, blank=True)
    country = CountryField(_("country"))
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    time_zone = models.CharField(_("time zone"), max_length=64, validators=[validate_time_zone])
    languages = models.JSONField(
        _("languages"),
        default=list,
        validators=[validate_language_codes],
        help_text=_('ISO 639-1 codes, the main language first, such as ["vi", "en"].'),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("city")
        verbose_name_plural = _("cities")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["name", "country"], name="city_name_country_unique"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("cities:dashboard", kwargs={"slug": self.slug})

    @property
    def display_name(self):
        """English name, with the local name beside it when it differs."""
        if self.local_name and self.local_name != self.name:
            return f"{self.name} ({self.local_name})"
        return self.name

    @property
    def main_language(self):
        return self.languages[0] if self.languages else "en"
