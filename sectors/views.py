"""Views of the sector assessment: thin; permissions through rules, reads and writes through the app."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from ccrs.decorators import permission_required

from . import forms, importing, selectors, services
from .models import IndicatorValue


def _city(request, slug, perm="sectors.view_assessment"):
    """The city (404 if the user may not see it) after checking `perm` on it (403)."""
    city = selectors.city_for(user=request.user, slug=slug)
    if city is None:
        raise Http404(_("No city with this address is open to you."))
    if not request.user.has_perm(perm, city):
        raise PermissionDenied
    return city


def _assessment(request, slug, perm="sectors.view_assessment"):
    city = _city(request, slug, perm)
    assessment = selectors.assessment_of(city)
    if assessment is None:
        raise Http404(_("This city has not started its sector assessment."))
    return city, assessment


def _errors(request, error: ValidationError):
    for message in error.messages:
        messages.error(request, message)


def _can(request, city):
    return {
        "can_edit": request.user.has_perm("sectors.edit_assessment", city),
        "can_review": request.user.has_perm("sectors.review_assessment", city),
        "can_propose": request.user.has_perm("sectors.propose_selection", city),
        "can_decide": request.user.has_perm("sectors.decide_selection", city),
    }


@permission_required("sectors.view_overview")
def overview(request):
    """Staff compare all cities' assessments side by side."""
    return render(request, "sectors/assessment_overview.html", {"rows": selectors.overview(user=request.user)})


@login_required
def workspace(request, slug):
    city = _city(request, slug)
    assessment = selectors.assessment_of(city)
    context = {"city": city, "assessment": assessment, **_can(request, city)}
    if assessment is not None:
        context.update(selectors.workspace(assessment=assessment))
        context["review_form"] = forms.ReviewForm()
        context["reason_form"] = forms.ReasonForm()
    return render(request, "sectors/assessment_workspace.html", context)


@require_POST
@login_required
def start(request, slug):
    city = _city(request, slug, "sectors.edit_assessment")
    try:
        services.assessment_start(city=city)
    except ValidationError as error:
        _errors(request, error)
    return redirect("sectors:workspace", slug=city.slug)


