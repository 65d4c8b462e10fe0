"""Views of the project package: the role router, the program dashboard, invitations, health."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import connection
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django.views.i18n import set_language

from . import generations, panels, reporting, selectors, services
from .celery import app as celery_app
from .decorators import permission_required
from .forms import InvitationAcceptForm, ProfileForm, add_service_errors, form_page
from .inputs import id_from
from .links import LinkInvalid, LinkKind, link_open
from .middleware import ENROLMENT_SESSION_KEY
from .rules import is_network_member, is_program_staff
from .spreadsheets import CsvWriter


@login_required
def home(request):
    """Send each role to its own home page."""
    user = request.user
    if is_program_staff(user):
        return redirect("program_dashboard")
    memberships = selectors.memberships_of(user=user)
    if len(memberships) == 1:
        return redirect(memberships[0].city.get_absolute_url())
    if memberships:
        return redirect("cities:list")
    if is_network_member(user) and not user.is_stakeholder:
        return redirect("network:home")
    if user.city_applications.exists():  # a city's applicant, not on a team until selected
        return redirect("cities:application_list")
    return redirect("invitations")


def _program_page(user, cohort_id: int | None) -> dict:
    """The program dashboard's figures drawn once: the same for every staff member (no form, no name of the
    reader), so they are kept per program generation."""
    context = selectors.program_dashboard(user=user, cohort_id=cohort_id, by_cohort=True)
    return {
        "cohort": context.get("cohort"),
        "cohorts": context.get("cohorts", []),
        "top": render_to_string("ccrs/partials/program_dashboard_top.html", context),
        "bottom": render_to_string("ccrs/partials/program_dashboard_bottom.html", context),
    }


@permission_required("ccrs.view_program_dashboard")
def program_dashboard(request):
    """The program as a whole, or one cohort (?cohort=<id>): funnel, money, participation, pilots, timeline;
    drawn when the program's data changes (ccrs.generations), not on every view."""
    cohort_id = id_from(request.GET.get("cohort"))
    key = f"program-dashboard:{cohort_id}:{get_language()}:{timezone.localdate().isoformat()}"
    page = generations.cached(generations.PROGRAM, key, lambda: _program_page(request.user, cohort_id))
    return render(
        request, "ccrs/program_dashboard.html", {"page": page, "panels": panels.program_panels(user=request.user)}
    )


def _benchmark(request):
    return selectors.benchmark(
        user=request.user,
        city_ids=[pk for pk in map(id_from, request.GET.getlist("cities")) if pk],
        figure_keys=request.GET.getlist("figures"),
        cohort_id=id_from(request.GET.get("cohort")),
    )


@permission_required("ccrs.view_benchmark")
def program_benchmark(request):
    """Cities side by side on the figures peers may see, normalised to their cohort's range (no ranking)."""
    data = _benchmark(request)
    chosen, keys = {c.pk for c in data["chosen"]}, {f["key"] for f in data["selected"]}
    # the picker is drawn per cohort in view and choice (the result's key holds the choice)
    context = {**data, "chosen_ids": chosen, "selected_keys": keys}
    page = generations.cached(  # drawn once per reader's choice and program generation, as the figures are kept
        generations.PROGRAM,
        f"{data['key']}:{data['cohort_id']}:page",
        lambda: {
            "picker": render_to_string("ccrs/partials/benchmark_picker.html", context),
            "results": render_to_string("ccrs/partials/benchmark_results.html", context),
        },
    )
    return render(request, "ccrs/benchmark.html", {**context, "page": page, "query": request.GET.urlencode()})


@permission_required("ccrs.view_benchmark")
def program_benchmark_export(request, fmt):
    """The benchmark as CSV or XLSX, with the same cities and figures and the same restriction as the page."""
    if fmt not in {"csv", "xlsx"}:
        raise Http404
    rows = selectors.benchmark_table(_benchmark(request))
    stamp = timezone.localdate().isoformat()
    if fmt == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="ccrs-benchmark-{stamp}.csv"'
        response.write("\ufeff")  # so spreadsheet programs read the file as UTF-8 (Thai, Vietnamese names)
        CsvWriter(response).writerows(rows)
        return response
    built = reporting.xlsx(sheets=[(_("Benchmark"), rows)], filename=f"ccrs-benchmark-{stamp}.xlsx")
    return FileResponse(built.content, as_attachment=True, filename=built.filename)


@login_required
def invitations_mine(request):
    """A person's home when they are only a stakeholder: what they are invited to."""
    return render(
        request,
        "ccrs/invitations.html",
        {
            "invitations": selectors.invitations_for(user=request.user),
            "panels": panels.person_panels(user=request.user),
        },
    )


@dataclass(frozen=True)
class LinkFlow:
    """A link that makes an account where the person has none: its kind (ccrs.links), the service that uses it
    (returning the person and what they joined), the page, and the welcome and the page after success."""

    kind: LinkKind
    accept: Callable  # token, user, full_name, password -> (user, result)
    template: str
    welcome: Any  # the message after success: a text, or a function of the result giving it
    then: Callable  # result -> where the person goes after success
    email: str = "email"  # the row's field of the invited address
    name: str = "invitation"  # the row's name in the template


