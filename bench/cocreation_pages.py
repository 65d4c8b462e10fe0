"""Benchmark of the co-creation pages on seed_scale data: queries and response time per page.

Loads seed_demo plus seed_scale --factor N into its own database (as bench/pages.py does), then
requests each page as program staff on the largest workshop, process and call that seed_scale
made, and the SME's public link page. Prints a table; asserts nothing.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ccrs .venv/bin/python bench/cocreation_pages.py --factor 4
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common  # noqa: E402 - the shared database set-up and page timing of the benchmarks

STAFF = "staff@ccrs.demo"


def pages():
    from django.db.models import Count
    from django.urls import reverse
    from django.utils import timezone

    from ccrs.links import link_token
    from cocreation import services
    from cocreation.models import Call, CallInvitation, CallStatus, Idea, Workshop

    workshop = Workshop.objects.annotate(n=Count("submissions")).order_by("-n").first()
    process = workshop.process
    call = Call.objects.annotate(n=Count("proposals")).order_by("-n").first()
    idea = Idea.objects.filter(workshop=workshop).first()
    # An SME's link to a call still open (the call with the most proposals is awarded, and its links answer 410).
    invitation = CallInvitation.objects.filter(call__status=CallStatus.OPEN, expires_at__gt=timezone.now()).first()
    slug = process.city.slug
    rows = [
        ("processes", STAFF, reverse("cocreation:processes", kwargs={"slug": slug})),
        ("stakeholders", STAFF, reverse("cocreation:stakeholders", kwargs={"slug": slug})),
        ("process", STAFF, reverse("cocreation:process", kwargs={"pk": process.pk})),
        ("workshop", STAFF, reverse("cocreation:workshop", kwargs={"pk": workshop.pk})),
        ("submissions", STAFF, reverse("cocreation:submissions", kwargs={"pk": workshop.pk})),
        ("ideas", STAFF, reverse("cocreation:ideas", kwargs={"pk": workshop.pk})),
        ("questions", STAFF, reverse("cocreation:questions", kwargs={"pk": workshop.pk})),
        ("attendance", STAFF, reverse("cocreation:attendance", kwargs={"pk": workshop.pk})),
        ("invite", STAFF, reverse("cocreation:workshop_invite", kwargs={"pk": workshop.pk})),
        ("process panel", STAFF, reverse("cocreation:process_evaluation", kwargs={"pk": process.pk})),
        ("call", STAFF, reverse("cocreation:call", kwargs={"pk": call.pk})),
        ("call panel", STAFF, reverse("cocreation:call_evaluation", kwargs={"pk": call.pk})),
    ]
    if idea is not None:
        rows.append(("idea edit", STAFF, reverse("cocreation:idea_edit", kwargs={"pk": idea.pk})))
    if invitation is not None:
        token = link_token(services.CALL_INVITATION, invitation)
        rows.append(("SME link (public)", None, reverse("cocreation:apply", kwargs={"token": token})))
    sizes = {
        "workshop submissions": workshop.n,
        "call proposals": call.n,
        "city stakeholders": process.city.stakeholders.count(),
    }
    return rows, sizes


def main():
    args = common.arguments(__doc__, factor=4, runs=30).parse_args()
    vendor, seed_seconds = common.prepare(args.factor)
    rows, sizes = pages()
    print(f"database: {vendor}; seed_scale --factor {args.factor} took {seed_seconds:.1f} s; ", end="")
    print(f"{args.runs} requests per page")
    print("; ".join(f"{name}: {n}" for name, n in sizes.items()))
    print(f"{'page':<20} {'queries':>7} {'median ms':>9} {'p95 ms':>7}")
    for label, _url, queries, median, p95 in common.measure(rows, args.runs):
        print(f"{label:<20} {queries:>7} {median:>9.1f} {p95:>7.1f}")


if __name__ == "__main__":
    main()
