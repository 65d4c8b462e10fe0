"""Profile one page of bench/pages.py on a benchmark database it built before: times GETs, prints pyinstrument's text.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ccrs .venv/bin/python bench/pages.py --factor 4
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ccrs .venv/bin/python bench/profile_pages.py \
        --email staff@ccrs.demo /program/benchmark/
"""

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.pages import reuse  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url", help="the page, such as /program/benchmark/")
    parser.add_argument("--email", default="staff@ccrs.demo", help="whom to sign in as (default staff@ccrs.demo)")
    parser.add_argument("--database", default="ccrs_bench", help="the database bench/pages.py built")
    parser.add_argument("--runs", type=int, default=10, help="timed requests (default 10)")
    parser.add_argument("--cold", action="store_true", help="clear the cache before each request (nothing kept)")
    args = parser.parse_args()
    reuse(args.database)

    from django.core.cache import cache
    from django.test import Client
    from django.test.utils import setup_test_environment
    from pyinstrument import Profiler

    from ccrs.models import User

    setup_test_environment()
    user = User.objects.get(email=args.email)
    client = Client()
    client.force_login(user, backend="allauth.account.auth_backends.AuthenticationBackend")
    client.get(args.url)  # warm up
    timings = []
    profiler = Profiler()
    for _ in range(args.runs):
        if args.cold:
            cache.clear()
            client.force_login(user, backend="allauth.account.auth_backends.AuthenticationBackend")
        profiler.start()
        started = time.perf_counter()
        response = client.get(args.url)
        timings.append((time.perf_counter() - started) * 1000)
        profiler.stop()
        assert response.status_code == 200, response.status_code
    print(f"{args.url} as {args.email}: median {statistics.median(timings):.1f} ms over {args.runs} requests")
    print(profiler.output_text(unicode=True, color=False, show_all=False))


if __name__ == "__main__":
    main()
