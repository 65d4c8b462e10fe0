"""Template helpers of the case study pages: Markdown drawn as sanitised HTML, and a stored chart drawn again."""

from django import template
from django.utils.safestring import mark_safe

from ccrs.charts import chart_from_spec

from .. import markup

register = template.Library()


@register.filter
def markdown(text: str) -> str:
    """A section's Markdown as HTML through the network's one sanitiser (network.markup), so typed HTML or scripts
    never run; a link to a library resource (/network/library/<id>/) stays a link."""
    return mark_safe(markup.render(text or ""))  # noqa: S308 - nh3 has cleaned it


@register.filter
def chart(spec: dict):
    return chart_from_spec(spec)
