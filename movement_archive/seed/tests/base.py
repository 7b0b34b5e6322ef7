"""A test case with the curated seed collection loaded once for the whole class."""

from django.test import TestCase

from movement_archive.testing.seed_copy import seeded


class SeededTestCase(TestCase):
    """The seed as the background of every test in the class.

    Loaded for real by the first such class in a test process and copied row for row into the next ones
    (``movement_archive/testing/seed_copy.py``); ``seed_report`` is the real load's report either way.
    """

    seed_report = None

    @classmethod
    def setUpTestData(cls):
        cls.seed_report = seeded()
