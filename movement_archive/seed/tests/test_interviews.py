"""The series' interviews in the seed: one per person the series text shows speaking, real, public, without media."""

import re
import shutil
import tempfile
from pathlib import Path

from django.test import SimpleTestCase
from wagtail.models import Revision

from movement_archive.access.models import AccessLevel
from movement_archive.documentary.models import Episode, Series
from movement_archive.interviews.models import EpisodeUse, Interview, Participant
from movement_archive.people.models import Person
from movement_archive.seed import schema
from movement_archive.seed.loader import load_seed
from movement_archive.sources.models import Source

from .base import SeededTestCase

INTERVIEWS_YAML = schema.DATA_DIR / "interviews.yaml"
LOCATOR = re.compile(r"^¶\d+$")


def header_count() -> int:
    """The number of records the file's header comment announces."""
    found = re.search(r"this file holds (\d+) interview records", INTERVIEWS_YAML.read_text(encoding="utf-8"))
    assert found, "the header of interviews.yaml no longer says how many records it holds"
    return int(found.group(1))


def narrator_of(interview: Interview) -> Person:
    return interview.participants.get(role=Participant.Role.NARRATOR).person


class WhoHasAnInterviewTests(SeededTestCase):
    def test_every_interviewee_of_an_episode_has_exactly_one_interview_drawn_on_by_that_episode(self):
        interviewees = set(Person.objects.filter(roles__name="interviewee"))
        self.assertTrue(interviewees)
        for episode in Episode.objects.prefetch_related("people"):
            for person in set(episode.people.all()) & interviewees:
                interviews = Interview.objects.filter(
                    participants__person=person, participants__role=Participant.Role.NARRATOR
                )
                self.assertEqual(interviews.count(), 1, person)
                self.assertEqual(interviews.get().episode_uses.get().episode, episode, person)

    def test_only_interviewees_have_interviews_and_each_appears_in_the_episode_using_it(self):
        for interview in Interview.objects.all():
            narrator = narrator_of(interview)
            self.assertIn("interviewee", set(narrator.roles.names()), interview)
            self.assertIn(narrator, interview.episode_uses.get().episode.people.all(), interview)

    def test_people_the_series_only_mentions_have_no_interview(self):
        # The head of state named as background, a founder who had died, a man known only from a foundation's
        # name, and people whose work is described in the third person.
        for key in ("rodrigo-duterte", "john-mordaunt", "andrey-rylkov", "dan-bigg", "ann-livingston", "iqbal-sapand"):
            self.assertFalse(Participant.objects.filter(person__key=key).exists(), key)

    def test_the_header_count_is_the_number_of_records_and_fewer_than_the_series_recorded(self):
        records = schema.read_collection().interviews
        self.assertEqual(header_count(), len(records))
        self.assertEqual(Interview.objects.count(), len(records))
        self.assertEqual(self.seed_report.counts["interviews"]["created"], len(records))
        self.assertLess(len(records), Series.objects.get().interview_count)


class WhatEachInterviewHoldsTests(SeededTestCase):
    def test_narrator_episode_countries_and_organisations_are_those_of_the_seed_record(self):
        for r in schema.read_collection().interviews:
            interview = Interview.objects.get(key=r["key"])
            narrator = narrator_of(interview)
            self.assertEqual(narrator.key, r["narrator"])
            self.assertEqual(interview.title, f"Interview with {narrator.name}")
            self.assertEqual(interview.episode_uses.get().episode.number, r["episode"])
            self.assertEqual(sorted(interview.countries.values_list("iso2", flat=True)), sorted(r["countries"]))
            self.assertEqual(interview.country.iso2 if interview.country else "", r["country"])
            self.assertEqual(interview.locality.key if interview.locality else None, r["locality"])
            self.assertEqual(
                sorted(interview.organisations.values_list("key", flat=True)), sorted(r["organisations"]), r["key"]
            )

    def test_every_interview_is_real_public_published_and_has_no_media_or_transcript(self):
        for interview in Interview.objects.all():
            self.assertFalse(interview.synthetic, interview)
            self.assertEqual(interview.access, AccessLevel.PUBLIC, interview)
            self.assertTrue(interview.live, interview)
            self.assertEqual(interview.revisions.count(), 1, interview)
            self.assertFalse(interview.recording, interview)
            self.assertEqual(interview.external_media_url, "", interview)
            self.assertFalse(interview.transcripts.exists(), interview)
            self.assertFalse(interview.index_points.exists(), interview)
            self.assertEqual(interview.participants.count(), 1, interview)
            use = interview.episode_uses.get()
            self.assertEqual((use.start_ms, use.end_ms), (None, None), interview)

    def test_every_interview_cites_the_series_text_where_it_names_the_narrator(self):
        series_text = Source.objects.get(key="series-text").pk
        for interview in Interview.objects.all():
            cited = interview.citations.raw_data
            self.assertTrue(cited, interview)
            for citation in cited:
                self.assertEqual(citation["value"]["source"], series_text, interview)
                self.assertRegex(citation["value"]["locator"], LOCATOR)
            narrator_paragraphs = {c["value"]["locator"] for c in narrator_of(interview).citations.raw_data}
            self.assertTrue(narrator_paragraphs & {c["value"]["locator"] for c in cited}, interview)

    def test_only_the_kabul_interview_says_where_it_was_recorded(self):
        recorded = Interview.objects.exclude(country=None)
        self.assertEqual(list(recorded.values_list("key", flat=True)), ["interview-abdur-raheem-rejaey"])
        self.assertEqual((recorded.get().country.iso2, recorded.get().locality.name), ("AF", "Kabul"))

    def test_the_public_page_names_the_narrator_and_says_there_is_nothing_to_play(self):
        interview = Interview.objects.get(key="interview-judy-chang")
        response = self.client.get(interview.get_absolute_url())
        self.assertContains(response, "Judy Chang")
        self.assertContains(response, "no recording and no transcript")


