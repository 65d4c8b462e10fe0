from django.urls import path

from .views import discussions, home

app_name = "network"

urlpatterns = [
    path("", home.network_home, name="home"),
]

# Discussions, notification preferences and the unsubscribe link.
urlpatterns += [
    path("discussions/", discussions.category_list, name="discussions"),
    path("discussions/moderation/", discussions.moderation_queue, name="moderation_queue"),
    path("discussions/c/<slug:slug>/", discussions.category_detail, name="category_detail"),
    path("discussions/c/<slug:slug>/new/", discussions.topic_new, name="topic_new"),
    path("discussions/t/<int:pk>/", discussions.topic_detail, name="topic_detail"),
    path("discussions/t/<int:pk>/reply/", discussions.post_reply, name="post_reply"),
    path("discussions/t/<int:pk>/follow/", discussions.topic_follow, name="topic_follow"),
    path("discussions/t/<int:pk>/moderate/", discussions.topic_moderate, name="topic_moderate"),
    path("discussions/p/<int:pk>/edit/", discussions.post_edit, name="post_edit"),
    path("discussions/p/<int:pk>/flag/", discussions.post_flag, name="post_flag"),
    path("discussions/p/<int:pk>/decide/", discussions.moderation_decide, name="moderation_decide"),
    path("preferences/", discussions.preferences, name="preferences"),
    path("unsubscribe/<str:token>/", discussions.unsubscribe, name="unsubscribe"),
]
