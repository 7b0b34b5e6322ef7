from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from movement_archive.seed import schema
from movement_archive.seed.loader import load_seed


class Command(BaseCommand):
    help = "Load or update the curated seed collection. Validates every file first; writes nothing if any is invalid."

    def add_arguments(self, parser):
        parser.add_argument(
            "--data-dir",
            type=Path,
            default=None,
            help="Directory holding the seed YAML files (default: the collection shipped in the package).",
        )

    def handle(self, *args, data_dir=None, **options):
        try:
            report = load_seed(data_dir)
        except schema.SeedError as error:
            raise CommandError(str(error)) from error
        for line in report.lines():
            self.stdout.write(line)
        self.stdout.write(
            self.style.SUCCESS(
                f"Seed collection loaded: {report.total('created')} created, {report.total('updated')} updated, "
                f"{report.total('unchanged')} unchanged."
            )
        )
