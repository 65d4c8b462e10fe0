"""Benchmark of the co-creation pages on seed_scale data: queries and response time per page.

Loads seed_demo plus seed_scale --factor N into its own database (as bench/pages.py does), then
requests each page as program staff on the largest workshop, process and call that seed_scale
made, and the SME's public link page. Prints a table; asserts nothing.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ccrs .venv/bin/python bench/cocreation_pages.py --factor 4
"""

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from pages import prepare  # noqa: E402 - the shared database set-up of the page benchmarks


def pages():
    from django.db.models import Count
    from django.urls import reverse

    from ccrs.links import link_token
    from cocreation import services
    from cocreation.models import Call, CallInvitation, Idea, Workshop

    workshop = Workshop.objects.annotate(n=Count("submissions")).order_by("-n").first()
    process = workshop.process
    call = Call.objects.annotate(n=Count("proposals")).order_by("-n").first()
    idea = Idea.objects.filter(workshop=workshop).first()
    invitation = CallInvitation.objects.filter(call=call).first()
    slug = process.city.slug
    rows = [
        ("processes", reverse("cocreation:processes", kwargs={"slug": slug})),
        ("stakeholders", reverse("cocreation:stakeholders", kwargs={"slug": slug})),
        ("process", reverse("cocreation:process", kwargs={"pk": process.pk})),
        ("workshop", reverse("cocreation:workshop", kwargs={"pk": workshop.pk})),
        ("submissions", reverse("cocreation:submissions", kwargs={"pk": workshop.pk})),
        ("ideas", reverse("cocreation:ideas", kwargs={"pk": workshop.pk})),
        ("questions", reverse("cocreation:questions", kwargs={"pk": workshop.pk})),
        ("attendance", reverse("cocreation:attendance", kwargs={"pk": workshop.pk})),
        ("invite", reverse("cocreation:workshop_invite", kwargs={"pk": workshop.pk})),
        ("process panel", reverse("cocreation:process_evaluation", kwargs={"pk": process.pk})),
        ("call", reverse("cocreation:call", kwargs={"pk": call.pk})),
        ("call panel", reverse("cocreation:call_evaluation", kwargs={"pk": call.pk})),
    ]
    if idea is not None:
        rows.append(("idea edit", reverse("cocreation:idea_edit", kwargs={"pk": idea.pk})))
    if invitation is not None:
        token = link_token(services.CALL_INVITATION, invitation)
        rows.append(("SME link (public)", reverse("cocreation:apply", kwargs={"token": token})))
    sizes = {
        "workshop submissions": workshop.n,
        "call proposals": call.n,
        "city stakeholders": process.city.stakeholders.count(),
    }
    return rows, sizes


def measure(rows, runs):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment

    from ccrs.models import User

    setup_test_environment()
    staff = User.objects.get(email="staff@ccrs.demo")
    results = []
    for label, url in rows:
        client = Client()
        if "public" not in label:
            client.force_login(staff, backend="allauth.account.auth_backends.AuthenticationBackend")
        client.get(url)  # warm up
        timings = []
        for _ in range(runs):
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                response = client.get(url)
                timings.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (url, response.status_code)
        timings.sort()
        results.append((label, len(queries), statistics.median(timings), timings[int(len(timings) * 0.95) - 1]))
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--factor", type=int, default=4, help="seed_scale size factor (default 4)")
    parser.add_argument("--runs", type=int, default=30, help="requests per page (default 30)")
    args = parser.parse_args()
    vendor, seed_seconds = prepare(args.factor)
    rows, sizes = pages()
    print(f"database: {vendor}; seed_scale --factor {args.factor} took {seed_seconds:.1f} s; ", end="")
    print(f"{args.runs} requests per page")
    print("; ".join(f"{name}: {n}" for name, n in sizes.items()))
    print(f"{'page':<20} {'queries':>7} {'median ms':>9} {'p95 ms':>7}")
    for label, queries, median, p95 in measure(rows, args.runs):
        print(f"{label:<20} {queries:>7} {median:>9.1f} {p95:>7.1f}")


if __name__ == "__main__":
    main()
