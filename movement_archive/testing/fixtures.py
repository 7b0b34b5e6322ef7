"""pytest fixtures for the fixed cast and a few records, registered for every test by movement_archive/conftest.py."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.utils import translation

from . import cast
from .two_factor import VerifiedClient


@pytest.fixture(autouse=True)
def _english_between_tests():
    """Each test starts in English: a request under /es/ leaves Spanish switched on in the test's thread."""
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _no_figures_kept_between_tests():
    """Each test computes the archive's figures afresh: its database is rolled back, the cache is not.

    Emptied after the test as well, for the class-level set-up (``setUpTestData``) that may run before the next
    test's own fixtures: a class that writes rows in bulk, which moves no archive version, would otherwise read
    the figures the previous test left, and which test ran before depends on how pytest-xdist shares them out.
    """
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def client():
    """pytest-django's client, whose force_login also passes the second step of signing in."""
    return VerifiedClient()


@pytest.fixture
def administrator(db):
    return cast.administrator()


@pytest.fixture
def editor(db):
    return cast.editor()


@pytest.fixture
def researcher(db):
    return cast.researcher()


@pytest.fixture
def community_member(db):
    return cast.community_member()


@pytest.fixture
def anonymous():
    return cast.anonymous()


@pytest.fixture
def country(db):
    """The Netherlands."""
    return cast.make_country("NL")


@pytest.fixture
def source(db):
    """A live source to cite."""
    return cast.make_source()


@pytest.fixture
def organisation(db):
    """A live user group."""
    return cast.make_organisation()


@pytest.fixture
def person(db):
    """A live, public person."""
    return cast.make_person()


@pytest.fixture
def event(db):
    """A live founding, dated 1981."""
    return cast.make_event()
