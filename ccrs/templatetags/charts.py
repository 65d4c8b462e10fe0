"""Text for charts and their tables: `{{ criterion.name|translated_label:18 }}`.

Cutting happens on the plain text and escaping after it (by the template), so an apostrophe never
becomes a half entity such as "city&…" the way `{% translate x as y %}{{ y|truncatechars:18 }}` does.
"""

from django import template
from django.utils.translation import gettext

from ccrs import charts

register = template.Library()


@register.filter
def translated_label(value, length):
    """`value` in the reader's language (as `{% translate value %}` gives it), cut to `length` characters."""
    return charts.truncate_chars(gettext(str(value or "")), int(length))
