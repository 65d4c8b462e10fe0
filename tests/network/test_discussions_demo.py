"""The demo's discussions: topics in several of the five languages and one post held by three flags."""

import pytest
from django.core.management import call_command

from network.models import Post, PostStatus, Topic


@pytest.mark.django_db
def test_the_demo_has_topics_in_several_languages_and_one_held_post():
    call_command("seed_demo", verbosity=0)
    titles = set(Topic.objects.values_list("title", flat=True))
    assert {
        "ตลาดน้ำกับการรับมือน้ำท่วม",
        "Ngân hàng rác cho tiểu thương chợ nổi",
        "Pewarna alami untuk batik Semarang",
    } <= titles
    held = Post.objects.get(status=PostStatus.HELD)
    assert held.flags.count() == 3 and "followers" in held.body_markdown
    assert Post.objects.filter(opening=False, status=PostStatus.VISIBLE).count() >= 6
