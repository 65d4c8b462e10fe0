"""Reports: ask for one, watch its progress (HTMX polling), download it, list one's own, try a failed one again.

Who may do what is the report kind's rule (ccrs/reporting.py), checked again on every request;
files are served only here, never from a public URL.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.views.decorators.http import require_POST

from . import selectors, services
from .inputs import id_from
from .models import ReportStatus


def _status(request, report, status=200):
    return render(request, "reports/partials/status.html", {"report": report}, status=status)


@login_required
def report_list(request):
    return render(request, "reports/report_list.html", {"reports": selectors.reports_of(user=request.user)})


@login_required
@require_POST
def report_request(request):
    try:
        report = services.report_request(
            user=request.user,
            kind=request.POST.get("kind", ""),
            format=request.POST.get("format", ""),
            object_id=id_from(request.POST.get("object_id")),
            language=get_language(),
        )
    except ValidationError as error:
        message = " ".join(error.messages)
        if request.htmx:
            return render(request, "reports/partials/error.html", {"message": message}, status=400)
        messages.error(request, message)
        return redirect("reports:list")
    if request.htmx:
        return _status(request, selectors.report_get(user=request.user, key=report.key))
    return redirect("reports:list")


@login_required
def report_status(request, key):
    report = selectors.report_get(user=request.user, key=key)
    if report is None:
        raise Http404
    return _status(request, report)


@login_required
def report_download(request, key):
    report = selectors.report_get(user=request.user, key=key)
    if report is None or report.status != ReportStatus.SUCCEEDED or not report.file:
        raise Http404
    response = FileResponse(report.file.open("rb"), as_attachment=True, filename=report.file.name.rsplit("/", 1)[-1])
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_POST
def report_retry(request, key):
    report = selectors.report_get(user=request.user, key=key)
    if report is None:
        raise Http404
    try:
        report = services.report_retry(report=report)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    if request.htmx:
        return _status(request, selectors.report_get(user=request.user, key=report.key))
    return redirect("reports:list")
