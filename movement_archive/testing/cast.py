"""The fixed cast of every test, and small factories for records that a test needs without the seed.

The people are always the same, so that a test reads as a story about them:

- Ada, an administrator, who manages accounts (in the Administrators group, not a superuser);
- Edith, an editor, who writes and publishes records;
- Rosa, a researcher, who reads everything in the back office and changes nothing;
- Cosmo, a community member, signed in but with no role;
- Gita, a community member in the reader group "Narrators' circle", to which restricted material is opened;
- an anonymous visitor.

Each function works from a pytest fixture and from ``setUpTestData`` alike, and returns the existing row
when called twice in one test. The record factories create a *live* record with one published revision,
as if an editor had published it in the back office; ``live=False`` leaves a draft instead.
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser, Group
from django.db import models
from django.test import TestCase

from movement_archive.access.models import ReaderGroup
from movement_archive.accounts.roles import ADMINISTRATORS, EDITORS, RESEARCHERS, sync_roles
from movement_archive.core.keys import free_key
from movement_archive.documentary.models import Episode, Series
from movement_archive.events.models import Event
from movement_archive.interviews.models import Interview
from movement_archive.organisations.models import Organisation
from movement_archive.organising.models import OrganisingModel
from movement_archive.people.models import Person
from movement_archive.places.models import Country, Locality
from movement_archive.sources.models import Disagreement, Source

from .two_factor import VerifiedClient

PASSWORD = "a-long-test-password-for-everyone"

ADMINISTRATOR = "ada-administrator"
EDITOR = "edith-editor"
RESEARCHER = "rosa-researcher"
COMMUNITY_MEMBER = "cosmo-member"
GROUP_MEMBER = "gita-group-member"

M49_CSV = Path(__file__).resolve().parent.parent / "places" / "data" / "m49.csv"

Record = TypeVar("Record", bound=models.Model)


# The cast ----------------------------------------------------------------------------------------------------


def _role(name: str) -> Group:
    try:
        return Group.objects.get(name=name)
    except Group.DoesNotExist:
        # Groups are synced after migrate; a TransactionTestCase flush may have removed them since.
        return sync_roles()[name]


def _user(username: str, first_name: str, last_name: str, role: str | None = None):
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username=username,
        defaults={"first_name": first_name, "last_name": last_name, "email": f"{username}@example.org"},
    )
    if created:
        user.set_password(PASSWORD)
        user.save(update_fields=["password"])
    if role:
        user.groups.add(_role(role))
    return user


def administrator():
    """Ada, who manages user accounts and every record, through her group rather than as a superuser."""
    return _user(ADMINISTRATOR, "Ada", "Administrator", ADMINISTRATORS)


def editor():
    """Edith, who creates, edits, publishes and locks records."""
    return _user(EDITOR, "Edith", "Editor", EDITORS)


def researcher():
    """Rosa, who may read every record in the back office, and material kept to research on the reading pages."""
    return _user(RESEARCHER, "Rosa", "Researcher", RESEARCHERS)


def community_member():
    """Cosmo, signed in but with no role: sees public and community material."""
    return _user(COMMUNITY_MEMBER, "Cosmo", "Member")


def reader_group() -> ReaderGroup:
    """The named group restricted material is opened to in the tests: Gita is in it, no one else."""
    return ReaderGroup.objects.get_or_create(name="Narrators' circle")[0]


def group_member():
    """Gita, a community member in the "Narrators' circle" reader group."""
    user = _user(GROUP_MEMBER, "Gita", "Member")
    user.reader_groups.add(reader_group())
    return user


def anonymous() -> AnonymousUser:
    """A visitor who has not signed in."""
    return AnonymousUser()


class CastTestCase(TestCase):
    """A TestCase with the cast created once per class: ``self.editor``, ``self.researcher`` and so on.

    ``self.client.force_login`` passes the second step of signing in as well (``two_factor.py``)."""

    client_class = VerifiedClient

    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.administrator = administrator()
        cls.editor = editor()
        cls.researcher = researcher()
        cls.community_member = community_member()
        cls.group_member = group_member()
        cls.anonymous = anonymous()


# Records ------------------------------------------------------------------------------------------------------


def publish(record: Record, *, live: bool = True) -> Record:
    """Save a new record and publish it through a revision, as an editor does in the back office.

    A missing ``key`` is made from the record's name. ``live=False`` saves a draft revision instead, leaving
    the row unpublished. Raises ValidationError when the record breaks a rule the back office would enforce
    (``save_revision`` runs ``full_clean``).
    """
    model = type(record)
    if not record.key:
        record.key = free_key(model, str(record))
    record.live = False
    record.save()
    revision = record.save_revision()
    if live:
        revision.publish()
    record.refresh_from_db()
    return record


def _record(model: type[Record], defaults: dict[str, Any], fields: dict[str, Any]) -> Record:
    live = fields.pop("live", True)
    return publish(model(**{**defaults, **fields}), live=live)


def make_source(**fields: Any) -> Source:
    return _record(Source, {"title": "A history of drug user organising", "kind": Source.Kind.WEB_TEXT}, fields)


def make_organisation(**fields: Any) -> Organisation:
    defaults = {
        "name": "Rotterdam Junkie Union",
        "kind": Organisation.Kind.USER_GROUP,
        "scope": Organisation.Scope.LOCAL,
    }
    return _record(Organisation, defaults, fields)


def make_person(**fields: Any) -> Person:
    return _record(Person, {"name": "Alex Organiser"}, fields)


def make_event(**fields: Any) -> Event:
    return _record(Event, {"title": "A union is founded", "kind": Event.Kind.FOUNDING, "date": "1981"}, fields)


def make_organising_model(**fields: Any) -> OrganisingModel:
    defaults = {"name": "Grassroots organising", "definition": "People who use drugs organising for themselves."}
    return _record(OrganisingModel, defaults, fields)


def make_series(**fields: Any) -> Series:
    return _record(Series, {"title": "A history of the movement"}, fields)


def make_episode(**fields: Any) -> Episode:
    """An episode of the given series (a new one by default), numbered after the series' last episode."""
    series = fields.pop("series", None) or make_series()
    number = fields.pop("number", None) or (series.episodes.count() + 1)
    return _record(Episode, {"series": series, "number": number, "title": "The first user unions"}, fields)


def make_interview(**fields: Any) -> Interview:
    """An interview record with public access and nothing recorded; tests add transcripts as they need."""
    return _record(Interview, {"title": "An interview about the first union"}, fields)


def make_disagreement(**fields: Any) -> Disagreement:
    return _record(Disagreement, {"title": "When was the first union founded?"}, fields)


def make_locality(**fields: Any) -> Locality:
    """A city in the Netherlands unless another country is given."""
    country = fields.pop("country", None) or make_country("NL")
    return _record(Locality, {"name": "Rotterdam", "country": country}, fields)


@cache
def _m49_rows() -> dict[str, dict[str, str]]:
    with M49_CSV.open(newline="", encoding="utf-8") as handle:
        return {row["iso2"]: row for row in csv.DictReader(handle)}


def make_country(iso2: str = "NL") -> Country:
    """The country with this ISO 3166-1 alpha-2 code, created from the M49 table when missing."""
    iso2 = iso2.upper()
    existing = Country.objects.filter(iso2=iso2).first()
    if existing:
        return existing
    try:
        row = _m49_rows()[iso2]
    except KeyError:
        raise ValueError(f"{iso2!r} is not a country in {M49_CSV.name}") from None
    return Country.objects.create(**row)
