"""Views of the co-creation app: city team pages, exports, and the public input form behind a personal link."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from ccrs.inputs import id_from
from cities import selectors as city_selectors

from . import exports, selectors, services
from .forms import InputForm, InviteForm, StakeholderForm, StakeholderImportForm
from .models import Idea, Stakeholder, StakeholderInvitation, Submission

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def _city_or_404(request, slug):
    city = city_selectors.city_get(user=request.user, slug=slug)
    if city is None or not request.user.has_perm("cocreation.view_process", city):
        raise Http404(_("No city with this address is open to you."))
    return city


def _workshop_or_404(request, pk):
    workshop = selectors.workshop_get(user=request.user, pk=pk)
    if workshop is None:
        raise Http404(_("No workshop with this address is open to you."))
    return workshop


def _page(request):
    """The page number asked for, as typed: the selector's paginator makes sense of any value."""
    return request.GET.get("page") or 1


def _language(request):
    language = request.GET.get("lang") or translation.get_language() or "en"
    return language if language in LANGUAGES else "en"


def _must_manage(request, city):
    if not request.user.has_perm("cocreation.manage_process", city):
        raise PermissionDenied


@login_required
def process_list(request, slug):
    """A city's co-creation processes, each with its timeline of phases."""
    city = _city_or_404(request, slug)
    processes = selectors.process_list(user=request.user, city=city)
    for process in processes:
        process.timeline = selectors.timeline(process)
    return render(request, "cocreation/process_list.html", {"city": city, "processes": processes})


@login_required
def process_detail(request, pk):
    process = selectors.process_get(user=request.user, pk=pk)
    if process is None:
        raise Http404(_("No process with this address is open to you."))
    return render(
        request,
        "cocreation/process_detail.html",
        {
            "process": process,
            "city": process.city,
            **selectors.process_detail(process=process),
            "can_manage": request.user.has_perm("cocreation.manage_process", process.city),
            "evaluation": selectors.evaluation_seen_by(
                user=request.user,
                process=process,
                can_evaluate=request.user.has_perm("cocreation.evaluate", process.city),
            ),
        },
    )


@login_required
def stakeholder_list(request, slug):
    """The registry; editors add a person or import a CSV file (all rows or none)."""
    city = _city_or_404(request, slug)
    can_manage = request.user.has_perm("cocreation.manage_process", city)
    form = StakeholderForm(request.POST if "add" in request.POST else None)
    import_form = StakeholderImportForm(request.POST if "import" in request.POST else None, request.FILES or None)
    status = 200
    if request.method == "POST":
        _must_manage(request, city)
        if "import" in request.POST and import_form.is_valid():
            raw = import_form.cleaned_data["file"].read()
            try:
                result = services.stakeholders_import(
                    city=city,
                    csv_text=raw.decode("utf-8-sig"),
                    consent_version=import_form.cleaned_data["consent_version"],
                )
            except UnicodeDecodeError:
                import_form.add_error("file", _("Save the file as CSV in UTF-8 and try again."))
            except ValidationError as error:
                for message in error.messages:
                    import_form.add_error("file", message)
            else:
                messages.success(request, _("Imported: %(created)s new, %(updated)s updated.") % result)
                return redirect("cocreation:stakeholders", slug=city.slug)
        elif "add" in request.POST and form.is_valid():
            data = dict(form.cleaned_data)
            try:
                _person, created = services.stakeholder_register(city=city, **data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request, _("Added to the registry.") if created else _("Already in the registry: updated.")
                )
                return redirect("cocreation:stakeholders", slug=city.slug)
        status = 400
    return render(
        request,
        "cocreation/stakeholder_list.html",
        {
            "city": city,
            "form": form,
            "import_form": import_form,
            "can_manage": can_manage,
            **selectors.stakeholder_list(
                user=request.user, city=city, page=_page(request), query=request.GET.get("q", "")
            ),
        },
        status=status,
    )


