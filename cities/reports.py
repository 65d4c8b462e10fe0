"""The cities app's reports: a city's profile and onboarding (PDF)."""

from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from ccrs import reporting

from . import selectors
from .models import City


def _city(user, object_id):
    return selectors.cities_visible_to(user=user).filter(pk=object_id).exists()


def build_city_profile(*, object_id, format, progress, user):
    city = City.objects.select_related("cohort").filter(pk=object_id).first()
    if city is None:
        raise reporting.ReportError(_("This city no longer exists."))
    progress(30)
    context = {"city": city, **selectors.city_profile(city=city)}
    progress(60)
    return reporting.pdf(
        template="reports/city_profile.html", context=context, filename=f"{slugify(city.name)}-profile.pdf"
    )


reporting.register(
    reporting.ReportKind(
        name="city_profile",
        label=_("City profile and onboarding"),
        formats=("pdf",),
        can_request=_city,
        city_of=lambda object_id: object_id,
        build=build_city_profile,
    )
)