def link_accept(request, token, *, flow: LinkFlow):
    """The one page that opens an e-mailed link: a new account is made if the person has none, the
    signed-in person must be the one invited, and the flow's service does the rest."""
    try:
        row = link_open(flow.kind, token)
    except LinkInvalid as error:
        return render(request, "ccrs/invitation_invalid.html", {"reason": error.message}, status=error.status)
    email = getattr(row, flow.email)
    user = request.user if request.user.is_authenticated else None
    needs_account = user is None
    account_exists = needs_account and selectors.account_exists(email=email)
    form = InvitationAcceptForm(request.POST or None, email=email) if needs_account else None
    login_url = f"{reverse('account_login')}?{urlencode({'next': request.get_full_path()})}"
    if request.method == "POST" and not account_exists and (form is None or form.is_valid()):
        try:
            person, result = flow.accept(
                token=token,
                user=user,
                full_name=form.cleaned_data["full_name"] if form else "",
                password=form.cleaned_data["password1"] if form else "",
            )
        except LinkInvalid as error:
            return render(request, "ccrs/invitation_invalid.html", {"reason": error.message}, status=error.status)
        except ValidationError as error:
            if form is None:
                raise
            form.add_error(None, error)
        else:
            if needs_account:
                login(request, person, backend="allauth.account.auth_backends.AuthenticationBackend")
            messages.success(request, flow.welcome(result) if callable(flow.welcome) else flow.welcome)
            return redirect(flow.then(result))
    wrong_user = user is not None and not selectors.email_is_verified(user=user, email=email)
    context = {flow.name: row, "form": form, "account_exists": account_exists, "wrong_user": wrong_user}
    return render(request, flow.template, {**context, "login_url": login_url}, status=403 if wrong_user else 200)


def link_page(flow: LinkFlow):
    """The view of a LinkFlow's link (never cached: the page holds the person's own link)."""
    return never_cache(lambda request, token: link_accept(request, token, flow=flow))


# Join a city team from an e-mailed link; a new account is made if the person has none.
invitation_accept = link_page(
    LinkFlow(
        kind=services.TEAM_INVITATION,
        accept=services.invitation_accept,
        template="ccrs/invitation_accept.html",
        welcome=lambda membership: (
            _("Welcome to the %(city)s team. You joined as %(role)s.")
            % {"city": membership.city.name, "role": membership.get_role_display()}
        ),
        then=lambda membership: membership.city.get_absolute_url(),
    )
)


@login_required
@never_cache
def staff_enrolment(request):
    """Where a staff account that has not enrolled its authenticator is held: its link went by e-mail."""
    if not services.staff_enrolment_needed(user=request.user):
        return redirect("mfa_index" if request.user.is_staff else "home")
    if request.method == "POST":
        services.staff_enrolment_send(user=request.user, force=True)
        messages.success(request, _("A new link was sent to %(email)s.") % {"email": request.user.email})
        return redirect("staff_enrolment")
    services.staff_enrolment_send(user=request.user)
    return render(request, "ccrs/staff_enrolment.html", {"max_age_days": settings.INVITATION_MAX_AGE_DAYS})


@login_required
@never_cache
def staff_enrolment_confirm(request, token):
    """The e-mailed link plus the password of the signed-in account open allauth's authenticator set-up."""
    if not services.staff_enrolment_needed(user=request.user):
        return redirect("mfa_index" if request.user.is_staff else "home")
    if not services.staff_enrolment_token_valid(user=request.user, token=token):
        reason = _(
            "This link is not valid for your account, or it has expired. Sign in with your own account; "
            "we can send you a new link."
        )
        return render(request, "ccrs/invitation_invalid.html", {"reason": reason}, status=400)
    request.session[ENROLMENT_SESSION_KEY] = request.user.pk
    return redirect("mfa_activate_totp")


@login_required
def profile(request):
    """A person's names and language: the name shown is theirs to choose, never guessed."""
    user = request.user
    initial = {"full_name": user.full_name, "display_name": user.display_name, "language": user.language}
    form = ProfileForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.user_profile_update(user=user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Your profile is saved."))
            response = redirect("profile")
            if user.language:
                response.set_cookie(settings.LANGUAGE_COOKIE_NAME, user.language)
            return response
    return form_page(request, "ccrs/profile.html", form)


@require_POST
def language_set(request):
    """Django's set_language, also remembered on the account of a signed-in user."""
    response = set_language(request)
    language = request.POST.get("language", "")
    if request.user.is_authenticated and language in services.SUPPORTED_LANGUAGES:
        services.user_language_set(user=request.user, language=language)
    return response


def admin_login(request):
    """The admin signs in through allauth, so its rate limits and two-factor step apply."""
    target = request.GET.get("next") or reverse("admin:index")
    return redirect(f"{reverse('account_login')}?{urlencode({'next': target})}")


@never_cache
def healthz(request):
    """Reports whether the database and the task broker answer; 503 when one does not."""
    report = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        report["database"] = "ok"
    except Exception:  # noqa: BLE001 - any failure means the database is unavailable
        report["database"] = "unavailable"
    if settings.CELERY_TASK_ALWAYS_EAGER:
        report["broker"] = "in-process"
    else:
        try:
            with celery_app.connection_for_write() as conn:
                conn.ensure_connection(max_retries=1, timeout=2)
            report["broker"] = "ok"
        except Exception:  # noqa: BLE001 - any failure means the broker is unavailable
            report["broker"] = "unavailable"
    healthy = all(value in {"ok", "in-process"} for value in report.values())
    return JsonResponse({"status": "ok" if healthy else "unavailable", **report}, status=200 if healthy else 503)


def error_403(request, exception=None):
    return render(request, "403.html", status=403)


def error_404(request, exception=None):
    return render(request, "404.html", status=404)
