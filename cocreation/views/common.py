"""Helpers shared by the co-creation views: paging, languages, downloads, and the public pages behind a link."""

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _

from ccrs import public_forms
from ccrs.forms import form_page, form_saved

from .. import exports
from ..rules import abilities

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def page(request):
    """The page number asked for, as typed: the selector's paginator makes sense of any value."""
    return request.GET.get("page") or 1


def language(request):
    chosen = request.GET.get("lang") or translation.get_language() or "en"
    return chosen if chosen in LANGUAGES else "en"


def status(form):
    return 400 if form.is_bound and form.errors else 200


def error_text(error) -> str:
    return " ".join(error.messages)


def workshop_page(request, template: str, workshop, context: dict, *, form=None):
    """A page of a workshop for its city's team, with the workshop, its city and whether the user may manage it;
    with a form, answered 400 when the sent form has errors."""
    city = workshop.process.city
    context = {"workshop": workshop, "city": city, "can_manage": abilities(request.user, city)["can_manage"], **context}
    return form_page(request, template, form, context) if form is not None else render(request, template, context)


def download(sheets, fmt, filename):
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


def rate_limited(request, link: str) -> bool:
    """Count a public form's POST against its link (e.g. "link:12") and the address, per ten minutes; True when over."""
    return public_forms.rate_limited(
        request,
        scope="cocreation",
        link=link,
        per_link=settings.COCREATION_FORM_RATE_PER_LINK,
        per_address=settings.COCREATION_FORM_RATE_PER_ADDRESS,
    )


def public_language(request, stakeholder) -> str:
    """A public page speaks the stakeholder's language unless they pick another (?lang=); activated."""
    return public_forms.public_language(request, default=stakeholder.language)


def link_refused(request, reason, status: int):
    """The page a personal link answers when it cannot be used."""
    return render(request, "cocreation/link_invalid.html", {"reason": reason}, status=status)


def too_many_attempts(request):
    return link_refused(request, _("Too many attempts from this link. Wait ten minutes, then try again."), 429)


def public_submit(request, form, save, *, link: str, success, spam: str):
    """The POST of a public form behind a personal link: counted against the link (`link`, e.g. "link:12") and
    the address, a bot's form refused with `spam`, the service's errors put on the form, and after saving back
    to the page itself. The response to answer, or None when the form is shown again with its errors."""
    if rate_limited(request, link):
        return too_many_attempts(request)
    if form.is_spam:
        return link_refused(request, spam, 400)
    if form_saved(request, form, save, success=success):
        return redirect(request.path)
    return None
