"""Pages of a city's sector assessment: its workspace, candidate sectors and values, weights, ranking and review."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from ccrs.decorators import object_required, permission_required

from .. import forms, importing, rules, selectors, services


def _city(perm="sectors.view_assessment"):
    """Load the URL's city (404 unless the user may see it), then check `perm` on it (403)."""
    return object_required(selectors.city_for, kwarg="slug", perm=perm)


def _assessment(perm="sectors.view_assessment"):
    """Load the assessment of the URL's city (404 unless the user may see the city and it has one), check `perm`."""
    return object_required(selectors.assessment_get, kwarg="slug", perm=perm, target=lambda a: a.city)


def _sector(perm="sectors.edit_assessment"):
    """Load the URL's candidate sector of the URL's city (404 unless the user may see the city), check `perm`."""
    return object_required(
        selectors.sector_get, kwarg="sector_id", also=("slug",), perm=perm, target=lambda s: s.assessment.city
    )


def _errors(request, error: ValidationError):
    for message in error.messages:
        messages.error(request, message)


@permission_required("sectors.view_overview")
def overview(request):
    """Staff compare all cities' assessments side by side."""
    page = selectors.overview_page(user=request.user, number=request.GET.get("page") or 1)
    return render(request, "sectors/assessment_overview.html", {"rows": page.object_list, "page": page})


@_city()
def workspace(request, city):
    assessment = selectors.assessment_of(city)
    context = {"city": city, "assessment": assessment, **rules.abilities(request.user, city)}
    if assessment is not None:
        context.update(selectors.workspace(assessment=assessment))
        context["review_form"] = forms.ReviewForm()
        context["reason_form"] = forms.ReasonForm()
    return render(request, "sectors/assessment_workspace.html", context)


@require_POST
@_city("sectors.edit_assessment")
def start(request, city):
    try:
        services.assessment_start(city=city)
    except ValidationError as error:
        _errors(request, error)
    return redirect("sectors:workspace", slug=city.slug)


@_assessment("sectors.edit_assessment")
def assessment_settings(request, assessment):
    city = assessment.city
    form = forms.AssessmentSettingsForm(request.POST or None, instance=assessment)
    if request.method == "POST" and form.is_valid():
        try:
            services.assessment_update(
                assessment=assessment,
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


@_assessment("sectors.edit_assessment")
def sector_add(request, assessment):
    city = assessment.city
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


@_sector()
def sector_edit(request, sector):
    assessment = sector.assessment
    city = assessment.city
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
@_sector()
def sector_remove(request, sector):
    city = sector.assessment.city
    try:
        services.sector_remove(sector=sector)
    except ValidationError as error:
        _errors(request, error)
    else:
        messages.success(request, _("“%(name)s” removed.") % {"name": sector.local_name})
    return redirect("sectors:workspace", slug=city.slug)


@_sector()
def sector_values(request, sector):
    """Enter the value, source and confidence of each criterion for one sector."""
    assessment = sector.assessment
    city = assessment.city
    criteria = selectors.criteria_of(cohort_id=city.cohort_id)
    values = selectors.sector_values(sector=sector)
    form = forms.SectorValuesForm(request.POST or None, criteria=criteria, values=values)
    if request.method == "POST" and form.is_valid():
        try:
            services.sector_values_set(sector=sector, entries=form.entries())
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


@_assessment("sectors.edit_assessment")
def values_import(request, assessment):
    """Upload a CSV or XLSX sheet of values: all rows are saved, or none with a row-by-row report."""
    city = assessment.city
    form = forms.ImportForm(request.POST or None, request.FILES or None)
    problems = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            count = services.values_import(assessment=assessment, data=upload.read(), filename=upload.name)
        except ValidationError as error:
            problems = error.messages
        else:
            messages.success(
                request, ngettext("%(count)s value imported.", "%(count)s values imported.", count) % {"count": count}
            )
            return redirect("sectors:workspace", slug=city.slug)
    return render(
        request,
        "sectors/values_import.html",
        {"city": city, "assessment": assessment, "form": form, "problems": problems},
        status=400 if (form.errors or problems) else 200,
    )


@_assessment()
def values_template(request, assessment):
    """The import sheet, filled with the sectors, the criteria and the values entered so far."""
    city = assessment.city
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


@_assessment()
def ahp(request, assessment):
    """Derive the criteria weights from pairwise comparisons (AHP), refused when inconsistent."""
    city = assessment.city
    can_edit = rules.abilities(request.user, city)["can_edit"] and assessment.is_editable
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


@_assessment()
def ranking(request, assessment):
    city = assessment.city
    try:
        samples = min(max(int(request.GET.get("samples", 0)), 0), 20000) or None
    except ValueError:
        samples = None
    context = selectors.ranking(assessment=assessment, method=request.GET.get("method"), samples=samples)
    return render(request, "sectors/assessment_ranking.html", {"city": city, "assessment": assessment, **context})


@require_POST
@_assessment("sectors.edit_assessment")
def submit(request, assessment):
    city = assessment.city
    try:
        services.assessment_submit(assessment=assessment, user=request.user)
    except ValidationError as error:
        _errors(request, error)
    else:
        messages.success(request, _("Assessment submitted to program staff."))
    return redirect("sectors:workspace", slug=city.slug)


@require_POST
@_assessment("sectors.review_assessment")
def review(request, assessment):
    city = assessment.city
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
@_assessment("sectors.review_assessment")
def reopen(request, assessment):
    city = assessment.city
    form = forms.ReasonForm(request.POST)
    try:
        services.assessment_reopen(assessment=assessment, user=request.user, reason=form.data.get("reason", ""))
    except ValidationError as error:
        _errors(request, error)
    else:
        messages.success(request, _("Assessment reopened as a draft."))
    return redirect("sectors:workspace", slug=city.slug)
