"""The discussions' pages: categories, topics, a topic's thread, posting, editing, flagging, following,
the moderation queue, and a member's notification preference and unsubscribe link."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from ccrs import links
from ccrs.decorators import NOT_OPEN, object_required, permission_required
from ccrs.forms import form_saved
from ccrs.inputs import id_from
from ccrs.links import LinkInvalid

from ..forms.discussions import DecisionForm, FlagForm, PostForm, PreferenceForm, TopicForm, TopicModerationForm
from ..models import Post
from ..selectors import discussions as selectors
from ..selectors.members import time_zone_of
from ..services import discussions as services
from ..services import notifications


@permission_required("network.view_discussions")
def category_list(request):
    return render(
        request,
        "network/discussions/category_list.html",
        {
            "categories": selectors.categories(user=request.user),
            "queue_size": selectors.queue_size(user=request.user),
            "reader_zone": time_zone_of(request.user),
        },
    )


@object_required(selectors.category_for, kwarg="slug")
def category_detail(request, category):
    page = selectors.topics_page(user=request.user, category=category, number=request.GET.get("page"))
    return render(
        request,
        "network/discussions/category_detail.html",
        {"category": category, "page": page, "reader_zone": time_zone_of(request.user)},
    )


@object_required(selectors.category_for, kwarg="slug", perm="network.add_post", target=lambda category: None)
def topic_new(request, category):
    form = TopicForm(request.POST or None)
    saved = form_saved(
        request,
        form,
        lambda: services.topic_create(
            category=category,
            author=request.user,
            title=form.cleaned_data["title"],
            body=form.cleaned_data["body"],
        ),
        success=_("Your topic is open."),
    )
    if saved:
        return redirect(saved.result)
    return render(request, "network/discussions/topic_form.html", {"category": category, "form": form})


@object_required(selectors.topic_for)
def topic_detail(request, topic):
    return render(
        request,
        "network/discussions/topic_detail.html",
        {
            "topic": topic,
            "posts": selectors.thread(user=request.user, topic=topic),
            "form": PostForm(),
            "moderation_form": TopicModerationForm(initial={"locked": topic.locked, "hidden": topic.hidden}),
            "reader_zone": time_zone_of(request.user),
        },
    )


@object_required(selectors.topic_for, perm="network.add_post", target=lambda topic: None)
def post_reply(request, topic):
    """The reply form on a page of its own (a reply to one post, or when the topic page's form had an error)."""
    form = PostForm(request.POST or None, initial={"parent": request.GET.get("parent")})
    parent_id = id_from(request.POST.get("parent") if request.method == "POST" else request.GET.get("parent"))
    parent = Post.objects.filter(pk=parent_id, topic=topic).select_related("author").first() if parent_id else None
    saved = form_saved(
        request,
        form,
        lambda: services.post_create(topic=topic, author=request.user, body=form.cleaned_data["body"], parent=parent),
        success=_("Your reply is posted."),
    )
    if saved:
        return redirect(saved.result.get_absolute_url())
    return render(request, "network/discussions/post_form.html", {"topic": topic, "form": form, "parent": parent})


@object_required(selectors.post_for, perm="network.change_post")
def post_edit(request, post):
    form = PostForm(request.POST or None, initial={"body": post.body_markdown})
    saved = form_saved(
        request,
        form,
        lambda: services.post_edit(post=post, editor=request.user, body=form.cleaned_data["body"]),
        success=_("Your post is saved. Its earlier text is kept in its history."),
    )
    if saved:
        return redirect(post.get_absolute_url())
    return render(request, "network/discussions/post_form.html", {"topic": post.topic, "form": form, "post": post})


@object_required(selectors.post_for, perm="network.flag_post")
def post_flag(request, post):
    form = FlagForm(request.POST or None)
    saved = form_saved(
        request,
        form,
        lambda: services.post_flag(
            post=post, member=request.user, reason=form.cleaned_data["reason"], note=form.cleaned_data["note"]
        ),
        success=_("Thank you. A moderator will look at this post."),
    )
    if saved:
        return redirect(post.topic.get_absolute_url())
    return render(request, "network/discussions/post_flag.html", {"post": post, "form": form})


@require_POST
@object_required(selectors.topic_for, perm="network.follow_topic", target=lambda topic: None)
def topic_follow(request, topic):
    follow = request.POST.get("follow") != "0"
    services.topic_follow(topic=topic, user=request.user, follow=follow)
    messages.success(
        request,
        _("You follow this topic.") if follow else _("You no longer follow this topic."),
    )
    return redirect(topic)


@require_POST
@object_required(selectors.topic_for, perm="network.moderate", target=lambda topic: None)
def topic_moderate(request, topic):
    form = TopicModerationForm(request.POST)
    form_saved(
        request,
        form,
        lambda: services.topic_moderate(
            topic=topic, moderator=request.user, locked=form.cleaned_data["locked"], hidden=form.cleaned_data["hidden"]
        ),
        success=_("The topic is saved."),
    )
    return redirect(topic)


@permission_required("network.moderate")
def moderation_queue(request):
    return render(
        request,
        "network/discussions/moderation_queue.html",
        {"posts": selectors.moderation_queue(user=request.user), "form": DecisionForm()},
    )


@require_POST
@object_required(selectors.post_for, perm="network.moderate", target=lambda post: None)
def moderation_decide(request, post):
    form = DecisionForm(request.POST)
    saved = form_saved(
        request,
        form,
        lambda: services.moderation_decide(
            post=post, moderator=request.user, action=form.cleaned_data["action"], note=form.cleaned_data["note"]
        ),
        success=_("The decision is saved."),
    )
    if not saved:
        for error in form.non_field_errors() or [_("Choose a decision.")]:
            messages.error(request, error)
    return redirect("network:moderation_queue")


@permission_required("network.view_network")
def preferences(request):
    preference = notifications.preference_of(user=request.user)
    form = PreferenceForm(request.POST or None, initial={"frequency": preference.frequency})
    saved = form_saved(
        request,
        form,
        lambda: notifications.preference_set(user=request.user, frequency=form.cleaned_data["frequency"]),
        success=_("Your choice is saved."),
    )
    if saved:
        return redirect("network:preferences")
    return render(request, "network/discussions/preferences.html", {"form": form})


@csrf_exempt  # a mail program's one-click POST (RFC 8058) carries the signed token, not a CSRF cookie
def unsubscribe(request, token):
    """The unsubscribe link of a network e-mail: opens without signing in; a POST (the page's one button, or a
    mail program's one-click request) stops every network e-mail. An altered link answers 404."""
    try:
        if request.method == "POST":
            preference = notifications.unsubscribe(token=token)
            return render(request, "network/discussions/unsubscribed.html", {"preference": preference})
        preference = links.link_open(notifications.UNSUBSCRIBE, token)
    except LinkInvalid as invalid:
        if invalid.status == 404:
            raise Http404(NOT_OPEN) from None
        return render(request, "ccrs/invitation_invalid.html", {"reason": invalid.message}, status=invalid.status)
    return render(request, "network/discussions/unsubscribe.html", {"preference": preference})
