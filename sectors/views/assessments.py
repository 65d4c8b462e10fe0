"""Pages of a city's sector assessment: its workspace, candidate sectors and values, weights, ranking and review."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from ccrs import fragments
from ccrs.decorators import object_action, object_required, permission_required
from ccrs.forms import action_done, form_page, form_saved

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


def _workspace(city):
    """The city's workspace, where the buttons on it go back to."""
    return reverse("sectors:workspace", kwargs={"slug": city.slug})


@permission_required("sectors.view_overview")
def overview(request):
    """Staff compare all cities' assessments side by side: each page drawn once per change of the program's data."""
    number = request.GET.get("page") or 1

    def context():
        page = selectors.overview_page(user=request.user, number=number)
        return {"rows": page.object_list, "page": page}

    body = fragments.drawn("sectors/partials/overview_page.html", f"overview:{fragments.key_of(number)}", context)
    return render(request, "sectors/assessment_overview.html", {"body": body})


@_city()
def workspace(request, city):
    assessment = selectors.assessment_of(city)
    context = {"city": city, "assessment": assessment, **rules.abilities(request.user, city)}
    if assessment is not None:
        context.update(selectors.workspace(assessment=assessment))
        context["review_form"] = forms.ReviewForm()
        context["reason_form"] = forms.ReasonForm()
    return render(request, "sectors/assessment_workspace.html", context)


start = object_action(
    selectors.city_for,
    kwarg="slug",
    perm="sectors.edit_assessment",
    act=lambda request, city: services.assessment_start(city=city),
    back=_workspace,
)


@_assessment("sectors.edit_assessment")
def assessment_settings(request, assessment):
    city = assessment.city
    form = forms.AssessmentSettingsForm(request.POST or None, instance=assessment)
    if form_saved(
        request,
        form,
        lambda: services.assessment_update(
            assessment=assessment, **{name: form.cleaned_data[name] for name in form.Meta.fields}
        ),
        success=_("Settings saved."),
    ):
        return redirect("sectors:workspace", slug=city.slug)
    return form_page(request, "sectors/assessment_settings.html", form, {"city": city, "assessment": assessment})


@_assessment("sectors.edit_assessment")
def sector_add(request, assessment):
    city = assessment.city
    form = forms.SectorForm(request.POST or None)

    def save():
        data = dict(form.cleaned_data)
        isic = data.pop("isic")
        return services.sector_add(
            assessment=assessment, isic_code=isic.code, local_name=data.pop("local_name"), **data
        )

    if saved := form_saved(
        request,
        form,
        save,
        success=lambda sector: _("“%(name)s” added. Now enter its values.") % {"name": sector.local_name},
    ):
        return redirect("sectors:sector_values", slug=city.slug, sector_id=saved.result.pk)
    return form_page(request, "sectors/sector_form.html", form, {"city": city, "assessment": assessment})


@_sector()
def sector_edit(request, sector):
    assessment = sector.assessment
    city = assessment.city
    form = forms.SectorForm(request.POST or None, instance=sector)
    form.fields["isic"].disabled = True
    form.fields["local_name"].disabled = True
    if form_saved(
        request,
        form,
        lambda: services.sector_update(
            sector=sector, **{k: form.cleaned_data[k] for k in services.SECTOR_FIELDS if k in form.cleaned_data}
        ),
        success=_("Sector saved."),
    ):
        return redirect("sectors:workspace", slug=city.slug)
    return form_page(
        request, "sectors/sector_form.html", form, {"city": city, "assessment": assessment, "sector": sector}
    )


sector_remove = object_action(
    selectors.sector_get,
    kwarg="sector_id",
    also=("slug",),
    perm="sectors.edit_assessment",
    target=lambda sector: sector.assessment.city,
    act=lambda request, sector: services.sector_remove(sector=sector),
    success=lambda sector, _removed: _("“%(name)s” removed.") % {"name": sector.local_name},
    back=lambda sector: _workspace(sector.assessment.city),
)


@_sector()
def sector_values(request, sector):
    """Enter the value, source and confidence of each criterion for one sector."""
    assessment = sector.assessment
    city = assessment.city
    criteria = selectors.criteria_of(cohort_id=city.cohort_id)
    values = selectors.sector_values(sector=sector)
    form = forms.SectorValuesForm(request.POST or None, criteria=criteria, values=values)
    if form_saved(
        request,
        form,
        lambda: services.sector_values_set(sector=sector, entries=form.entries()),
        success=_("Values of “%(name)s” saved.") % {"name": sector.local_name},
    ):
        return redirect("sectors:workspace", slug=city.slug)
    return form_page(
        request, "sectors/sector_values.html", form, {"city": city, "assessment": assessment, "sector": sector}
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
        if form_saved(
            request,
            form,
            lambda: services.ahp_save(assessment=assessment, judgements=form.judgements()),
            success=lambda result: (
                _("Weights derived; the consistency ratio is %(cr).2f.") % {"cr": result.consistency_ratio}
            ),
        ):
            return redirect("sectors:ahp", slug=city.slug)
    weights = (assessment.ahp_weights or {}).get("weights", {})
    return form_page(
        request,
        "sectors/assessment_ahp.html",
        form,
        {
            "city": city,
            "assessment": assessment,
            "can_edit": can_edit,
            "derived": [(c, weights.get(str(c.pk))) for c in criteria] if weights else [],
            "ahp": assessment.ahp_weights,
        },
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


def _assessment_step(perm, act, success):
    """A button on the workspace that changes the city's assessment: `act(request, assessment)`, then back."""
    return object_action(
        selectors.assessment_get,
        kwarg="slug",
        perm=perm,
        target=lambda a: a.city,
        act=act,
        success=success,
        back=lambda a: _workspace(a.city),
    )


submit = _assessment_step(
    "sectors.edit_assessment",
    lambda request, assessment: services.assessment_submit(assessment=assessment, user=request.user),
    gettext_lazy("Assessment submitted to program staff."),
)


@require_POST
@_assessment("sectors.review_assessment")
def review(request, assessment):
    city = assessment.city
    form = forms.ReviewForm(request.POST)
    if form.is_valid():
        comment = form.cleaned_data["comment"]
        if form.cleaned_data["decision"] == "approve":
            action_done(
                request,
                lambda: services.assessment_approve(assessment=assessment, user=request.user, comment=comment),
                success=_("Assessment approved."),
            )
        else:
            action_done(
                request,
                lambda: services.assessment_return(assessment=assessment, user=request.user, comment=comment),
                success=_("Assessment returned to the city team."),
            )
    else:
        messages.error(request, _("Choose a decision."))
    return redirect("sectors:workspace", slug=city.slug)


reopen = _assessment_step(
    "sectors.review_assessment",
    lambda request, assessment: services.assessment_reopen(
        assessment=assessment, user=request.user, reason=request.POST.get("reason", "")
    ),
    gettext_lazy("Assessment reopened as a draft."),
)