@login_required
def workshop_detail(request, pk):
    workshop = _workshop_or_404(request, pk)
    city = workshop.process.city
    can_manage = request.user.has_perm("cocreation.manage_process", city)
    if request.method == "POST":
        _must_manage(request, city)
        action = request.POST.get("action")
        try:
            if action == "invite_all":
                people = Stakeholder.objects.filter(city=city).exclude(invitations__workshop=workshop)
                result = services.invitations_invite(workshop=workshop, stakeholders=people)
                messages.success(request, _("%(created)s invitations are being sent.") % result)
            elif action == "open":
                services.workshop_open(workshop=workshop)
                messages.success(request, _("The workshop is open for input."))
            elif action == "close":
                services.workshop_close(workshop=workshop, outcomes=request.POST.get("outcomes", ""))
                messages.success(request, _("The workshop is closed."))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect("cocreation:workshop", pk=workshop.pk)
    return render(
        request,
        "cocreation/workshop_detail.html",
        {
            "workshop": workshop,
            "city": city,
            "can_manage": can_manage,
            "invite_form": InviteForm(),
            "starts_local": timezone.localtime(workshop.starts_at, workshop.city_tz),
            "ends_local": timezone.localtime(workshop.ends_at, workshop.city_tz),
            "closes_local": timezone.localtime(workshop.input_closes_at, workshop.city_tz),
            **selectors.workshop_detail(workshop=workshop),
        },
    )


@require_POST
@login_required
def invitation_revoke(request, pk):
    invitation = StakeholderInvitation.objects.filter(pk=pk).select_related("workshop").first()
    workshop = invitation and selectors.workshop_get(user=request.user, pk=invitation.workshop_id)
    if workshop is None:
        raise Http404(_("No invitation with this address is open to you."))
    _must_manage(request, workshop.process.city)
    try:
        services.invitation_revoke(invitation=invitation)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The invitation was withdrawn; its link no longer works."))
    return redirect("cocreation:workshop", pk=workshop.pk)


@login_required
def submission_list(request, pk):
    workshop = _workshop_or_404(request, pk)
    return render(
        request,
        "cocreation/submission_list.html",
        {
            "workshop": workshop,
            "city": workshop.process.city,
            "can_manage": request.user.has_perm("cocreation.manage_process", workshop.process.city),
            **selectors.submission_list(workshop=workshop, page=_page(request), language=_language(request)),
        },
    )


@login_required
def idea_list(request, pk):
    workshop = _workshop_or_404(request, pk)
    return render(
        request,
        "cocreation/idea_list.html",
        {
            "workshop": workshop,
            "city": workshop.process.city,
            "ideas": selectors.idea_list(workshop=workshop),
            "can_manage": request.user.has_perm("cocreation.manage_process", workshop.process.city),
        },
    )


def _download(sheets, fmt, filename):
    if fmt not in ("csv", "xlsx"):
        raise Http404(_("Exports are XLSX or CSV."))
    if fmt == "csv":
        body = exports.to_csv(next(iter(sheets.values())))
        content_type = "text/csv; charset=utf-8"
    else:
        body = exports.to_xlsx(sheets)
        content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response


@login_required
def workshop_export(request, pk, fmt):
    workshop = _workshop_or_404(request, pk)
    sheets = exports.workshop_sheets(workshop=workshop, language=_language(request))
    return _download(sheets, fmt, f"workshop-{workshop.pk}")


@login_required
def call_export(request, pk, fmt):
    call = selectors.call_get(user=request.user, pk=pk)
    if call is None:
        raise Http404(_("No call with this address is open to you."))
    return _download(exports.call_sheets(call=call, language=_language(request)), fmt, f"call-{call.pk}")


