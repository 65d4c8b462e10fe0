from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CcrsConfig(AppConfig):
    name = "ccrs"
    verbose_name = _("Accounts and roles")

    def ready(self):
        from . import checks  # noqa: F401 - registers the deploy checks
        from .generations import watch_program_writes

        watch_program_writes()
