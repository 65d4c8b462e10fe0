"""The admin's actions call the services: in the acting staff member's name, on the objects they apply to."""

from django.contrib import admin
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.test import RequestFactory

from ccrs import services as ccrs_services
from ccrs.models import CityRole, Invitation, InvitationStatus
from network.models import ModerationAction, ModerationDecision, Post, PostStatus, Topic
from tests.conftest import make_user
from tests.network.discussions_factories import category, topic  # noqa: F401 - fixtures


def run_action(model, name, user, queryset):
    """Run the admin action `name` of `model`'s admin as `user`; the messages it showed."""
    request = RequestFactory().post("/admin/")
    request.user = user
    request.session = {}
    request._messages = FallbackStorage(request)
    modeladmin = admin.site._registry[model]
    func, _name, _description = modeladmin.get_actions(request)[name]
    func(modeladmin, request, queryset)
    return [str(message) for message in get_messages(request)]


def superuser():
    return make_user("admin@example.org", is_staff=True, is_superuser=True)


def test_withdrawing_invitations_in_the_admin_passes_over_those_no_longer_pending(staff, city_a):
    """An invitation already withdrawn is neither withdrawn again nor reported as refused."""
    pending, withdrawn = (
        ccrs_services.invitation_create(invited_by=staff, city=city_a, email=email, role=CityRole.OFFICER)
        for email in ("new.officer@cantho.example.vn", "old.officer@cantho.example.vn")
    )
    ccrs_services.invitation_revoke(invitation=withdrawn)
    shown = run_action(Invitation, "revoke", superuser(), Invitation.objects.all())
    assert shown == ["1 invitation withdrawn."]
    assert Invitation.objects.get(pk=pending.pk).status == InvitationStatus.REVOKED


def test_locking_a_topic_in_the_admin_locks_it(topic):  # noqa: F811
    shown = run_action(Topic, "lock", superuser(), Topic.objects.filter(pk=topic.pk))
    assert shown == ["1 topic locked."]
    assert Topic.objects.get(pk=topic.pk).locked


def test_hiding_a_post_in_the_admin_records_the_acting_moderator(topic):  # noqa: F811
    """The decision names the staff member who took it, not the post's author or nobody."""
    moderator = superuser()
    post = Post.objects.get(topic=topic, opening=True)
    shown = run_action(Post, "hide", moderator, Post.objects.filter(pk=post.pk))
    assert shown == ["1 post hidden."]
    assert Post.objects.get(pk=post.pk).status == PostStatus.HIDDEN
    decision = ModerationDecision.objects.get(post=post)
    assert (decision.action, decision.moderator) == (ModerationAction.HIDE, moderator)
