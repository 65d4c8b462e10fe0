"""Load the demo program: the real first CCRS cohort and one account per role."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from ccrs import demo as ccrs_demo
from ccrs import demo_registry


class Command(BaseCommand):
    help = "Create or refresh the demo data (the six cities of the first cohort, demo accounts). Never in production."

    def handle(self, *args, **options):
        if settings.PRODUCTION:
            raise CommandError(
                "seed_demo refuses to run with DJANGO_ENV=production: it creates accounts with a known password."
            )
        log = self.stdout.write if options["verbosity"] else (lambda _message: None)
        demo_registry.seed_demo(log=log)
        if not options["verbosity"]:
            return
        self.stdout.write(self.style.SUCCESS("Demo data ready. Sign in at http://127.0.0.1:8000 with:"))
        for role, email in ccrs_demo.DEMO_LOGINS:
            self.stdout.write(f"  {role:<24} {email:<28} password: {ccrs_demo.DEMO_PASSWORD}")
