"""Pages of the SME survey: the team's summary and link, and the public form behind the link."""

import hashlib
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from ccrs.decorators import object_action
from ccrs.links import LinkInvalid, link_token
from ccrs.public_forms import HONEYPOT, public_language, rate_limited

from .. import forms, rules, selectors, services
from .assessments import _assessment


@_assessment()
def survey(request, assessment):
    """The city team's view of its SME survey: the public link and the figures per sector."""
    city = assessment.city
    link = request.build_absolute_uri(
        reverse("sectors:survey_public", kwargs={"token": link_token(services.SURVEY_LINK, assessment)})
    )
    return render(
        request,
        "sectors/survey_summary.html",
        {
            "city": city,
            "assessment": assessment,
            "link": link,
            "rows": selectors.survey_summary(assessment=assessment),
            "can_edit": rules.abilities(request.user, city)["can_edit"] and assessment.is_editable,
        },
    )


survey_apply = object_action(
    selectors.assessment_get,
    kwarg="slug",
    perm="sectors.edit_assessment",
    target=lambda assessment: assessment.city,
    act=lambda request, assessment: services.survey_apply(assessment=assessment),
    success=lambda assessment, count: (
        ngettext("%(count)s value updated from the survey.", "%(count)s values updated from the survey.", count)
        % {"count": count}
    ),
    back=lambda assessment: reverse("sectors:survey", kwargs={"slug": assessment.city.slug}),
)


@require_POST
@_assessment("sectors.edit_assessment")
def survey_renew(request, assessment):
    city = assessment.city
    services.survey_link_renew(assessment=assessment)
    messages.success(request, _("A new survey link was made; the old one no longer works."))
    return redirect("sectors:survey", slug=city.slug)


def _survey_offered(city):
    """The languages the survey is written in: the city's own and English."""
    return list(dict.fromkeys([city.main_language, "en"]))


def _survey_refused(request, error):
    return render(request, "sectors/survey_invalid.html", {"reason": error.message}, status=error.status)


def _survey_thanks_redirect(token, language):
    return redirect(f"{reverse('sectors:survey_thanks', kwargs={'token': token})}?{urlencode({'lang': language})}")


@never_cache
def survey_public(request, token):
    """The SME survey on a phone, without an account, in the city's language unless another is chosen.

    A sent form goes on to the thank-you page (Post/Redirect/Get), so reloading that page sends nothing."""
    try:
        assessment = services.survey_assessment(token=token)
    except LinkInvalid as error:
        return _survey_refused(request, error)
    city = assessment.city
    offered = _survey_offered(city)
    language = public_language(request, default=city.main_language, offered=offered)
    form = forms.SurveyForm(request.POST or None, assessment=assessment)
    status = 200
    if request.method == "POST":
        if rate_limited(
            request, scope=f"survey:{assessment.pk}", per_address=settings.SECTORS_SURVEY_RATE_PER_HOUR, window=3600
        ):
            form.add_error(None, _("Too many answers from this connection. Try again in an hour."))
            status = 429
        elif form.is_spam:
            # A bot filled the hidden field: thank it and keep nothing.
            return _survey_thanks_redirect(token, language)
        elif form.is_valid():
            data = {k: v for k, v in form.cleaned_data.items() if k != HONEYPOT}
            try:
                services.survey_respond(assessment=assessment, language=language, **data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                return _survey_thanks_redirect(token, language)
        if form.errors and status == 200:
            status = 400
    return render(
        request,
        "sectors/survey_public.html",
        {"city": city, "form": form, "language": language, "languages": offered, "fields_key": _fields_key(form)},
        status=status,
    )


def _fields_key(form) -> str:
    """The key under which an empty survey's fields are drawn once (most of a GET's time): the language and the
    sectors offered, which is all they show; "" for a form sent back with its answers and errors."""
    if form.is_bound:
        return ""
    sectors = list(form.fields["sector"].queryset.values_list("pk", "local_name"))
    return hashlib.sha256(repr([translation.get_language(), sectors]).encode()).hexdigest()


@never_cache
def survey_thanks(request, token):
    """Where a sent survey lands; it stores nothing, so reloading it is harmless."""
    try:
        assessment = services.survey_assessment(token=token)
    except LinkInvalid as error:
        return _survey_refused(request, error)
    city = assessment.city
    language = public_language(request, default=city.main_language, offered=_survey_offered(city))
    return render(
        request, "sectors/survey_thanks.html", {"city": city, "language": language, "languages": _survey_offered(city)}
    )
