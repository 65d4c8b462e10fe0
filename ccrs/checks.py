"""Deploy checks (`manage.py check --deploy`) for what a deployment can lose without noticing."""

from django.conf import settings
from django.core.checks import Tags, Warning, register

PROCESS_LOCAL_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
}
UNDELIVERED_EMAIL = {
    "django.core.mail.backends.console.EmailBackend",
    "django.core.mail.backends.locmem.EmailBackend",
    "django.core.mail.backends.dummy.EmailBackend",
    "django.core.mail.backends.filebased.EmailBackend",
}


@register(Tags.security, deploy=True)
def cache_shared_by_every_process(app_configs, **kwargs):
    """Login lock-outs and public-form rate limits count in the cache: each process must see the same counts."""
    backend = settings.CACHES["default"]["BACKEND"]
    if backend not in PROCESS_LOCAL_CACHES:
        return []
    return [
        Warning(
            f"The cache ({backend}) is kept inside each process: every gunicorn worker and every server keeps its "
            "own login lock-outs and form rate limits, so an attacker gets their attempts once per process.",
            hint="Set REDIS_URL (e.g. redis://127.0.0.1:6379/1) so that every process shares one cache.",
            id="ccrs.W001",
        )
    ]


@register(Tags.security, deploy=True)
def email_delivered(app_configs, **kwargs):
    """Addresses are verified by a code sent to them: without a real mail server nobody can sign up or in."""
    if settings.EMAIL_BACKEND not in UNDELIVERED_EMAIL:
        return []
    return [
        Warning(
            f"E-mail is not delivered ({settings.EMAIL_BACKEND}): verification codes, sign-in codes, invitations "
            "and staff two-factor enrolment links never reach anyone.",
            hint="Set EMAIL_URL, e.g. smtp+tls://user:password@smtp.example.org:587.",
            id="ccrs.W002",
        )
    ]
