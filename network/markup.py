"""Members' Markdown as safe HTML: rendered with `markdown`, then sanitised with nh3 (no ORM here).

Only text formatting, lists, quotes, code, tables and links survive; a link keeps only an http(s) or mailto
address and opens nothing of ours to the page it leads to. Scripts, iframes, images, styles, event
handlers and `javascript:` addresses are removed whatever the Markdown says.
"""

import re

import markdown
import nh3

TAGS = {
    "p", "br", "hr", "strong", "em", "b", "i", "del", "s", "code", "pre", "blockquote",
    "ul", "ol", "li", "a", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ATTRIBUTES = {"a": {"href", "title"}, "th": {"align"}, "td": {"align"}}
URL_SCHEMES = {"http", "https", "mailto"}
MENTION = re.compile(r"(?<![\w@])@([\w.+-]+@[\w-]+(?:\.[\w-]+)+)")


def render(text: str) -> str:
    """The sanitised HTML of a member's Markdown."""
    html = markdown.markdown(text, extensions=["fenced_code", "tables", "sane_lists"], output_format="html")
    return nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="nofollow noopener noreferrer ugc",
        strip_comments=True,
    )


def mentioned_addresses(text: str) -> set[str]:
    """The e-mail addresses written as @name@example.org in a post, lower-cased."""
    return {match.lower().rstrip(".") for match in MENTION.findall(text)}
