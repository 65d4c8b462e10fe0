"""Benchmark of case studies: the time to draft, publish a study and build its PDF in each language, and the
public pages' queries and response times. Prints a table; asserts nothing.

Runs on its own database (PostgreSQL `ccrs_bench_case_studies` when DATABASE_URL names PostgreSQL, else a temporary
SQLite file) with seed_demo and seed_scale --factor N; the public pages are measured as served, from the cache
(their drawn-page budgets are in tests/network/test_case_studies_pages.py).

    .venv/bin/python bench/case_studies.py --factor 1
"""

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common  # noqa: E402 - the shared database set-up and page timing of the benchmarks

PAGES = [
    ("public listing", None, "/case-studies/?lang=en"),
    ("public study (vi)", None, "/case-studies/can-tho/ninh-kieu-waste/?lang=vi"),
    ("public study (en)", None, "/case-studies/can-tho/ninh-kieu-waste/?lang=en"),
    ("program page", None, "/program/public/"),
    ("sitemap", None, "/sitemap.xml"),
    ("team list", "staff@ccrs.demo", "/network/case-studies/"),
]


def timed(action) -> tuple[object, float]:
    started = time.perf_counter()
    result = action()
    return result, (time.perf_counter() - started) * 1000


def main():
    args = common.arguments(__doc__, factor=1, runs=10).parse_args()
    common.prepare(args.factor, database="ccrs_bench_case_studies")
    from django.test import Client
    from django.test.utils import setup_test_environment, teardown_test_environment

    from ccrs.models import User
    from network.models import CaseStudy
    from network.services import case_studies as services

    setup_test_environment()
    staff = User.objects.get(email="staff@ccrs.demo")
    lead = User.objects.get(email="lead.semarang@ccrs.demo")
    semarang = CaseStudy.objects.get(city__slug="semarang")
    rows = []
    _study, ms = timed(lambda: services.case_study_draft_create(city=semarang.city, user=lead, kind="interim"))
    rows.append(("draft a study from every app's figures", ms))
    services.case_study_approve(study=semarang, user=staff)
    version, ms = timed(lambda: services.case_study_publish(study=semarang, user=staff))
    rows.append((f"publish (freeze {len(version.languages)} languages)", ms))
    client = Client()
    for language in version.languages:
        url = f"/case-studies/semarang/{semarang.slug}/pdf/?lang={language}"
        response, ms = timed(lambda url=url: b"".join(client.get(url).streaming_content))
        rows.append((f"build the PDF ({language}, {len(response) // 1024} KB)", ms))
    teardown_test_environment()  # common.measure sets it up again, for itself
    print(f"{'step':<44} {'ms':>9}")
    for label, ms in rows:
        print(f"{label:<44} {ms:>9.0f}")
    print(f"\n{'page':<18} {'url':<52} {'queries':>7} {'median ms':>9} {'p95 ms':>7}")
    for label, url, queries, median, p95 in common.measure(PAGES, args.runs):
        print(f"{label:<18} {url:<52} {queries:>7} {median:>9.1f} {p95:>7.1f}")


if __name__ == "__main__":
    main()
