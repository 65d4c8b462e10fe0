from django.urls import path

from .views import home

app_name = "network"

urlpatterns = [
    path("", home.network_home, name="home"),
]
