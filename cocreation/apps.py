from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CocreationConfig(AppConfig):
    """Program action 2: co-create a solution (issue "Co-creation and SME procurement")."""

    name = "cocreation"
    verbose_name = _("Co-creation")
