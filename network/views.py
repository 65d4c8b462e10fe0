"""Views of the peer network (issue "network" fills them; the home page exists from the start)."""

from django.shortcuts import render

from ccrs.decorators import permission_required


@permission_required("network.view_network")
def network_home(request):
    return render(request, "network/home.html")
