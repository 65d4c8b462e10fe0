"""The properties that must hold when two gunicorns and two Celery workers share one PostgreSQL and one Redis
(`bench/throughput.py --servers 2` runs them): sessions, login lock-outs, a personal link's rate limit, one
report for many requests, the event waitlist, and submissions stored once. Each prints a line ending in
"holds" or "FAILS"."""

import asyncio
import time
import uuid
from urllib.parse import urlsplit

from live import STAFF, csrf_of, csrf_pair, demo_links_of, public_pages, session_of, sign_in, survey_answers, verdict


def lock_out_across(bases, password: str, email: str = "officer.bangkok@ccrs.demo") -> None:
    """Wrong passwords on the first server hold the account on the second (the limit lives in the shared Redis).

    Both are reached under one host name, as behind a load balancer: allauth keys the per-account limit by the
    request's host (no django.contrib.sites here) and the account, so servers reached under different names
    (127.0.0.1:8731, 127.0.0.1:8732) would each count their own failures."""
    import httpx

    said = []
    one_name = {"Host": "127.0.0.1"}
    with httpx.Client(base_url=bases[0], timeout=60, headers=one_name) as first:
        for _attempt in range(6):
            page = first.get("/accounts/login/")
            response = first.post(
                "/accounts/login/",
                data={"csrfmiddlewaretoken": csrf_of(page.text), "login": email, "password": "wrong-password"},
            )
            said.append("held" if "Too many" in response.text else response.status_code)
    with httpx.Client(base_url=bases[1], timeout=60, headers=one_name) as second:
        page = second.get("/accounts/login/")
        response = second.post(
            "/accounts/login/", data={"csrfmiddlewaretoken": csrf_of(page.text), "login": email, "password": password}
        )
    held = response.status_code != 302 and "Too many" in response.text
    print(
        f"lock-out: six wrong passwords on server 1 answered {said}; the right password on server 2 answered "
        f"{response.status_code}: {verdict(held)}"
    )


async def submit_across(bases, survey: str) -> tuple[list, set, float]:
    """100 survey forms opened at once, each sent at the same instant to both servers (a double tap that a load
    balancer spreads); returns the answers' statuses, their submission keys and the seconds taken."""
    import httpx

    clients = [httpx.AsyncClient(base_url=bases[n % 2], timeout=120) for n in range(100)]
    forms = await asyncio.gather(*(client.get(survey) for client in clients))
    answers = [survey_answers(form.text) for form in forms]
    # The same browser (its cookies) sending to the other server.
    twins = [
        httpx.AsyncClient(base_url=bases[(n + 1) % 2], timeout=120, cookies=httpx.Cookies(client.cookies))
        for n, client in enumerate(clients)
    ]

    async def send(client, data):
        return (await client.post(survey, data=data)).status_code

    started = time.perf_counter()
    statuses = await asyncio.gather(
        *(send(client, data) for client, data in zip(clients, answers, strict=True)),
        *(send(twin, data) for twin, data in zip(twins, answers, strict=True)),
    )
    elapsed = time.perf_counter() - started
    for client in [*clients, *twins]:
        await client.aclose()
    return statuses, {data["submission_key"] for data in answers}, elapsed


def session_across(bases, password: str) -> None:
    """Signed in through the login form on server 1; the same cookie opens the program dashboard on server 2."""

    async def run():
        first = await sign_in(bases[0], STAFF, password)
        import httpx

        async with httpx.AsyncClient(base_url=bases[1], timeout=60, cookies=httpx.Cookies(first.cookies)) as second:
            status = (await second.get("/program/")).status_code
        await first.aclose()
        return status

    status = asyncio.run(run())
    print(f"session: signed in on server 1, /program/ on server 2 answered {status}: {verdict(status == 200)}")


def rate_limit_across(bases, limit: int) -> None:
    """A workshop link allows `limit` posts per ten minutes however many servers take them."""
    import httpx

    link = next((address for _text, address in demo_links_of("workshop form")), None)
    if link is None:
        print("rate limit: no workshop link in the demo: not tried")
        return
    path = urlsplit(link).path
    cookies, headers = csrf_pair()
    statuses = []
    for n in range(limit + 4):
        with httpx.Client(base_url=bases[n % 2], timeout=60, cookies=cookies, headers=headers) as client:
            statuses.append(client.post(path, data={"website": ""}).status_code)
    refused_from = next((n + 1 for n, status in enumerate(statuses) if status == 429), None)
    print(
        f"rate limit: {limit} posts per link allowed, {len(statuses)} posts alternating between the servers answered "
        f"{statuses}: refused from post {refused_from}: {verdict(refused_from == limit + 1)}"
    )


