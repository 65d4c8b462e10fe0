"""Grow a large synthetic program for query budgets and benchmarks."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from ccrs import demo_registry


class Command(BaseCommand):
    help = "Add a large synthetic program: per unit of --factor, 32 cities, 2,000 stakeholders, 100 network members."

    def add_arguments(self, parser):
        parser.add_argument("--factor", type=int, default=1, help="size factor (1 = 32 cities, 2,000 stakeholders)")
        parser.add_argument(
            "--density",
            type=float,
            default=1.0,
            help="share of the people, submissions, resources and posts per unit of factor (default 1, all of them)",
        )

    def handle(self, *args, factor, density, **options):
        if settings.PRODUCTION:
            raise CommandError("seed_scale refuses to run with DJANGO_ENV=production.")
        if factor < 1:
            raise CommandError("--factor must be 1 or more.")
        if not 0 < density <= 1:
            raise CommandError("--density must be above 0 and at most 1.")
        log = self.stdout.write if options["verbosity"] else (lambda _message: None)
        demo_registry.seed_scale(factor=factor, log=log, density=density)
        log(self.style.SUCCESS("Scale data ready."))