@login_required
def assessment_settings(request, slug):
    city, assessment = _assessment(request, slug, "sectors.edit_assessment")
    form = forms.AssessmentSettingsForm(request.POST or None, instance=assessment)
    if request.method == "POST" and form.is_valid():
        try:
            services.assessment_update(
                assessment=selectors.assessment_of(city),
                **{name: form.cleaned_data[name] for name in form.Meta.fields},
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Settings saved."))
            return redirect("sectors:workspace", slug=city.slug)
    return render(
        request,
        "sectors/assessment_settings.html",
        {"city": city, "assessment": assessment, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
def sector_add(request, slug):
    city, assessment = _assessment(request, slug, "sectors.edit_assessment")
    form = forms.SectorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        isic = data.pop("isic")
        try:
            sector = services.sector_add(
                assessment=assessment, isic_code=isic.code, local_name=data.pop("local_name"), **data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("“%(name)s” added. Now enter its values.") % {"name": sector.local_name})
            return redirect("sectors:sector_values", slug=city.slug, sector_id=sector.pk)
    return render(
        request,
        "sectors/sector_form.html",
        {"city": city, "assessment": assessment, "form": form},
        status=400 if form.errors else 200,
    )


def _sector(request, slug, sector_id, perm):
    city, assessment = _assessment(request, slug, perm)
    sector = selectors.sector_get(assessment=assessment, sector_id=sector_id)
    if sector is None:
        raise Http404(_("This sector is not part of the assessment."))
    sector.assessment = assessment
    return city, assessment, sector


@login_required
def sector_edit(request, slug, sector_id):
    city, assessment, sector = _sector(request, slug, sector_id, "sectors.edit_assessment")
    form = forms.SectorForm(request.POST or None, instance=sector)
    form.fields["isic"].disabled = True
    form.fields["local_name"].disabled = True
    if request.method == "POST" and form.is_valid():
        try:
            services.sector_update(
                sector=sector, **{k: form.cleaned_data[k] for k in services.SECTOR_FIELDS if k in form.cleaned_data}
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Sector saved."))
            return redirect("sectors:workspace", slug=city.slug)
    return render(
        request,
        "sectors/sector_form.html",
        {"city": city, "assessment": assessment, "form": form, "sector": sector},
        status=400 if form.errors else 200,
    )


@require_POST
@login_required
def sector_remove(request, slug, sector_id):
    city, _assessment_, sector = _sector(request, slug, sector_id, "sectors.edit_assessment")
    try:
        services.sector_remove(sector=sector)
    except ValidationError as error:
        _errors(request, error)
    else:
        messages.success(request, _("“%(name)s” removed.") % {"name": sector.local_name})
    return redirect("sectors:workspace", slug=city.slug)


@login_required
def sector_values(request, slug, sector_id):
    """Enter the value, source and confidence of each criterion for one sector."""
    city, assessment, sector = _sector(request, slug, sector_id, "sectors.edit_assessment")
    criteria = selectors.criteria_of(cohort_id=city.cohort_id)
    values = {v.criterion_id: v for v in IndicatorValue.objects.filter(sector=sector)}
    form = forms.SectorValuesForm(request.POST or None, criteria=criteria, values=values)
    if request.method == "POST" and form.is_valid():
        try:
            with services.transaction.atomic():
                for criterion in criteria:
                    value = form.cleaned_data[f"value_{criterion.pk}"]
                    if value is None:
                        continue
                    services.value_set(
                        sector=sector,
                        criterion=criterion,
                        value=value,
                        source=form.cleaned_data[f"source_{criterion.pk}"],
                        confidence=form.cleaned_data[f"confidence_{criterion.pk}"],
                    )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Values of “%(name)s” saved.") % {"name": sector.local_name})
            return redirect("sectors:workspace", slug=city.slug)
    return render(
        request,
        "sectors/sector_values.html",
        {"city": city, "assessment": assessment, "sector": sector, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
def values_import(request, slug):
    """Upload a CSV or XLSX sheet of values: all rows are saved, or none with a row-by-row report."""
    city, assessment = _assessment(request, slug, "sectors.edit_assessment")
    form = forms.ImportForm(request.POST or None, request.FILES or None)
    problems = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            count = services.values_import(assessment=assessment, data=upload.read(), filename=upload.name)
        except ValidationError as error:
            problems = error.messages
        else:
            messages.success(request, _("%(count)s values imported.") % {"count": count})
            return redirect("sectors:workspace", slug=city.slug)
    return render(
        request,
        "sectors/values_import.html",
        {"city": city, "assessment": assessment, "form": form, "problems": problems},
        status=400 if (form.errors or problems) else 200,
    )


@login_required
def values_template(request, slug):
    """The import sheet, filled with the sectors, the criteria and the values entered so far."""
    city, assessment = _assessment(request, slug)
    rows = importing.template_rows(selectors.template_pairs(assessment=assessment))
    if request.GET.get("format") == "xlsx":
        response = HttpResponse(
            importing.to_xlsx(rows),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="{city.slug}-sector-values.xlsx"'
        return response
    response = HttpResponse(importing.to_csv(rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{city.slug}-sector-values.csv"'
    return response


@login_required
def ahp(request, slug):
    """Derive the criteria weights from pairwise comparisons (AHP), refused when inconsistent."""
    city, assessment = _assessment(request, slug)
    can_edit = request.user.has_perm("sectors.edit_assessment", city) and assessment.is_editable
    criteria = selectors.criteria_of(cohort_id=city.cohort_id)
    form = forms.AhpForm(request.POST or None, criteria=criteria, judgements=assessment.ahp_judgements or {})
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied
        if form.is_valid():
            try:
                result = services.ahp_save(assessment=assessment, judgements=form.judgements())
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request,
                    _("Weights derived; the consistency ratio is %(cr).2f.") % {"cr": result.consistency_ratio},
                )
                return redirect("sectors:ahp", slug=city.slug)
    weights = (assessment.ahp_weights or {}).get("weights", {})
    return render(
        request,
        "sectors/assessment_ahp.html",
        {
            "city": city,
            "assessment": assessment,
            "form": form,
            "can_edit": can_edit,
            "derived": [(c, weights.get(str(c.pk))) for c in criteria] if weights else [],
            "ahp": assessment.ahp_weights,
        },
        status=400 if form.errors else 200,
    )


@login_required
def ranking(request, slug):
    city, assessment = _assessment(request, slug)
    try:
        samples = min(max(int(request.GET.get("samples", 0)), 0), 20000) or None
    except ValueError:
        samples = None
    context = selectors.ranking(assessment=assessment, method=request.GET.get("method"), samples=samples)
    return render(request, "sectors/assessment_ranking.html", {"city": city, "assessment": assessment, **context})


@require_POST
@login_required
def submit(request, slug):
    city, assessment = _assessment(request, slug, "sectors.edit_assessment")
    try:
        services.assessment_submit(assessment=assessment, user=request.user)
    except ValidationError as error:
        _errors(request, error)
    else:
        messages.success(request, _("Assessment submitted to program staff."))
    return redirect("sectors:workspace", slug=city.slug)


@require_POST
@login_required
def review(request, slug):
    city, assessment = _assessment(request, slug, "sectors.review_assessment")
    form = forms.ReviewForm(request.POST)
    if form.is_valid():
        try:
            if form.cleaned_data["decision"] == "approve":
                services.assessment_approve(
                    assessment=assessment, user=request.user, comment=form.cleaned_data["comment"]
                )
                messages.success(request, _("Assessment approved."))
            else:
                services.assessment_return(
                    assessment=assessment, user=request.user, comment=form.cleaned_data["comment"]
                )
                messages.success(request, _("Assessment returned to the city team."))
        except ValidationError as error:
            _errors(request, error)
    else:
        messages.error(request, _("Choose a decision."))
    return redirect("sectors:workspace", slug=city.slug)


@require_POST
@login_required
def reopen(request, slug):
    city, assessment = _assessment(request, slug, "sectors.review_assessment")
    form = forms.ReasonForm(request.POST)
    try:
        services.assessment_reopen(assessment=assessment, user=request.user, reason=form.data.get("reason", ""))
    except ValidationError as error:
        _errors(request, error)
    else:
        messages.success(request, _("Assessment reopened as a draft."))
    return redirect("sectors:workspace", slug=city.slug)


@login_required
def survey(request, slug):
    """The city team's view of its SME survey: the public link and the figures per sector."""
    city, assessment = _assessment(request, slug)
    link = request.build_absolute_uri(
        reverse("sectors:survey_public", kwargs={"token": services.survey_token(assessment=assessment)})
    )
    return render(
        request,
        "sectors/survey_summary.html",
        {
            "city": city,
            "assessment": assessment,
            "link": link,
            "rows": selectors.survey_summary(assessment=assessment),
            "can_edit": request.user.has_perm("sectors.edit_assessment", city) and assessment.is_editable,
        },
    )


@require_POST
@login_required
def survey_apply(request, slug):
    city, assessment = _assessment(request, slug, "sectors.edit_assessment")
    try:
        count = services.survey_apply(assessment=assessment)
    except ValidationError as error:
        _errors(request, error)
    else:
        messages.success(request, _("%(count)s values updated from the survey.") % {"count": count})
    return redirect("sectors:survey", slug=city.slug)


@require_POST
@login_required
def survey_renew(request, slug):
    city, assessment = _assessment(request, slug, "sectors.edit_assessment")
    services.survey_link_renew(assessment=assessment)
    messages.success(request, _("A new survey link was made; the old one no longer works."))
    return redirect("sectors:survey", slug=city.slug)


def _client_ip(request):
    return request.META.get("REMOTE_ADDR", "")


@never_cache
def survey_public(request, token):
    """The SME survey on a phone, without an account, in the city's language unless another is chosen."""
    assessment = services.survey_assessment(token=token)
    if assessment is None:
        return render(request, "sectors/survey_invalid.html", status=404)
    city = assessment.city
    languages = [code for code, _name in settings.LANGUAGES]
    language = request.GET.get("lang")
    if language not in languages:
        language = city.main_language if city.main_language in languages else translation.get_language()
    with translation.override(language):
        request.LANGUAGE_CODE = language
        form = forms.SurveyForm(request.POST or None, assessment=assessment)
        status = 200
        if request.method == "POST":
            key = f"sectors:survey:{assessment.pk}:{_client_ip(request)}"
            count = cache.get_or_set(key, 0, 3600)
            if count >= settings.SECTORS_SURVEY_RATE_PER_HOUR:
                form.add_error(None, _("Too many answers from this connection. Try again in an hour."))
                status = 429
            elif form.data.get("website"):
                # A bot filled the hidden field: thank it and keep nothing.
                return render(request, "sectors/survey_thanks.html", {"city": city, "language": language})
            elif form.is_valid():
                try:
                    cache.incr(key)
                except ValueError:  # the counter expired between the check and now
                    cache.set(key, 1, 3600)
                data = {k: v for k, v in form.cleaned_data.items() if k != "website"}
                try:
                    services.survey_respond(assessment=assessment, language=language, **data)
                except ValidationError as error:
                    form.add_error(None, error)
                else:
                    return render(request, "sectors/survey_thanks.html", {"city": city, "language": language})
            if form.errors and status == 200:
                status = 400
        return render(
            request,
            "sectors/survey_public.html",
            {
                "city": city,
                "form": form,
                "language": language,
                "languages": [code for code in [city.main_language, "en"] if code in languages],
            },
            status=status,
        )


@login_required
def selection_propose(request, slug):
    city, assessment = _assessment(request, slug, "sectors.propose_selection")
    form = forms.SelectionForm(request.POST or None, assessment=assessment)
    if request.method == "POST" and form.is_valid():
        try:
            services.selection_propose(
                assessment=assessment,
                sector=form.cleaned_data["sector"],
                rationale=form.cleaned_data["rationale"],
                user=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Sector proposed; program staff will review it."))
            return redirect("sectors:workspace", slug=city.slug)
    return render(
        request,
        "sectors/selection_form.html",
        {"city": city, "assessment": assessment, "form": form},
        status=400 if form.errors else 200,
    )


@require_POST
@login_required
def selection_decide(request, slug, selection_id):
    city, assessment = _assessment(request, slug, "sectors.decide_selection")
    selection = selectors.selection_get(assessment=assessment, selection_id=selection_id)
    if selection is None:
        raise Http404(_("This proposal does not exist."))
    form = forms.DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a decision."))
        return redirect("sectors:workspace", slug=city.slug)
    try:
        if form.cleaned_data["decision"] == "approve":
            services.selection_approve(selection=selection, user=request.user, comment=form.cleaned_data["comment"])
            messages.success(
                request,
                _("“%(name)s” is the selected sector; its values are now the baselines.")
                % {"name": selection.sector.local_name},
            )
        else:
            services.selection_reject(selection=selection, user=request.user, comment=form.cleaned_data["comment"])
            messages.success(request, _("The proposal was sent back to the city."))
    except ValidationError as error:
        _errors(request, error)
    return redirect("sectors:workspace", slug=city.slug)
