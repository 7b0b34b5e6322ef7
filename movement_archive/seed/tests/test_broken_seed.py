"""A broken seed file gets an error naming the file, the record and the field, and changes nothing."""

import shutil
import tempfile
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import TestCase

from movement_archive.organisations.models import Organisation
from movement_archive.seed import schema
from movement_archive.seed.loader import load_seed
from movement_archive.testing.seed_copy import seeded

from .test_loading import record_counts


def seed_copy(test: TestCase) -> Path:
    target = Path(tempfile.mkdtemp()) / "data"
    shutil.copytree(schema.DATA_DIR, target)
    test.addCleanup(shutil.rmtree, target.parent)
    return target


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


class BrokenSeedTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        # The background the broken files are loaded over; the copy of the seed suffices (testing/seed_copy.py).
        seeded()

    def assert_rejected(self, data_dir: Path, *fragments: str) -> schema.SeedError:
        before = record_counts()
        junkiebond = Organisation.objects.get(key="junkiebond")
        with self.assertRaises(schema.SeedError) as caught:
            load_seed(data_dir)
        message = str(caught.exception)
        for fragment in fragments:
            self.assertIn(fragment, message)
        self.assertEqual(record_counts(), before)
        self.assertEqual(Organisation.objects.get(key="junkiebond").description, junkiebond.description)
        return caught.exception

    def test_an_impossible_date_names_file_record_and_field(self):
        data = seed_copy(self)
        edit(data / "organisations.yaml", 'founded: "1973"', 'founded: "1973-13"')
        self.assert_rejected(data, "organisations.yaml", "record 'ccmp'", "field 'founded'", "month 13")

    def test_a_reference_to_a_missing_record_is_named(self):
        data = seed_copy(self)
        edit(data / "relations.yaml", "object: nama-recovery", "object: nama-recovery-typo")
        self.assert_rejected(data, "relations.yaml", "field 'object'", "'nama-recovery-typo', which does not exist")

    def test_an_unquoted_norway_is_explained(self):
        data = seed_copy(self)
        edit(data / "people.yaml", 'countries: ["NO"]', "countries: [NO]")
        self.assert_rejected(data, "people.yaml", "field 'countries'", 'quote country codes, e.g. "NO"')

    def test_invalid_yaml_names_the_line(self):
        data = seed_copy(self)
        (data / "events.yaml").write_text("- key: a\n  title: [unclosed\n", encoding="utf-8")
        self.assert_rejected(data, "events.yaml", "is not valid YAML", "line")

    def test_a_missing_required_field_and_an_unknown_field_are_both_reported(self):
        data = seed_copy(self)
        edit(data / "organising_models.yaml", "- key: grassroots\n", "- key: grassroots\n  colour: red\n")
        edit(data / "sources.yaml", "  kind: briefing\n", "")
        error = self.assert_rejected(
            data, "field 'colour'", "unknown field", "sources.yaml", "field 'kind'", "is required"
        )
        self.assertGreaterEqual(len(error.problems), 2)

    def test_nothing_is_half_written_when_a_later_file_is_broken(self):
        # A valid change to an early record must not land when a later file fails.
        data = seed_copy(self)
        edit(
            data / "organisations.yaml", "- key: junkiebond\n", "- key: junkiebond\n  website: https://example.org/x\n"
        )
        edit(data / "disagreements.yaml", "claims:", "claims_typo:")
        self.assert_rejected(data, "disagreements.yaml")
        self.assertEqual(Organisation.objects.get(key="junkiebond").website, "")

    def test_a_broken_interview_is_named_and_nothing_is_written(self):
        data = seed_copy(self)
        edit(data / "interviews.yaml", "narrator: judy-chang\n  episode: 10\n", "narrator: judy-chang\n  episode: 7\n")
        edit(data / "interviews.yaml", "organisations: [anpud]", "organisations: [anpud, asian-network]")
        self.assert_rejected(
            data,
            "interviews.yaml, record 'interview-judy-chang', field 'narrator'",
            "is not among the people of episode 7",
            "record 'interview-anand-chabungbam', field 'organisations'",
            "'asian-network', which does not exist",
        )

    def test_a_statistic_without_a_figure_is_refused(self):
        data = seed_copy(self)
        text = (data / "events.yaml").read_text(encoding="utf-8")
        start = text.index("kind: statistic")
        block_start = text.index("  statistic:\n", start)
        block_end = text.index("  citations:", block_start)
        (data / "events.yaml").write_text(text[:block_start] + text[block_end:], encoding="utf-8")
        self.assert_rejected(data, "events.yaml", "field 'statistic'", "needs a figure")

    def test_the_command_reports_the_problem_as_a_command_error(self):
        data = seed_copy(self)
        edit(data / "organisations.yaml", "scope: local", "scope: planetary")
        with self.assertRaisesMessage(CommandError, "'planetary' is not one of"):
            call_command("load_seed", data_dir=data)
