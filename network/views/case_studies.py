"""The city team's and staff's case study pages: the list, a study's edit page per language, quotes, photos and the
review and publication steps."""

from django.conf import settings
from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ccrs.decorators import object_required, permission_required, require
from ccrs.forms import action_done, form_page, form_saved

from .. import case_study_forms as forms
from ..models import CaseStudyPhoto, CaseStudyQuote, SectionKey
from ..rules import case_study_abilities
from ..selectors import case_studies as selectors
from ..services import case_studies as services

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def _language(request, study) -> str:
    chosen = request.GET.get("lang") or study.required_languages[0]
    return chosen if chosen in LANGUAGE_CODES else "en"


def _edit_url(study, language: str) -> str:
    return f"{reverse('network:case_study_edit', kwargs={'pk': study.pk})}?lang={language}"


@permission_required("network.view_network")
def case_study_list(request):
    cities = selectors.cities_for_new_study(user=request.user)
    form = forms.CaseStudyCreateForm(request.POST or None, cities=cities)
    if request.method == "POST":
        city = next((c for c in cities if c.slug == request.POST.get("city")), None)
        if city is None:
            raise Http404
        require(request.user, "network.add_case_study", city)
        saved = form_saved(
            request,
            form,
            lambda: services.case_study_draft_create(city=city, user=request.user, kind=form.cleaned_data["kind"]),
            success=_("The draft is ready, filled from the city's data."),
        )
        if saved:
            return redirect(saved.result.get_absolute_url())
    return form_page(
        request,
        "network/case_studies/case_study_list.html",
        form,
        {"studies": selectors.case_study_list(user=request.user), "cities": cities},
    )


@object_required(selectors.case_study_get, perm="network.view_case_study")
def case_study_edit(request, study):
    language = _language(request, study)
    page = selectors.case_study_edit_page(study=study, language=language)
    initial = {
        "title": study.titles.get(language, ""),
        "summary": study.summaries.get(language, ""),
        "licence": study.licence,
        **{f"section_{key}": page["texts"].get(key, "") for key in SectionKey.values},
    }
    form = forms.CaseStudyTextForm(request.POST or None, initial=initial)
    if request.method == "POST":
        require(request.user, "network.change_case_study", study)

        def save():
            services.case_study_details_save(
                study=study,
                language=language,
                title=form.cleaned_data["title"],
                summary=form.cleaned_data["summary"],
                licence=form.cleaned_data["licence"],
            )
            for key in SectionKey.values:
                services.case_study_section_save(
                    study=study, key=key, language=language, body=form.cleaned_data[f"section_{key}"]
                )

        if form_saved(request, form, save, success=_("The case study was saved.")):
            return redirect(_edit_url(study, language))
    user = request.user
    context = {
        "study": study,
        "language": language,
        "languages": settings.LANGUAGES,
        "required": study.required_languages,
        "form": form,
        "quote_form": forms.QuoteForm(sources=selectors.quote_sources(city=study.city)),
        "photo_form": forms.PhotoForm(),
        **case_study_abilities(user, study),
        "history": list(study.history.select_related("history_user").order_by("-history_date")[:20]),
        **page,
    }
    return render(request, "network/case_studies/case_study_edit.html", context, status=400 if form.errors else 200)


def _sent_from_page(request, form, save, *, success):
    """A form of the study's page sent on its own: saved through form_saved, or each field's errors a message."""
    if not form_saved(request, form, save, success=success):
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))


STEP_PERMS = {
    "submit": "network.submit_case_study",
    "approve": "network.review_case_study",
    "return": "network.review_case_study",
    "publish": "network.review_case_study",
    "unpublish": "network.review_case_study",
    "revise": "network.change_case_study",
}


@require_POST
@object_required(selectors.case_study_get, perm="network.view_case_study")
def case_study_step(request, study):
    form = forms.StepForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a step."))
        return redirect(study.get_absolute_url())
    action, comment, user = form.cleaned_data["action"], form.cleaned_data["comment"], request.user
    require(user, STEP_PERMS[action], study)
    steps = {
        "submit": (lambda: services.case_study_submit(study=study, user=user), _("Sent to program staff for review.")),
        "approve": (lambda: services.case_study_approve(study=study, user=user), _("The case study is approved.")),
        "return": (
            lambda: services.case_study_return(study=study, user=user, comment=comment),
            _("Returned to the city team with your comments."),
        ),
        "publish": (lambda: services.case_study_publish(study=study, user=user), _("The case study is published.")),
        "revise": (lambda: services.case_study_revise(study=study), _("A new version is being drafted.")),
        "unpublish": (
            lambda: services.case_study_unpublish(study=study, user=user, note=comment),
            _("The case study was taken off the public pages."),
        ),
    }
    step, success = steps[action]
    action_done(request, step, success=success)
    return redirect(study.get_absolute_url())


@require_POST
@object_required(selectors.case_study_get, perm="network.change_case_study")
def quote_add(request, study):
    form = forms.QuoteForm(request.POST, sources=selectors.quote_sources(city=study.city))

    def save():
        data = form.cleaned_data
        if data["source"]:
            return services.quote_pick(study=study, user=request.user, key=data["source"])
        return services.quote_add(
            study=study,
            user=request.user,
            text=data["text"],
            language=data["language"] or study.city.main_language,
            speaker_kind=data["speaker_kind"] or "other",
            speaker_name=data["speaker_name"],
            speaker_organisation=data["speaker_organisation"],
            consent=data["consent"] or "none",
        )

    _sent_from_page(request, form, save, success=_("The quote was added."))
    return redirect(study.get_absolute_url())


def _quote_of(*, user, pk):
    quote = CaseStudyQuote.objects.select_related("study__city").filter(pk=pk).first()
    return quote if quote and selectors.case_study_get(user=user, pk=quote.study_id) else None


@require_POST
@object_required(_quote_of, perm="network.change_case_study", target=lambda quote: quote.study)
def quote_consent(request, quote):
    form = forms.QuoteConsentForm(request.POST)
    if form.is_valid():
        action_done(
            request,
            lambda: services.quote_consent_record(quote=quote, user=request.user, consent=form.cleaned_data["consent"]),
            success=_("The consent was recorded."),
        )
    else:
        messages.error(request, _("Choose what the person agreed to."))
    return redirect(quote.study.get_absolute_url())


@require_POST
@object_required(selectors.case_study_get, perm="network.change_case_study")
def photo_add(request, study):
    form = forms.PhotoForm(request.POST, request.FILES)

    def save():
        data = form.cleaned_data
        upload, caption, credit, consent = data["image"], data["caption"], data["credit"], data["consent"]
        return services.photo_add(study=study, upload=upload, caption=caption, credit=credit, consent=consent)

    _sent_from_page(request, form, save, success=_("The photo was added."))
    return redirect(study.get_absolute_url())


def _photo_of(*, user, pk):
    photo = CaseStudyPhoto.objects.select_related("study").filter(pk=pk).first()
    return photo if photo and selectors.case_study_get(user=user, pk=photo.study_id) else None


@object_required(_photo_of)
def photo_file(request, photo):
    """A photo as the team sees it while drafting (the public reads published photos at their own address)."""
    response = FileResponse(photo.image.open("rb"), content_type=photo.content_type)
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@permission_required("network.review_case_study")
def review_queue(request):
    return render(
        request, "network/case_studies/review_queue.html", {"studies": selectors.review_queue(user=request.user)}
    )
