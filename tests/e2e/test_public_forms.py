"""The three public forms (a workshop's input form, a call's proposal form, the SME survey) on a phone:
every touch target is at least 44 × 44 px, the keyboard focus is always visible, the buttons share one
colour, and nothing technical (a time zone's name, a "---------" choice) is shown to an SME."""

import pytest

from tests.conftest import make_user
from tests.world import build_world

TEAL = "rgb(11, 85, 99)"
CLEAR = "rgba(0, 0, 0, 0)"

# Every control a finger can tap, with the box it answers to: a choice's label when the radio or
# checkbox sits inside it, the control itself otherwise. Hidden controls (the honeypot, a
# collapsed menu, the skip link until it is focused) are no target.
TARGETS = """() => [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea')]
  .filter(el => el.tabIndex >= 0 && !el.closest('[aria-hidden=true]'))
  .map(el => {
    let box = el.getBoundingClientRect();
    const label = el.labels && el.labels[0];
    if (label && (el.type === 'radio' || el.type === 'checkbox')) {
      const around = label.getBoundingClientRect();
      const inside = box.left >= around.left && box.right <= around.right && box.top >= around.top
        && box.bottom <= around.bottom;
      if (inside) box = around;
    }
    const name = (el.getAttribute('aria-label') || el.innerText || el.name || el.value || '').trim().slice(0, 40);
    return {what: `${el.tagName.toLowerCase()}[${el.type || ''}] ${name}`, width: box.width, height: box.height};
  })
  .filter(target => target.width > 1 && target.height > 1)"""

FOCUS = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  return {
    tag: el.tagName.toLowerCase(), type: el.type || '', name: el.name || '',
    outline: parseFloat(style.outlineWidth) >= 2 && style.outlineStyle !== 'none'
      && style.outlineColor !== 'rgba(0, 0, 0, 0)',
    shadow: style.boxShadow !== 'none',
    inForm: !!el.closest('main form[method=post]'),
  };
}"""


@pytest.fixture
def public_forms(transactional_db):
    world = build_world(make_user)
    return {"workshop": world.respond_url, "call": world.apply_url, "survey": world.survey_url}


@pytest.mark.parametrize("form", ["workshop", "call", "survey"])
def test_every_touch_target_is_44_px(form, public_forms, open_page):
    page = open_page()
    page.goto(public_forms[form])
    targets = page.evaluate(TARGETS)
    assert len(targets) > 5
    small = [t for t in targets if t["width"] < 44 or t["height"] < 44]
    assert not small, f"touch targets under 44 × 44 px on {page.url}: {small}"


@pytest.mark.parametrize("form", ["workshop", "call", "survey"])
def test_buttons_share_one_colour_and_nothing_technical_shows(form, public_forms, open_page):
    page = open_page()
    page.goto(public_forms[form])
    colours = page.eval_on_selector_all(
        "main button, main .btn",
        "buttons => buttons.map(b => [getComputedStyle(b).backgroundColor, getComputedStyle(b).borderTopColor])",
    )
    assert colours
    filled_or_outlined = [bg == TEAL or (bg == CLEAR and edge == TEAL) for bg, edge in colours]
    assert all(filled_or_outlined), colours
    shown = page.inner_text("body") + " ".join(page.eval_on_selector_all("option", "os => os.map(o => o.text)"))
    for raw in ["Asia/", "---------", "None"]:
        assert raw not in shown, f"{raw!r} shown on {page.url}"


def test_keyboard_reaches_every_control_of_the_workshop_form_with_a_visible_focus(public_forms, open_page):
    """Tab from the top of the page through the form: each control shows an outline or a ring when focused."""
    page = open_page()
    page.goto(public_forms["workshop"])
    reached, unseen = set(), []
    for _ in range(60):
        page.keyboard.press("Tab")
        focus = page.evaluate(FOCUS)
        if not (focus["outline"] or focus["shadow"]):
            unseen.append(focus)
        if focus["inForm"]:
            reached.add(focus["type"] if focus["tag"] == "input" else focus["tag"])
            if focus["tag"] == "button":
                break
    assert not unseen, f"focused without a visible outline: {unseen}"
    assert {"text", "radio", "checkbox", "select", "file", "textarea", "button"} <= reached, reached
