"""What the archive tells reading machines (sitemap, feeds, OAI-PMH) about each kind of record, in one place.

Two rules, so that this module is easy to audit:

- every list starts from ``Model.objects.visible_to(None)``: what an anonymous reader may open, decided by the
  model, never here;
- every field published is one the record's public page (and its JSON twin) already shows to that reader, and
  each kind's choice is one function (``_organisation``, ``_person``...) returning an ``Entry``.

Harvesters copy what they are given and keep it, so the choice is deliberately small: a title, the page's
address, dates, and a short excerpt of the description the page opens with, redacted words as markers. People
get no excerpt at all.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import Model, QuerySet
from django.utils.functional import Promise
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from movement_archive.documentary.models import Episode
from movement_archive.documentary.queries import episodes_of, the_series
from movement_archive.events.models import Event
from movement_archive.interviews.models import Interview
from movement_archive.organisations.models import Organisation
from movement_archive.organising.models import OrganisingModel
from movement_archive.people.models import Person
from movement_archive.redaction.text import withheld_text
from movement_archive.sources.models import Source

# As many words as the episode list shows of each summary.
EXCERPT_WORDS = 30


@dataclass(frozen=True)
class Entry:
    """A record as reading machines see it. ``path`` is the page's address in the active language."""

    kind: str
    key: str
    title: str
    path: str
    updated: datetime
    published: datetime | None
    date: str = ""  # the record's own date as the page gives it (EDTF: "1981", "198X"), if it has one
    summary: str = ""


@dataclass(frozen=True)
class Kind:
    name: str  # the set's name in OAI-PMH, the sitemap section and the feed's address
    singular: str  # Dublin Core's type, in plain English: harvesters match on it, so it is never translated
    label: Promise
    model: type[Model]
    records: Callable[[], QuerySet]  # visible to anonymous readers, with only the columns ``entry`` reads
    entry: Callable[[Any], Entry]

    def address(self, record: Any) -> str:
        return record.get_absolute_url()


def _excerpt(text: str, record=None) -> str:
    """The start of a text, unless it is the content of a record listed with its metadata only; redacted words
    are markers in it, as on the page an anonymous reader opens."""
    if record is not None and hasattr(record, "access") and not record.content_shown_to(None):
        return ""
    return Truncator(withheld_text(text)).words(EXCERPT_WORDS)


# What a person's public name is made of (``Person.shown_name``).
PUBLIC_NAME = ("name", "pseudonym", "attribution")
# What the access rule reads of a record (``Restricted.access_rule``), so that asking it costs no query.
ACCESS_COLUMNS = ("access", "access_until", "access_group", "access_person", "consent")


def _anonymous(model: type[Model], *columns: str) -> QuerySet:
    # Primary-key order: the order sitemap pages and harvests walk, with no sort and no page skipped or repeated.
    columns = ("key", "updated_at", "first_published_at", *columns)
    if hasattr(model, "consent"):
        columns += ACCESS_COLUMNS
    return model.objects.visible_to(None).only(*columns).order_by("pk")


# One function per kind: the fields it publishes -------------------------------------------------------------


def _organisation(o: Organisation) -> Entry:
    return Entry(
        kind="organisations",
        key=o.key,
        title=str(o),
        path=o.get_absolute_url(),
        updated=o.updated_at,
        published=o.first_published_at,
        date=o.founded,
        summary=_excerpt(o.description),
    )


def _person(p: Person) -> Entry:
    # A name and a page: no biography, as people are the records whose consent matters most.
    return Entry(
        kind="people",
        key=p.key,
        title=p.shown_name,
        path=p.get_absolute_url(),
        updated=p.updated_at,
        published=p.first_published_at,
    )


def _event(e: Event) -> Entry:
    return Entry(
        kind="events",
        key=e.key,
        title=e.title,
        path=e.get_absolute_url(),
        updated=e.updated_at,
        published=e.first_published_at,
        date=e.date,
        summary=_excerpt(e.description, e),
    )


def _episode(e: Episode) -> Entry:
    return Entry(
        kind="episodes",
        key=e.key,
        title=str(e),
        path=e.get_absolute_url(),
        updated=e.updated_at,
        published=e.first_published_at,
        summary=_excerpt(e.summary),
    )


def _interview(i: Interview) -> Entry:
    return Entry(
        kind="interviews",
        key=i.key,
        title=i.title,
        path=i.get_absolute_url(),
        updated=i.updated_at,
        published=i.first_published_at,
        date=i.date,
        summary=_excerpt(i.summary, i),
    )


def _source(s: Source) -> Entry:
    return Entry(
        kind="sources",
        key=s.key,
        title=s.title,
        path=s.get_absolute_url(),
        updated=s.updated_at,
        published=s.first_published_at,
        date=s.date,
        summary=_excerpt(s.description, s),
    )


def _organising_model(m: OrganisingModel) -> Entry:
    return Entry(
        kind="models",
        key=m.key,
        title=m.name,
        path=m.get_absolute_url(),
        updated=m.updated_at,
        published=m.first_published_at,
    )


def _episodes() -> QuerySet:
    # Episode pages show the episodes of one series, the first visible one (documentary.queries): only those open.
    visible = episodes_of(the_series(None), None)
    return visible.only("key", "number", "title", "summary", "updated_at", "first_published_at").order_by("pk")


ORGANISATIONS = Kind(
    "organisations",
    "organisation",
    _("Organisations"),
    Organisation,
    lambda: _anonymous(Organisation, "name", "acronym", "founded", "description"),
    _organisation,
)
PEOPLE = Kind(
    "people", "person", _("People"), Person, lambda: _anonymous(Person, "name", "pseudonym", "attribution"), _person
)
EVENTS = Kind("events", "event", _("Events"), Event, lambda: _anonymous(Event, "title", "date", "description"), _event)
EPISODES = Kind("episodes", "episode", _("Episodes"), Episode, _episodes, _episode)
INTERVIEWS = Kind(
    "interviews",
    "interview",
    _("Interviews"),
    Interview,
    lambda: _anonymous(Interview, "title", "date", "summary"),
    _interview,
)
SOURCES = Kind(
    "sources", "source", _("Sources"), Source, lambda: _anonymous(Source, "title", "date", "description"), _source
)
ORGANISING_MODELS = Kind(
    "models",
    "organising model",
    _("Organising models"),
    OrganisingModel,
    lambda: _anonymous(OrganisingModel, "name"),
    _organising_model,
)

# The kinds harvested through OAI-PMH, each a set; the sitemap lists these and the organising models.
HARVESTED: tuple[Kind, ...] = (ORGANISATIONS, PEOPLE, EVENTS, EPISODES, INTERVIEWS, SOURCES)
# The kinds with a feed of their own; the feed of recent additions reads them all.
FED: tuple[Kind, ...] = (ORGANISATIONS, EVENTS, EPISODES, INTERVIEWS)
BY_NAME: dict[str, Kind] = {kind.name: kind for kind in (*HARVESTED, ORGANISING_MODELS)}