class ReloadingInterviewsTests(SeededTestCase):
    def test_loading_twice_leaves_every_interview_unchanged(self):
        revisions = Revision.objects.count()
        children = (Participant.objects.count(), EpisodeUse.objects.count())
        report = load_seed()
        count = Interview.objects.count()
        self.assertEqual(report.counts["interviews"], {"created": 0, "updated": 0, "unchanged": count})
        self.assertEqual(Revision.objects.count(), revisions)
        self.assertEqual((Participant.objects.count(), EpisodeUse.objects.count()), children)

    def test_an_edited_interview_is_updated_with_a_new_revision_and_the_rest_stay(self):
        data = seed_copy(self)
        edit(data / "interviews.yaml", "organisations: [vocal-ny, urban-survivors-union]", "organisations: [vocal-ny]")
        report = load_seed(data)
        self.assertEqual(report.counts["interviews"]["updated"], 1)
        self.assertEqual(report.total("updated"), 1)
        suarez = Interview.objects.get(key="interview-robert-suarez")
        self.assertEqual(list(suarez.organisations.values_list("key", flat=True)), ["vocal-ny"])
        self.assertEqual(suarez.revisions.count(), 2)
        self.assertEqual(suarez.participants.count(), 1)


def seed_copy(test) -> Path:
    target = Path(tempfile.mkdtemp()) / "data"
    shutil.copytree(schema.DATA_DIR, target)
    test.addCleanup(shutil.rmtree, target.parent)
    return target


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


class BrokenInterviewTests(SimpleTestCase):
    """Each mistake is named by file, record and field, like mistakes in the other seed files."""

    def assert_rejected(self, old: str, new: str, *fragments: str) -> None:
        data = seed_copy(self)
        edit(data / "interviews.yaml", old, new)
        with self.assertRaises(schema.SeedError) as caught:
            schema.read_collection(data)
        message = str(caught.exception)
        for fragment in ("interviews.yaml", *fragments):
            self.assertIn(fragment, message)

    def test_an_unknown_field(self):
        self.assert_rejected(
            "  narrator: hollis\n",
            "  narrator: hollis\n  transcript: none\n",
            "record 'interview-hollis', field 'transcript': unknown field",
        )

    def test_a_narrator_who_is_not_in_people_yaml(self):
        self.assert_rejected(
            "narrator: hollis\n",
            "narrator: holis\n",
            "field 'narrator'",
            "refers to people 'holis', which does not exist",
        )

    def test_an_organisation_that_does_not_exist(self):
        self.assert_rejected(
            "organisations: [vocal-ny, urban-survivors-union]",
            "organisations: [vocal-nyc, urban-survivors-union]",
            "record 'interview-robert-suarez', field 'organisations'",
            "refers to organisations 'vocal-nyc', which does not exist",
        )

    def test_a_country_that_is_not_an_iso_code(self):
        self.assert_rejected(
            "countries: [MX]", "countries: [Mexico]", "record 'interview-brun-gonzalez', field 'countries'", "ISO 3166"
        )

    def test_an_episode_the_series_does_not_have(self):
        self.assert_rejected(
            "narrator: judy-chang\n  episode: 10\n",
            "narrator: judy-chang\n  episode: 11\n",
            "record 'interview-judy-chang', field 'episode'",
            "episode 11",
        )

    def test_a_narrator_the_episode_does_not_list(self):
        self.assert_rejected(
            "narrator: hollis\n  episode: 5\n",
            "narrator: hollis\n  episode: 4\n",
            "record 'interview-hollis', field 'narrator'",
            "'hollis' is not among the people of episode 4",
        )

    def test_a_key_that_does_not_follow_the_narrator(self):
        self.assert_rejected(
            "key: interview-hollis\n", "key: hollis-interview\n", "field 'key'", "should be 'interview-hollis'"
        )

    def test_a_second_interview_for_the_same_person(self):
        self.assert_rejected(
            "  narrator: bikas-gurung\n",
            "  narrator: anand-chabungbam\n",
            "record 'interview-bikas-gurung', field 'narrator'",
            "'anand-chabungbam' already has an interview, 'interview-anand-chabungbam'",
        )

    def test_a_synthetic_record_and_a_wrong_access_level(self):
        self.assert_rejected(
            "  access: public\n  synthetic: false\n  summary: >-\n    The director",
            "  access: friends\n  synthetic: true\n  summary: >-\n    The director",
            "record 'interview-anya-sarang', field 'access': 'friends' is not one of",
            "record 'interview-anya-sarang', field 'synthetic'",
        )

    def test_a_yes_no_field_given_as_text(self):
        self.assert_rejected(
            "narrator: hollis\n  episode: 5\n  countries: [US]\n  organisations: [san-francisco-drug-users-union]\n"
            "  access: public\n  synthetic: false\n",
            "narrator: hollis\n  episode: 5\n  countries: [US]\n  organisations: [san-francisco-drug-users-union]\n"
            "  access: public\n  synthetic: nope\n",
            "record 'interview-hollis', field 'synthetic': expected true or false",
        )

    def test_a_recording_place_outside_the_country_given(self):
        self.assert_rejected("  country: AF\n", "  country: PK\n", "field 'locality'", "lies in AF")
