"""`{% report_button "kind" object_id %}`: the buttons that ask for a report, where the report belongs.

The page that shows it has already checked that the viewer may see the object; the request view
checks the kind's rule again. No query.
"""

from django import template

from ccrs import reporting

register = template.Library()


@register.inclusion_tag("reports/partials/generate.html", takes_context=True)
def report_button(context, kind, object_id=None):
    report_kind = reporting.kind_get(kind)
    return {
        "kind": report_kind,
        "object_id": object_id,
        "csrf_token": context.get("csrf_token"),
        "request": context.get("request"),
    }
