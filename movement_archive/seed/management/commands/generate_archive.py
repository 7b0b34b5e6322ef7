import argparse
import time

from django.core.management.base import BaseCommand, CommandError

from movement_archive.seed.generator import generate, generated_records_exist


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text!r} must be 0 or more")
    return value


class Command(BaseCommand):
    help = (
        "Fill the database with a synthetic archive of the given size for benchmarks: invented, published records "
        'whose keys start with "gen-", written in bulk without revisions, then added to the search index.'
    )

    def add_arguments(self, parser):
        parser.add_argument("--organisations", type=_count, default=0, help="organisations to create (default 0)")
        parser.add_argument("--events", type=_count, default=0, help="events to create (default 0)")
        parser.add_argument("--people", type=_count, default=0, help="people to create (default 0)")
        parser.add_argument(
            "--seed", type=int, default=0, help="random seed; the same seed and sizes give the same archive (default 0)"
        )
        parser.add_argument(
            "--batch-size", type=int, default=5000, help="records written per insert and per transaction (default 5000)"
        )
        parser.add_argument(
            "--add",
            action="store_true",
            help="add to the generated records already in the database instead of refusing to run",
        )

    def handle(self, *args, organisations, events, people, seed, batch_size, add, **options):
        if batch_size < 1:
            raise CommandError("--batch-size must be 1 or more")
        if not add and generated_records_exist():
            raise CommandError(
                "the database already holds generated records (keys starting with 'gen-'); "
                "use --add to add more, or start from a fresh database"
            )
        began = time.perf_counter()
        report = generate(
            organisations,
            events,
            people,
            seed=seed,
            batch_size=batch_size,
            progress=lambda message: self.stdout.write(message) if options["verbosity"] > 1 else None,
        )
        for line in report.lines():
            self.stdout.write(line)
        self.stdout.write(
            self.style.SUCCESS(
                f"Generated {organisations:,} organisations, {people:,} people and {events:,} events "
                f"in {time.perf_counter() - began:.1f} s."
            )
        )
