"""Template helpers of the case study pages: Markdown drawn as sanitised HTML, and a stored chart drawn again."""

import markdown as markdown_lib
import nh3
from django import template
from django.utils.safestring import mark_safe

from ccrs.charts import chart_from_spec

register = template.Library()

ALLOWED_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "blockquote", "h3", "h4", "a", "code"}


@register.filter
def markdown(text: str) -> str:
    """A section's Markdown as HTML with only harmless tags left (nh3), so typed HTML or scripts never run."""
    html = markdown_lib.markdown(text or "", extensions=[], output_format="html")
    return mark_safe(nh3.clean(html, tags=ALLOWED_TAGS, attributes={"a": {"href"}}, link_rel="nofollow noopener"))  # noqa: S308


@register.filter
def chart(spec: dict):
    return chart_from_spec(spec)
