"""On a 360-px phone in Thai: a Bangkok officer opens the city dashboard and reads the peers' chart (issue 14).

The chart is visible, no wider than the phone, its labels neither run into each other nor out of the drawing,
they are large enough to read, they are in Thai, and a text alternative says the same for a screen reader; axe-core
finds nothing serious in it. The assertions are on what a reader sees, not on how the SVG is built. A screenshot
of the page and of the chart is kept in test-artifacts/ whatever the outcome.
"""

import re

import pytest
from django.urls import reverse

from cities.models import City, Cohort
from cocreation.models import StakeholderKind
from pilots import services as pilots
from pilots.models import Measure
from tests.ccrs.test_program_dashboard import took_part
from tests.conftest import PASSWORD, make_member, make_user
from tests.e2e.conftest import ARTIFACTS, AXE_FAILS_ON, AXE_OPTIONS
from tests.e2e.test_smoke import assert_fits_a_phone, sign_in
from tests.pilots.test_program_indicators import pilot_with

THAI = re.compile(r"[\u0e00-\u0e7f]")
SMES = "จำนวนวิสาหกิจขนาดกลางและขนาดย่อมที่ได้รับการสนับสนุนจากโครงการนำร่อง"  # "SMEs supported by the pilot"
READABLE_PX = 9  # the smallest text a phone reader is asked to read in the chart, in CSS pixels

# Every text run of the chart's drawing: its box on the screen and the font size it is drawn at (after the drawing
# is scaled to the page), the drawing's own box, and its text alternatives (title/desc, aria-label, a table).
MEASURE_CHART = """(section) => {
  const box = (r) => ({left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height});
  const table = [...section.querySelectorAll('table')].map((t) => t.textContent).join(' ');
  return [...section.querySelectorAll('svg')].map((svg) => {
    const scale = svg.viewBox && svg.viewBox.baseVal && svg.viewBox.baseVal.width
      ? svg.getBoundingClientRect().width / svg.viewBox.baseVal.width : 1;
    const runs = [];
    for (const text of svg.querySelectorAll('text')) {
      const lines = text.querySelectorAll('tspan');
      for (const node of (lines.length ? lines : [text])) {
        if (!node.textContent.trim()) continue;
        runs.push({text: node.textContent.trim(), box: box(node.getBoundingClientRect()),
                   px: parseFloat(getComputedStyle(node).fontSize) * scale});
      }
    }
    const described = [...svg.querySelectorAll('title, desc')].map((n) => n.textContent).join(' ')
      + ' ' + (svg.getAttribute('aria-label') || '')
      + ' ' + (svg.getAttribute('aria-labelledby') || '').split(/\\s+/).filter(Boolean)
          .map((id) => (document.getElementById(id) || {}).textContent || '').join(' ');
    return {svg: box(svg.getBoundingClientRect()), runs, alternative: (described + ' ' + table).trim(),
            hidden: svg.getAttribute('aria-hidden') === 'true'};
  });
}"""


def thai_cohort():
    """Bangkok and three Thai peers of one cohort, each with stakeholders engaged (1 to 4) and a pilot whose
    SMEs supported (approved) feed the program indicator with a long Thai name."""
    cohort = Cohort.objects.create(name="ภาคีเมืองไทย", region="Asia-Pacific", start_year=2025, end_year=2027)
    cities = [
        City.objects.create(
            cohort=cohort, slug=slug, name=name, local_name=local, country="TH", time_zone="Asia/Bangkok",
            languages=["th"],
        )
        for slug, name, local in [
            ("bangkok", "Bangkok", "กรุงเทพมหานคร"), ("chiang-mai", "Chiang Mai", "เชียงใหม่"),
            ("phuket", "Phuket", "ภูเก็ต"), ("khon-kaen", "Khon Kaen", "ขอนแก่น"),
        ]
    ]  # fmt: skip
    staff = make_user("staff@example.org", is_staff=True)
    program = pilots.program_indicator_save(name=SMES, measure=Measure.UNIT, unit="แห่ง")
    officers = []
    for index, city in enumerate(cities, start=1):
        officer = make_member(f"officer@{city.slug}.example.org", city)
        officer.language = "th"
        officer.save(update_fields=["language"])
        officers.append(officer)
        took_part(city, [(StakeholderKind.SME, index % 2 == 0)] * index)
        _pilot, indicator = pilot_with(
            city, f"โครงการนำร่อง {city.local_name}", measure=Measure.UNIT, unit="แห่ง",
            approved=[{"value": str(12 * index)}], user=officer, staff=staff,
        )  # fmt: skip
        pilots.indicator_map(program_indicator=program, indicator=indicator)
    return cities[0], officers[0]


