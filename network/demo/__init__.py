"""The network's demo and scale data, one module per part, loaded in the order of PARTS (a part may rely
on the ones before it: events and mentoring on the members). A part's module has any of
`seed_demo(*, log, calendar)`, `reset_demo(*, log)`, `demo_links()` and `seed_scale(*, factor, log, density)`;
`ccrs.demo_registry` runs them."""

PARTS = ["members", "events", "library", "discussions", "mentoring", "case_studies"]