def report_once_across(bases, password: str) -> None:
    """The program report asked for ten times at once over both servers: one report, built once by one worker."""
    import httpx

    from ccrs.models import Report, ReportStatus

    async def run():
        signed_in = await sign_in(bases[0], STAFF, password)
        cookies, headers = csrf_pair()
        jar = httpx.Cookies(signed_in.cookies)
        for name, value in cookies.items():
            jar.set(name, value)
        clients = [
            httpx.AsyncClient(base_url=bases[n % 2], timeout=60, cookies=jar, headers=headers) for n in range(10)
        ]
        statuses = await asyncio.gather(
            *(client.post("/reports/request/", data={"kind": "program", "format": "xlsx"}) for client in clients)
        )
        for client in [*clients, signed_in]:
            await client.aclose()
        return [response.status_code for response in statuses]

    before = set(Report.objects.values_list("pk", flat=True))
    statuses = asyncio.run(run())
    deadline = time.perf_counter() + 120
    while time.perf_counter() < deadline:
        made = list(Report.objects.exclude(pk__in=before).values_list("status", "attempts"))
        if made and all(status in (ReportStatus.SUCCEEDED, ReportStatus.FAILED) for status, _attempts in made):
            break
        time.sleep(0.5)
    print(
        f"report: 10 requests over both servers answered {sorted(set(statuses))}: {len(made)} report(s) made, "
        f"(status, attempts) {made}: {verdict(made == [(ReportStatus.SUCCEEDED, 1)])}"
    )


def waitlist_across(bases) -> None:
    """60 people register at once for a 10-seat event over both servers, then 6 seated people cancel at once."""
    from datetime import timedelta

    import httpx
    from django.contrib.auth.hashers import make_password
    from django.utils import timezone

    from ccrs.models import User
    from network.models import Registration, RegistrationStatus
    from network.services import events

    run = uuid.uuid4().hex[:6]
    unusable = make_password(None)
    people = User.objects.bulk_create(
        [
            User(email=f"waitlist{n:02d}.{run}@bench.ccrs", full_name=f"Waitlist {n}", password=unusable,
                 is_network_member=True)
            for n in range(60)
        ]
    )  # fmt: skip
    starts = timezone.now().replace(microsecond=0) + timedelta(days=14)
    event = events.event_create(
        created_by=User.objects.get(email=STAFF), kind="webinar", title=f"Waste banks that pay in points ({run})",
        starts_at=starts, ends_at=starts + timedelta(hours=2), online_url="https://meet.example.org/waste-banks",
        capacity=10,
    )  # fmt: skip
    sessions = {person.pk: session_of(person) for person in people}

    async def post_all(users, path):
        cookies, headers = csrf_pair()
        clients = [
            httpx.AsyncClient(base_url=bases[n % 2], timeout=60, cookies={**cookies, **sessions[u.pk]}, headers=headers)
            for n, u in enumerate(users)
        ]
        responses = await asyncio.gather(*(client.post(path) for client in clients))
        for client in clients:
            await client.aclose()
        return sorted({response.status_code for response in responses})

    registered = asyncio.run(post_all(people, f"/network/events/{event.pk}/register/"))
    rows = Registration.objects.filter(event=event)
    seated = rows.filter(status=RegistrationStatus.REGISTERED).count()
    waiting = rows.filter(status=RegistrationStatus.WAITLISTED).count()
    leaving = [r.user for r in rows.filter(status=RegistrationStatus.REGISTERED).select_related("user")[:6]]
    cancelled = asyncio.run(post_all(leaving, f"/network/events/{event.pk}/unregister/"))
    promoted = rows.filter(status=RegistrationStatus.REGISTERED, promoted_at__isnull=False)
    promotions, promoted_people = promoted.count(), promoted.values("user").distinct().count()
    seated_after = rows.filter(status=RegistrationStatus.REGISTERED).count()
    holds = (seated, waiting, promotions, promoted_people, seated_after) == (10, 50, 6, 6, 10)
    print(
        f"waitlist: 60 registrations at once over both servers answered {registered}: {seated} seats, {waiting} "
        f"waiting; 6 cancellations at once answered {cancelled}: {promotions} promotions of {promoted_people} "
        f"people, {seated_after} seats taken: {verdict(holds)}"
    )


def two_servers(bases, password: str, *, link_rate: int) -> None:
    """Every shared property at once: sessions, lock-outs, rate limits, reports, the waitlist, submissions."""
    from sectors.models import SurveyResponse

    session_across(bases, password)
    lock_out_across(bases, password)
    rate_limit_across(bases, link_rate)
    report_once_across(bases, password)
    waitlist_across(bases)
    survey = next((path for _label, _role, path, kind in public_pages() if kind == "post"), None)
    if survey is None:
        print("no public survey in the demo: submissions not tried")
        return
    before = SurveyResponse.objects.count()
    statuses, keys, elapsed = asyncio.run(submit_across(bases, survey))
    stored = SurveyResponse.objects.count() - before
    distinct = SurveyResponse.objects.filter(submission_key__in=keys).count()
    print(
        f"submissions: 100 forms, each sent to both servers at once ({len(statuses)} POSTs in {elapsed:.1f} s, "
        f"answers {sorted(set(statuses))}): {stored} new responses, {distinct} of the 100 keys stored: "
        f"{verdict(stored == distinct == 100)}"
    )
