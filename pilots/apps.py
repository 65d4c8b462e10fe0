from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PilotsConfig(AppConfig):
    """Program action 3: pilot the solution (issue "Pilot tracking")."""

    name = "pilots"
    verbose_name = _("Pilots")
