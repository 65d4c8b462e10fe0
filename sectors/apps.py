from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SectorsConfig(AppConfig):
    """Program action 1: assess an SME-dominated sector (issue "SME-sector assessment")."""

    name = "sectors"
    verbose_name = _("Sector assessment")
