"""The benchmark generator: a synthetic archive of exactly the size asked, published, repeatable from its seed,
readable and searchable like the real one, written in words of its own, and never added twice by accident."""

from __future__ import annotations

import io
from contextlib import redirect_stderr

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.test import TestCase
from django.urls import reverse
from django.utils.html import escape

from movement_archive.cli import main
from movement_archive.dates import edtf
from movement_archive.events.models import Event
from movement_archive.organisations.models import Organisation, OrganisationName, OrganisationRelation
from movement_archive.organising.models import Practice
from movement_archive.people.models import Person
from movement_archive.places.models import Locality
from movement_archive.seed.generator import generate
from movement_archive.testing.outside import runs_of_words, source_sentences

GENERATED = {"key__startswith": "gen-"}
SIZE = {"organisations": 200, "events": 500, "people": 100}


def generated(model):
    return model.objects.filter(**GENERATED)


def names_and_keys() -> dict[str, list[tuple[str, str]]]:
    return {
        "organisations": list(generated(Organisation).order_by("key").values_list("key", "name")),
        "people": list(generated(Person).order_by("key").values_list("key", "name")),
        "events": list(generated(Event).order_by("key").values_list("key", "title")),
        "localities": list(generated(Locality).order_by("key").values_list("key", "name")),
    }


@pytest.mark.slow
class AGeneratedArchive(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.report = generate(**SIZE, seed=7, batch_size=64)

    def test_it_has_exactly_the_records_asked_for_all_published(self):
        for model, size in ((Organisation, 200), (Event, 500), (Person, 100)):
            with self.subTest(model=model.__name__):
                self.assertEqual(generated(model).count(), size)
                self.assertEqual(generated(model).filter(live=True, has_unpublished_changes=False).count(), size)
                self.assertFalse(generated(model).exclude(latest_revision=None).exists())
        self.assertEqual(self.report.counts["organisations"], 200)

    def test_it_is_shaped_like_the_seed_collection(self):
        organisations = generated(Organisation)
        self.assertGreater(organisations.filter(kind="user_group").count(), organisations.filter(kind="funder").count())
        self.assertTrue(OrganisationName.objects.filter(organisation__in=organisations).exists())
        self.assertTrue(Practice.objects.filter(organisation__in=organisations).exists())
        self.assertTrue(OrganisationRelation.objects.filter(subject__in=organisations).exists())
        self.assertTrue(generated(Event).filter(kind="statistic", statistic_value__isnull=False).exists())
        self.assertTrue(generated(Person).filter(access="restricted").exists())
        for organisation in organisations.prefetch_related("countries"):
            self.assertIn(len(organisation.countries.all()), (1, 2, 3))

    def test_every_date_column_agrees_with_its_edtf_text(self):
        checks = [
            (generated(Organisation), "founded", "founded_lower", "founded_upper", None),
            (generated(Organisation), "closed", "closed_lower", "closed_upper", None),
            (generated(Event), "date", "date_lower", "date_upper", "date_sort"),
            (Practice.objects.filter(organisation__key__startswith="gen-"), "start", None, None, "start_sort"),
            (OrganisationRelation.objects.filter(subject__key__startswith="gen-"), "start", None, None, "start_sort"),
        ]
        for rows, text, lower, upper, position in checks:
            dated = 0
            for row in rows:
                value = getattr(row, text)
                if not value:
                    continue
                dated += 1
                parsed = edtf.parse(value)
                with self.subTest(model=type(row).__name__, key=getattr(row, "key", row.pk), value=value):
                    if lower:
                        self.assertEqual((getattr(row, lower), getattr(row, upper)), (parsed.lower, parsed.upper))
                    if position:
                        self.assertEqual(getattr(row, position), parsed.sort_start)
            self.assertGreater(dated, 0, f"no {text} dates were generated")
        self.assertFalse(generated(Event).filter(date_sort__isnull=True).exists())

    def test_a_reader_opens_generated_organisations_and_is_kept_from_hidden_people(self):
        for organisation in generated(Organisation).order_by("pk")[:5]:
            response = self.client.get(organisation.get_absolute_url())
            self.assertContains(response, escape(organisation.name))
        hidden = generated(Person).filter(access="restricted").first()
        self.assertEqual(self.client.get(hidden.get_absolute_url()).status_code, 404)

    def test_every_generated_record_is_in_the_search_index_not_only_the_first_batch(self):
        from wagtail.search.models import IndexEntry

        for model in (Organisation, Event, Person):  # each written in several batches of 64
            with self.subTest(model=model.__name__):
                keys = generated(model).values("pk")
                indexed = IndexEntry.objects.filter(
                    content_type__app_label=model._meta.app_label, content_type__model=model._meta.model_name
                )
                self.assertEqual(indexed.count(), model.objects.count())
                self.assertTrue(indexed.filter(object_id=str(generated(model).order_by("pk").last().pk)).exists())
                self.assertGreater(keys.count(), 64)  # more than one batch was written

    def test_search_finds_a_generated_organisation_by_its_name(self):
        organisation = generated(Organisation).order_by("key").last()
        response = self.client.get(reverse("search:search"), {"q": organisation.name, "format": "json"})
        found = [(hit["type"], hit["key"]) for hit in response.json()["results"]]
        self.assertIn(("organisation", organisation.key), found)

    def test_no_generated_text_repeats_twelve_words_of_the_source_documents(self):
        sentences = source_sentences()
        texts = [
            *generated(Organisation).values_list("description", flat=True),
            *generated(Person).values_list("biography", flat=True),
            *generated(Event).values_list("description", flat=True),
            " ".join(generated(Event).values_list("title", flat=True)),
            " ".join(generated(Organisation).values_list("name", flat=True)),
        ]
        copied = [text for text in texts if runs_of_words(text) & sentences]
        self.assertEqual(copied, [])

    def test_generating_again_is_refused_unless_adding_is_asked_for(self):
        with self.assertRaisesMessage(CommandError, "already holds generated records"):
            call_command("generate_archive", organisations=10, stdout=io.StringIO())
        stderr = io.StringIO()
        with redirect_stderr(stderr):
            status = main(["generate", "--organisations", "10"])
        self.assertEqual(status, 1)
        self.assertIn("--add", stderr.getvalue())
        self.assertEqual(generated(Organisation).count(), 200)

        call_command("generate_archive", organisations=10, events=20, add=True, stdout=io.StringIO())
        self.assertEqual(generated(Organisation).count(), 210)
        self.assertEqual(generated(Event).count(), 520)
        self.assertTrue(Organisation.objects.filter(key="gen-org-210", live=True).exists())


@pytest.mark.slow
class TheGeneratorIsRepeatable(TestCase):
    """Each archive is generated on an empty database and rolled back: deleting a generated archive to make
    room for the next would cost more than generating it, as every deletion is kept (deletions/actions.py)."""

    def generated_with(self, **options) -> dict[str, list[tuple[str, str]]]:
        with transaction.atomic():
            generate(**SIZE, **options)
            records = names_and_keys()
            transaction.set_rollback(True)
        return records

    def test_the_same_seed_gives_the_same_records_whatever_the_batch_size_and_another_seed_other_ones(self):
        first = self.generated_with(seed=7, batch_size=64)
        self.assertEqual(self.generated_with(seed=7), first)  # 5,000 at a time
        other = self.generated_with(seed=8)
        self.assertEqual([key for key, _ in other["organisations"]], [key for key, _ in first["organisations"]])
        self.assertNotEqual(other["organisations"], first["organisations"])
