from django.urls import path

from .views import home

app_name = "network"

urlpatterns = [
    path("", home.network_home, name="home"),
]

# The resource library (network/views/library.py).
from .views import library  # noqa: E402

urlpatterns += [
    path("library/", library.resource_list, name="resource_list"),
    path("library/new/", library.resource_new, name="resource_new"),
    path("library/<int:pk>/", library.resource_detail, name="resource_detail"),
    path("library/<int:pk>/edit/", library.resource_edit, name="resource_edit"),
    path("library/<int:pk>/delete/", library.resource_delete, name="resource_delete"),
]
