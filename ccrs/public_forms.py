"""The one guard of every public form behind a link (the SME survey, a workshop's input, a call's proposal):
a rate limit by link and by address, a honeypot field people never see, and the form's language."""

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

HONEYPOT = "website"
LANGUAGES = [code for code, _name in settings.LANGUAGES]


class HoneypotMixin:
    """Adds the hidden field a person never fills in; a bot that fills it is thanked and nothing is kept."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[HONEYPOT] = forms.CharField(
            required=False,
            label=_("Leave this field empty"),
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )

    @property
    def is_spam(self) -> bool:
        return bool(self.data.get(HONEYPOT))


def rate_limited(
    request, *, scope: str, link: str = "", per_link: int | None = None, per_address: int | None = None, window=600
) -> bool:
    """Count one POST of a public form against its link and the sender's address within `scope`, per
    `window` seconds; True when either is over its limit (the form then stores nothing)."""
    slot = int(timezone.now().timestamp() // window)
    counters = []
    if link and per_link is not None:
        counters.append((f"public:{scope}:{link}:{slot}", per_link))
    if per_address is not None:
        counters.append((f"public:{scope}:addr:{request.META.get('REMOTE_ADDR', '')}:{slot}", per_address))
    over = False
    for key, limit in counters:
        cache.add(key, 0, timeout=window + 60)
        try:
            count = cache.incr(key)
        except ValueError:  # the counter expired between add and incr
            cache.set(key, 1, timeout=window + 60)
            count = 1
        over = over or count > limit
    return over


def public_language(request, *, default: str, offered=None) -> str:
    """The language a public form speaks: `default` (the person's or the city's) unless the person picks
    one the form offers (?lang=); activated for the rest of the request."""
    offered = [code for code in (offered or LANGUAGES) if code in LANGUAGES]
    chosen = default if default in offered else ("en" if "en" in offered else offered[0])
    if request.GET.get("lang") in offered:
        chosen = request.GET["lang"]
    translation.activate(chosen)
    request.LANGUAGE_CODE = chosen
    return chosen
