"""Rank every sector assessment afresh and store its leader (after a bulk load, or to check nothing drifted)."""

from django.core.management.base import BaseCommand

from sectors import services
from sectors.models import Assessment


class Command(BaseCommand):
    help = "Rank every sector assessment (or those never ranked, with --unranked) and store the leading sector."

    def add_arguments(self, parser):
        parser.add_argument("--unranked", action="store_true", help="only the assessments never ranked")

    def handle(self, *args, unranked, **options):
        assessments = Assessment.objects.order_by("pk")
        if unranked:
            assessments = assessments.filter(ranked_at__isnull=True)
        count = services.assessments_rank(assessments=assessments.iterator())
        if options["verbosity"]:
            self.stdout.write(f"{count} assessments ranked.")
