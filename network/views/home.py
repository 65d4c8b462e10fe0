"""The network's home page: the activity feed."""

from django.shortcuts import render

from ccrs.decorators import permission_required


@permission_required("network.view_network")
def network_home(request):
    return render(request, "network/home.html")
