"""Load the demo program: the real first CCRS cohort and one account per role."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from ccrs import demo as ccrs_demo
from ccrs import demo_registry


class Command(BaseCommand):
    help = (
        "Load the demo data (the six cities of the first cohort, demo accounts) when it is not there yet; "
        "with --reset, delete the demo (and what people added to its cities) and load it again. Never in production."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Delete the demo's cities, accounts and everything in them, then load the demo again.",
        )

    def handle(self, *args, **options):
        if settings.PRODUCTION:
            raise CommandError(
                "seed_demo refuses to run with DJANGO_ENV=production: it creates accounts with a known password."
            )
        log = self.stdout.write if options["verbosity"] else (lambda _message: None)
        with transaction.atomic():
            if options["reset"]:
                demo_registry.reset_demo(log=log)
            elif demo_registry.demo_loaded():
                log(
                    self.style.WARNING(
                        "The demo is already loaded: nothing was created or changed. "
                        "Run `manage.py seed_demo --reset` to delete it (with what people added to its cities) "
                        "and load it again on today's calendar."
                    )
                )
                self._show_ways_in(log)
                return
            demo_registry.seed_demo(log=log)
        log(self.style.SUCCESS(f"Demo data ready. Sign in at {settings.SITE_URL} with:"))
        self._show_ways_in(log)

    def _show_ways_in(self, log):
        for role, email in ccrs_demo.DEMO_LOGINS:
            log(f"  {role:<24} {email:<28} password: {ccrs_demo.DEMO_PASSWORD}")
        log("Links to try without an account:")
        for label, address in demo_registry.demo_links():
            log(f"  {label}: {address}")
