"""Views of the peer network (issue "network" fills them; the home page exists from the start)."""

from django.shortcuts import render
from rules.contrib.views import permission_required


@permission_required("network.view_network", raise_exception=True)
def network_home(request):
    return render(request, "network/home.html")
