"""The kinds of record the archive-wide search covers.

For each: what a reader may see of it (``visible_to``), how the filters narrow it, and which of its texts rank
it and give its snippet.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import reduce
from operator import or_
from typing import Any

from django.core.signals import setting_changed
from django.db import connection
from django.db.models import Exists, Model, OuterRef, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from movement_archive.documentary.models import Episode
from movement_archive.events.models import Event
from movement_archive.interviews.models import IndexPoint, Interview, Segment, Transcript
from movement_archive.interviews.rendering import clock, moment_url
from movement_archive.organisations.models import Organisation
from movement_archive.organising.models import OrganisingModel, Practice
from movement_archive.people.models import Person
from movement_archive.places.models import Country, Locality
from movement_archive.redaction.text import withheld_text
from movement_archive.sources.models import Source

from .filters import Filters


def _countries_narrowed(found: QuerySet, filters: Filters, link: str = "countries") -> QuerySet:
    """Records linked (through ``link``) to one of the chosen countries and to one in a chosen region."""
    model = found.model
    # Subqueries rather than joins: a join through a many-to-many link would repeat rows and need DISTINCT.
    if filters.countries:
        linked = model.objects.filter(**{f"{link}__iso2__in": filters.countries})
        found = found.filter(pk__in=linked.values("pk"))
    if filters.regions:
        in_regions = reduce(or_, (Country.objects.in_region(name) for name in filters.regions))
        found = found.filter(pk__in=model.objects.filter(**{f"{link}__in": in_regions}).values("pk"))
    return found


def _in_decades(field_name: str, decades: tuple[int, ...]) -> Q:
    return reduce(
        or_, (Q(**{f"{field_name}__gte": date(d, 1, 1), f"{field_name}__lte": date(d + 9, 12, 31)}) for d in decades)
    )


def _practising(filters: Filters, user) -> QuerySet:
    """Visible organisations that practise (at any time) one of the chosen organising models."""
    models = OrganisingModel.objects.visible_to(user).filter(key__in=filters.models)
    practices = Practice.objects.filter(model__in=models)
    return Organisation.objects.visible_to(user).filter(pk__in=practices.values("organisation_id"))


def _narrow_organisations(found: QuerySet, filters: Filters, user) -> QuerySet:
    found = _countries_narrowed(found, filters)
    if filters.models:
        found = found.filter(pk__in=_practising(filters, user).values("pk"))
    if filters.decades:
        # Judged by the earliest possible founding day, as in the organisations directory.
        found = found.filter(_in_decades("founded_lower", filters.decades))
    return found


def _narrow_events(found: QuerySet, filters: Filters, user) -> QuerySet:
    found = _countries_narrowed(found, filters)
    if filters.models:
        by_practitioners = Event.objects.filter(organisations__in=_practising(filters, user))
        found = found.filter(pk__in=by_practitioners.values("pk"))
    if filters.decades:
        # Where the event sorts on the timeline: "../2016" (some time by 2016) counts in the 2010s.
        found = found.filter(_in_decades("date_sort", filters.decades))
    return found


def _narrow_placed(found: QuerySet, filters: Filters, user) -> QuerySet | None:
    """People and episodes: placed by country, never by organising model or date."""
    if filters.models or filters.decades:
        return None
    return _countries_narrowed(found, filters)


def _narrow_sources(found: QuerySet, filters: Filters, user) -> QuerySet | None:
    if filters.countries or filters.regions or filters.models:
        return None
    if filters.decades:
        # Source.date keeps no bound columns, so its EDTF text is read: every dated shape starts with the year
        # of its earliest day ("1995", "199X", "1995~/1997"), while "../1995" and "19XX" name no decade.
        found = found.filter(reduce(or_, (Q(date__startswith=f"{d:04d}"[:3]) for d in filters.decades)))
    return found


def _narrow_interviews(found: QuerySet, filters: Filters, user, through: str = "") -> QuerySet | None:
    """Interviews, their index and transcripts: placed by the countries they concern, never by model or date."""
    if filters.models or filters.decades:
        return None
    if not (filters.countries or filters.regions):
        return found
    interviews = _countries_narrowed(Interview.objects.all(), filters)
    return found.filter(**{f"{through}__in" if through else "pk__in": interviews.values("pk")})


def _narrow_unplaced(found: QuerySet, filters: Filters, user) -> QuerySet | None:
    """Organising models have no place and no date: any filter but the type leaves them out."""
    return None if filters.narrows_records else found


def _narrow_localities(found: QuerySet, filters: Filters, user) -> QuerySet | None:
    if filters.models or filters.decades:
        return None
    return _countries_narrowed(found, filters, link="country")


def _narrow_countries(found: QuerySet, filters: Filters, user) -> QuerySet | None:
    if filters.models or filters.decades:
        return None
    if filters.countries:
        found = found.filter(iso2__in=filters.countries)
    if filters.regions:
        found = found.filter(pk__in=reduce(or_, (Country.objects.in_region(n) for n in filters.regions)).values("pk"))
    return found


def countries_with_records(user) -> QuerySet[Country]:
    """Countries with a visible organisation, person, event, episode or locality: the ones worth finding.

    Asked country by country (EXISTS), so each of the ~250 countries costs a few index lookups however many
    records the archive holds. Filtered on ``iso2`` (a FilterField of Country) so that the search backends
    accept the queryset.
    """
    holding = Country.objects.holding
    placed = (
        Q(pk__in=holding(Organisation, user).values("pk"))
        | Q(pk__in=holding(Person, user).values("pk"))
        | Q(pk__in=holding(Event, user).values("pk"))
        | Q(pk__in=holding(Episode, user).values("pk"))
        | Exists(Locality.objects.visible_to(user).filter(country=OuterRef("pk")))
    )
    return Country.objects.filter(iso2__in=Country.objects.filter(placed).values_list("iso2", flat=True))


def _heard(user) -> QuerySet:
    return Interview.objects.readable_by(user)


def _segment_url(segment: Segment) -> str:
    # The transcript in the language the words were found in, opened on their line.
    url = moment_url(segment.transcript.interview, segment.start_ms)
    return f"{url}&language={segment.transcript.language}#s{segment.position}"


def _other_names(record) -> list[str]:
    return [other.name for other in record.other_names.all()]


def _known_as(record) -> str:
    """The other names as a line of text, so a snippet can show the name a record was found by."""
    names = _other_names(record)
    return _("Also known as: %(names)s") % {"names": ", ".join(names)} if names else ""


# Kinds with access levels are searched among the records whose content the reader may read (``readable_by``):
# a record listed with its metadata only stays on the list pages, but a match in its text would tell what it holds.


@dataclass(frozen=True, eq=False)
class Kind:
    """A kind of record the search covers, and how to find, narrow, rank and show one."""

    key: str  # the ``type`` filter value and the JSON "type"
    label: Any  # lazy translation
    model: type[Model]
    visible: Callable[[Any], QuerySet]  # user -> what the reader may see; the search keeps to it
    names: Callable[[Model], list[str]]  # title, acronym, other names: the texts ranking looks at
    # Where a snippet may come from, main text first; redacted words as markers (``redaction.text.withheld_text``).
    texts: Callable[[Model], list[str]]
    narrow: Callable[[QuerySet, Filters, Any], QuerySet | None]  # None: the filters leave this kind out
    name_fields: tuple[str, ...]  # the columns behind ``names``, read for accented spellings
    prefetch: tuple[str, ...] = ()
    url: Callable[[Model], str] = field(default=lambda record: record.get_absolute_url())
    ref: Callable[[Model], str] = field(default=lambda record: record.key)  # the stable id in JSON
    title: Callable[[Model], str] = field(default=str)
    # user -> the records a backend that filters only on indexed fields (PostgreSQL, OpenSearch) searches within,
    # where ``visible`` is written in a form such backends cannot read; by default ``visible``.
    searched: Callable[[Any], QuerySet] | None = None
    # The fields the list of results reads of a record found (for its title, address and snippet), when its row and
    # those joined to it hold many more: the page's records are read with these only. Every field a kind's
    # callables read must be named, or each record read would fetch the missing one in a query of its own.
    listed_fields: tuple[str, ...] = ()

    def searched_by(self, user) -> QuerySet:
        return (self.searched or self.visible)(user)

    def visible_to(self, user) -> QuerySet:
        """``visible(user)``, built once a day for readers who are not signed in, as they all see the same.

        Building these querysets (a transcript segment's visibility nests three EXISTS) cost a search more than
        running them. What they say depends only on the reader and the day (access levels open on a date): no
        query runs while building one (``test_search_visibility``), so a kept one holds no records, only the
        conditions, and a change to the archive shows at once. A signed-in reader's are built afresh each time.
        """
        if user is not None and user.is_authenticated:
            return self.visible(user)
        # A copy: a caller that reads it must not fill the kept one's result cache.
        return _kept_today(_PUBLIC_VISIBLE, self, lambda: self.visible(user)).all()

    def visible_among(self, user, keys: list) -> tuple[str, tuple]:
        """SQL for the keys among ``keys`` whose records the reader may see: a statement of its own, with its params.

        Compiling the visibility conditions cost a search more than running them (a transcript segment's, about
        1 ms). On SQLite, for readers who are not signed in, they are compiled once a day, with the keys as one
        JSON parameter (``json_each``), and only that parameter changes from one search to the next. Elsewhere,
        and for signed-in readers, they are compiled for each search.
        """
        if connection.vendor != "sqlite" or (user is not None and user.is_authenticated):
            return keys_within(self.visible_to(user), keys)
        sql, params = _kept_today(_PUBLIC_SQL, self, lambda: keys_within(self.visible_to(user), _LISTED_KEYS))
        as_json = json.dumps([self.model._meta.pk.to_python(key) for key in keys])
        return sql, tuple(as_json if param == _KEYS else param for param in params)


# What a reader who is not signed in may see of each kind, on a day (see ``Kind.visible_to``), and the SQL that
# keeps a search's keys to it (``Kind.visible_among``), where the parameter _KEYS stands for the keys.
_PUBLIC_VISIBLE: dict[tuple[Kind, date], QuerySet] = {}
_PUBLIC_SQL: dict[tuple[Kind, date], tuple[str, tuple]] = {}
_KEYS = "\x00the keys searched\x00"
_LISTED_KEYS = RawSQL("SELECT value FROM json_each(%s)", [_KEYS])


def keys_within(scope: QuerySet, keys) -> tuple[str, tuple]:
    """SQL for the keys among ``keys`` (a list, or a subquery) that ``scope`` holds, with its params."""
    return scope.filter(pk__in=keys).order_by().values("pk").query.sql_with_params()


def _kept_today(store: dict, kind: Kind, build: Callable[[], Any]) -> Any:
    """What ``build`` gives for ``kind``, kept in ``store`` until the day changes (yesterday's are no use)."""
    today = timezone.localdate()
    kept = store.get((kind, today))
    if kept is None:
        if any(day != today for _, day in store):
            store.clear()
        kept = store[(kind, today)] = build()
    return kept


def _forget_public_visible(**kwargs) -> None:
    # Tests change settings (the language, the time zone): querysets built under the old ones are not kept.
    _PUBLIC_VISIBLE.clear()
    _PUBLIC_SQL.clear()


setting_changed.connect(_forget_public_visible)


KINDS: tuple[Kind, ...] = (
    Kind(
        "organisation",
        _("Organisation"),
        Organisation,
        lambda user: Organisation.objects.visible_to(user),
        names=lambda o: [o.name, o.acronym, *_other_names(o)],
        texts=lambda o: [withheld_text(o.description), _known_as(o)],
        narrow=_narrow_organisations,
        name_fields=("name", "acronym", "other_names__name"),
        prefetch=("other_names",),
    ),
    Kind(
        "person",
        _("Person"),
        Person,
        lambda user: Person.objects.readable_by(user),
        # What the pages show of a person: the public name, and other names only for someone shown by name.
        names=lambda p: [p.shown_name, *(_other_names(p) if p.named else [])],
        texts=lambda p: [withheld_text(p.biography), _known_as(p) if p.named else ""],
        narrow=_narrow_placed,
        name_fields=("public_name",),
        prefetch=("other_names",),
    ),
    Kind(
        "event",
        _("Event"),
        Event,
        lambda user: Event.objects.readable_by(user),
        names=lambda e: [e.title],
        texts=lambda e: [withheld_text(e.description)],
        narrow=_narrow_events,
        name_fields=("title",),
    ),
    Kind(
        "episode",
        _("Episode"),
        Episode,
        lambda user: Episode.objects.visible_to(user),
        names=lambda e: [e.title],
        texts=lambda e: [withheld_text(e.summary)],
        narrow=_narrow_placed,
        name_fields=("title",),
    ),
    Kind(
        "model",
        _("Organising model"),
        OrganisingModel,
        lambda user: OrganisingModel.objects.visible_to(user),
        names=lambda m: [m.name],
        texts=lambda m: [m.definition],
        narrow=_narrow_unplaced,
        name_fields=("name",),
    ),
    Kind(
        "interview",
        _("Interview"),
        Interview,
        _heard,
        # Its title names its narrator ("Interview with …"); ranked as a name, it would push the person's own
        # record down. So it ranks as text: found by the title, listed after the records the words name.
        names=lambda i: [],
        texts=lambda i: [withheld_text(i.summary), i.keywords],
        narrow=_narrow_interviews,
        name_fields=(),
    ),
    Kind(
        "interview",
        _("Moment of an interview"),
        IndexPoint,
        lambda user: IndexPoint.objects.visible_to(user).select_related("interview"),
        searched=lambda user: IndexPoint.objects.filter(interview__in=_heard(user)),
        names=lambda p: [p.title, p.title_alt],
        texts=lambda p: [
            withheld_text(p.synopsis),
            withheld_text(p.partial_transcript),
            p.keywords,
            withheld_text(p.synopsis_alt),
            p.subjects,
        ],
        narrow=lambda found, filters, user: _narrow_interviews(found, filters, user, "interview"),
        name_fields=("title", "title_alt"),
        url=lambda p: f"{moment_url(p.interview, p.time_ms)}#transcript",
        title=lambda p: f"{p.interview.title} · {clock(p.time_ms)} · {p.title}",
        ref=lambda p: f"{p.interview.key}@{p.time_ms}",
        listed_fields=(
            *("time_ms", "title", "title_alt", "synopsis", "synopsis_alt", "partial_transcript", "keywords"),
            *("subjects", "interview__key", "interview__title"),
        ),
    ),
    Kind(
        "interview",
        _("Transcript"),
        Segment,
        lambda user: Segment.objects.visible_to(user).select_related("transcript__interview"),
        searched=lambda user: Segment.objects.filter(
            transcript__in=Transcript.objects.filter(interview__in=_heard(user))
        ),
        names=lambda s: [],
        texts=lambda s: [withheld_text(s.text)],
        narrow=lambda found, filters, user: _narrow_interviews(found, filters, user, "transcript__interview"),
        name_fields=(),
        url=_segment_url,
        ref=lambda s: f"{s.transcript.interview.key}@{s.start_ms}",
        title=lambda s: f"{s.transcript.interview.title} · {clock(s.start_ms)}",
        # A segment is a narrow row, but its interview, read with it, is the widest of the archive's: reading
        # twenty in whole (their dates, editorial state and stream fields converted) cost more than the query.
        listed_fields=(
            *("position", "start_ms", "text", "transcript__language"),
            *("transcript__interview__key", "transcript__interview__title"),
        ),
    ),
    Kind(
        "source",
        _("Source"),
        Source,
        lambda user: Source.objects.readable_by(user),
        names=lambda s: [s.title],
        texts=lambda s: [withheld_text(s.description)],
        narrow=_narrow_sources,
        name_fields=("title",),
    ),
    Kind(
        "place",
        _("Place"),
        Locality,
        lambda user: Locality.objects.visible_to(user).select_related("country"),
        names=lambda p: [p.name],
        texts=lambda p: [f"{p.get_kind_display()}, {p.country.name}"],
        narrow=_narrow_localities,
        name_fields=("name",),
        # Localities have no page of their own; they are listed on their country's.
        url=lambda p: p.country.get_absolute_url(),
    ),
    Kind(
        "place",
        _("Country"),
        Country,
        countries_with_records,
        names=lambda c: [c.name],
        texts=lambda c: [", ".join(n for n in (c.subregion_name, c.region_name) if n)],
        narrow=_narrow_countries,
        name_fields=("name",),
        ref=lambda c: c.iso2,
    ),
)