def assert_readable(page, section, axe_check):
    """The chart in `section` is visible, fits the phone, its text runs are readable, apart, inside the drawing and
    in Thai, it has a text alternative, and axe-core finds nothing serious in the section."""
    chart = section.locator("svg").first
    assert chart.is_visible()
    chart.scroll_into_view_if_needed()
    assert_fits_a_phone(page)
    charts = section.evaluate(MEASURE_CHART)
    assert charts, "no chart in the peers' section"
    texts = []
    for measured in charts:  # the peers' figures may be drawn as several small charts (small multiples)
        assert_chart_readable(measured)
        texts.append(" ".join(run["text"] for run in measured["runs"]))
    text = " ".join(texts)
    assert THAI.search(text), f"no Thai in the chart: {text}"
    assert SMES[:12] in text.replace(" ", "")  # the program indicator's own Thai name, wrapped or not
    alternative = " ".join(measured["alternative"] for measured in charts)
    assert THAI.search(alternative), f"no Thai text alternative: {alternative!r}"
    for value in ("12", "24", "36", "48"):  # Bangkok's SMEs supported, and its peers' lowest, median and highest
        assert value in alternative, f"{value} is not in the text alternative"

    serious = [
        f"{violation['impact']} {violation['id']}: {node['html'][:120]}"
        for violation in axe_check.axe.run(page._page, context="#peers", options=AXE_OPTIONS).response["violations"]
        if violation["impact"] in AXE_FAILS_ON
        for node in violation["nodes"]
    ]
    assert not serious, "axe-core on the peers' chart:\n" + "\n".join(serious)


def assert_chart_readable(measured):
    """One drawing: inside the phone, its text runs readable, apart and inside it, not hidden from readers."""
    drawing = measured["svg"]
    assert drawing["width"] > 0 and drawing["right"] <= 360, f"the chart is {drawing} on a 360-px phone"
    runs = measured["runs"]
    assert len(runs) >= 2, runs  # a figure's label and its values
    for run in runs:
        box = run["box"]
        assert run["px"] >= READABLE_PX, f"{run['text']!r} is drawn at {run['px']:.1f}px"
        assert (
            box["left"] >= drawing["left"] - 1
            and box["right"] <= drawing["right"] + 1
            and box["top"] >= drawing["top"] - 1
            and box["bottom"] <= drawing["bottom"] + 1
        ), f"{run['text']!r} runs out of the chart: {box} outside {drawing}"
    for index, first in enumerate(runs):
        for second in runs[index + 1 :]:
            a, b = first["box"], second["box"]
            overlap_x = min(a["right"], b["right"]) - max(a["left"], b["left"])
            overlap_y = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
            # A text's box holds the font's room for marks above and below (Thai stacks them): boxes that share
            # less than a fifth of their height leave the letters themselves apart.
            room = max(1, 0.2 * min(a["height"], b["height"]))
            assert overlap_x <= 1 or overlap_y <= room, f"{first['text']!r} runs into {second['text']!r}"
    assert not measured["hidden"]


@pytest.mark.browser
def test_a_thai_officer_reads_the_peers_chart_on_a_phone(transactional_db, open_page, axe_check):
    bangkok, officer = thai_cohort()
    page = open_page(locale="th-TH")
    sign_in(page, officer.email, PASSWORD)
    page.goto(reverse("cities:dashboard", kwargs={"slug": bangkok.slug}))
    section = page.locator("#peers")
    ARTIFACTS.mkdir(exist_ok=True)
    try:
        assert page.get_attribute("html", "lang") == "th"
        assert_readable(page, section, axe_check)
    finally:
        page.screenshot(path=str(ARTIFACTS / "city-dashboard-peers-th-360.png"), full_page=True)
        section.screenshot(path=str(ARTIFACTS / "city-dashboard-peers-chart-th-360.png"))
