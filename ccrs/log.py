"""Logging helpers named in settings.LOGGING."""

import logging

from django.core.exceptions import PermissionDenied


class RefusalOnOneLine(logging.Filter):
    """A refused request (403, PermissionDenied) is logged as one line, not with the traceback Django adds.

    A refusal is the permission checks doing their job; the line says who asked for what and why:
    `Forbidden: GET /program/ user=12 view=program_dashboard reason=permission denied`.
    """

    def filter(self, record):
        exception = record.exc_info[1] if record.exc_info else None
        request = getattr(record, "request", None)
        if getattr(record, "status_code", None) != 403 or not isinstance(exception, PermissionDenied) or not request:
            return True
        user = getattr(request, "user", None)
        match = getattr(request, "resolver_match", None)
        record.msg = "Forbidden: %s %s user=%s view=%s reason=%s"
        record.args = (
            request.method,
            request.get_full_path(),
            user.pk if user is not None and user.is_authenticated else "anonymous",
            match.view_name if match else "-",
            str(exception) or "permission denied",
        )
        record.exc_info = None
        record.exc_text = None
        return True
