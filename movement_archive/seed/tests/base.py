"""A test case with the curated seed collection loaded once for the whole class."""

from django.test import TestCase

from movement_archive.seed.loader import load_seed


class SeededTestCase(TestCase):
    seed_report = None

    @classmethod
    def setUpTestData(cls):
        cls.seed_report = load_seed()
