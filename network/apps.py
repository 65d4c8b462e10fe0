from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    """Program action 4: grow a peer network and publish case studies."""

    name = "network"
    verbose_name = _("Peer network")
