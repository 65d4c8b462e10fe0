from django.urls import path  # noqa: F401 - the app's URLs are added by its issue

app_name = "pilots"

urlpatterns = []