def rate_limited(request, link: str) -> bool:
    """Count a public form's POST against its link (e.g. "link:12") and the address, per ten minutes; True when over."""
    window = int(timezone.now().timestamp() // 600)
    over = False
    for key, limit in (
        (f"cocreation:rate:{link}:{window}", settings.COCREATION_FORM_RATE_PER_LINK),
        (
            f"cocreation:rate:addr:{request.META.get('REMOTE_ADDR', '')}:{window}",
            settings.COCREATION_FORM_RATE_PER_ADDRESS,
        ),
    ):
        cache.add(key, 0, timeout=660)
        try:
            count = cache.incr(key)
        except ValueError:
            count = 1
        over = over or count > limit
    return over


def public_language(request, stakeholder) -> str:
    """A public page speaks the stakeholder's language unless they pick another (?lang=); activated."""
    language = stakeholder.language if stakeholder.language in LANGUAGES else "en"
    if request.GET.get("lang") in LANGUAGES:
        language = request.GET["lang"]
    translation.activate(language)
    request.LANGUAGE_CODE = language
    return language


@never_cache
def respond(request, token):
    """The public input form behind a stakeholder's personal link: no account, in their language."""
    try:
        invitation = services.invitation_from_token(token=token)
    except services.LinkInvalid as error:
        return render(request, "cocreation/link_invalid.html", {"reason": error.message}, status=error.status)
    language = public_language(request, invitation.stakeholder)
    workshop = invitation.workshop
    questions = list(workshop.questions.all())
    existing = Submission.objects.filter(invitation=invitation).first()
    form = InputForm(
        request.POST or None,
        request.FILES or None,
        questions=questions,
        language=language,
        initial_answers=existing.answers if existing else None,
    )
    status = 200
    if request.method == "POST":
        if rate_limited(request, f"link:{invitation.pk}"):
            return render(
                request,
                "cocreation/link_invalid.html",
                {"reason": _("Too many attempts from this link. Wait ten minutes, then try again.")},
                status=429,
            )
        if form.is_spam:
            return render(
                request, "cocreation/link_invalid.html", {"reason": _("Your answers could not be saved.")}, status=400
            )
        if form.is_valid():
            answers, files = form.answers()
            try:
                _submission, created = services.submission_save(
                    invitation=invitation, answers=answers, files=files, language=language
                )
            except ValidationError as error:
                for message in error.messages:
                    form.add_error(None, message)
            else:
                messages.success(
                    request, _("Thank you, your answers are saved.") if created else _("Your changes are saved.")
                )
                return redirect("cocreation:respond", token=token)
        status = 400
    return render(
        request,
        "cocreation/respond.html",
        {
            "invitation": invitation,
            "workshop": workshop,
            "form": form,
            "existing": existing,
            "ballot": selectors.ballot(invitation=invitation),
            "open": workshop.accepts_input,
            "language": language,
            "closes_local": timezone.localtime(workshop.input_closes_at, workshop.city_tz),
            "starts_local": timezone.localtime(workshop.starts_at, workshop.city_tz),
        },
        status=status,
    )


@require_POST
@never_cache
def vote(request, token):
    """A participant votes for an idea, takes a vote back, or rates an idea, through their link."""
    try:
        invitation = services.invitation_from_token(token=token)
    except services.LinkInvalid as error:
        return render(request, "cocreation/link_invalid.html", {"reason": error.message}, status=error.status)
    translation.activate(invitation.stakeholder.language if invitation.stakeholder.language in LANGUAGES else "en")
    if rate_limited(request, f"link:{invitation.pk}"):
        return render(
            request,
            "cocreation/link_invalid.html",
            {"reason": _("Too many attempts from this link. Wait ten minutes, then try again.")},
            status=429,
        )
    idea_id = id_from(request.POST.get("idea"))
    idea = Idea.objects.filter(pk=idea_id, workshop_id=invitation.workshop_id).first() if idea_id else None
    try:
        if idea is None:
            raise ValidationError(_("This idea is not part of your workshop."))
        if request.POST.get("action") == "withdraw":
            services.vote_withdraw(invitation=invitation, idea=idea)
        elif request.POST.get("rating"):
            services.idea_rate(invitation=invitation, idea=idea, value=int(request.POST["rating"]))
        else:
            services.vote_cast(invitation=invitation, idea=idea)
    except (ValidationError, ValueError) as error:
        messages.error(request, " ".join(getattr(error, "messages", [_("Rate an idea from 1 to 5.")])))
    else:
        messages.success(request, _("Your vote is saved."))
    return redirect(reverse("cocreation:respond", kwargs={"token": token}) + "#ideas")
