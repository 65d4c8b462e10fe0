"""Compile the project's .po catalogs into .mo files with polib, so no GNU gettext is needed."""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from ccrs import registry


def project_catalogs() -> list[Path]:
    """locale/ of the project and <app>/locale/ of the project's own apps (not installed packages)."""
    folders = [Path(p) for p in settings.LOCALE_PATHS]
    folders += [Path(config.path) / "locale" for config in registry.project_apps()]
    return sorted({po for folder in folders for po in folder.glob("*/LC_MESSAGES/*.po")})


class Command(BaseCommand):
    help = "Compile locale/ and <app>/locale/ catalogs to .mo without GNU gettext (used by the install step)."

    def handle(self, *args, **options):
        catalogs = project_catalogs()
        for po_path in catalogs:
            try:
                catalog = polib.pofile(str(po_path))
            except (OSError, ValueError) as error:
                raise CommandError(f"{po_path}: {error}") from error
            catalog.save_as_mofile(str(po_path.with_suffix(".mo")))
            if options["verbosity"] > 1:
                self.stdout.write(f"{po_path}: {catalog.percent_translated()}% translated")
        if options["verbosity"]:
            self.stdout.write(self.style.SUCCESS(f"{len(catalogs)} catalogs compiled."))
