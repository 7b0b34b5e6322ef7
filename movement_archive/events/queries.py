"""Named queries behind the timeline and the event pages.

Everything a reader sees goes through ``visible_to(user)``: events, their organisations, people and localities,
the regions and organising models offered as filters, and the disagreements between sources.

The timeline is read a page at a time. Conditions on other tables are EXISTS, asked event by event as the
chronology is read (``pointed_at_by``): ``field__in=Model.objects.visible_to(user)`` would make SQLite read
the whole visible table first, hundreds of thousands of rows at scale, for a page of fifty events.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from movement_archive.access.pages import record_for_page
from movement_archive.access.withholding import withhold
from movement_archive.core.aggregates import Pages, kept
from movement_archive.core.twins import BadQuery
from movement_archive.organisations.models import Organisation
from movement_archive.organising.filters import ModelChoice
from movement_archive.organising.models import OrganisingModel
from movement_archive.people.models import Person
from movement_archive.places.models import Country, Locality
from movement_archive.sources.models import Claim, Disagreement

from .models import Event

FIRST_DECADE = 1970  # the movement's history starts in the 1970s; the filter offers decades from there
_DECADE = re.compile(r"^(?P<decade>\d{3}0)s?$")


# Filters ------------------------------------------------------------------------------------------------------


def _decade(params: Mapping[str, str], name: str) -> int | None:
    raw = params.get(name, "").strip()
    if not raw:
        return None
    match = _DECADE.match(raw)
    if not match:
        raise BadQuery(name, _("%(value)r is not a decade; give its first year, such as 1980") % {"value": raw})
    return int(match["decade"])


@dataclass(frozen=True)
class TimelineFilters:
    """The filters of the timeline, checked: each names a record the reader may see, or the query is refused."""

    region: str = ""
    model: OrganisingModel | None = None
    kind: str = ""
    organisation: Organisation | None = None
    start: int | None = None  # first decade shown, such as 1980
    end: int | None = None  # last decade shown

    @classmethod
    def from_query(cls, params: Mapping[str, str], user) -> TimelineFilters:
        """Read the query string; raise BadQuery naming the first parameter that is not usable.

        Up to three queries, one for each of region, model and organisation when given.
        """
        region = params.get("region", "").strip()
        if region and not Country.objects.in_region(region).exists():
            raise BadQuery(
                "region",
                _("%(region)r is not a UN M49 region, sub-region or intermediate region") % {"region": region},
            )

        model = None
        if model_key := params.get("model", "").strip():
            model = OrganisingModel.objects.visible_to(user).filter(key=model_key).first()
            if model is None:
                raise BadQuery("model", _("%(key)r is not the key of an organising model") % {"key": model_key})

        kind = params.get("kind", "").strip()
        if kind and kind not in Event.Kind.values:
            raise BadQuery(
                "kind",
                _("%(kind)r is not a kind of event; use one of %(kinds)s")
                % {"kind": kind, "kinds": ", ".join(Event.Kind.values)},
            )

        organisation = None
        if organisation_key := params.get("organisation", "").strip():
            organisation = Organisation.objects.visible_to(user).filter(key=organisation_key).first()
            if organisation is None:
                raise BadQuery(
                    "organisation", _("%(key)r is not the key of an organisation") % {"key": organisation_key}
                )

        start, end = _decade(params, "from"), _decade(params, "to")
        if start is not None and end is not None and end < start:
            # The parameter's name is a placeholder: it is the same in every language.
            raise BadQuery(
                "to",
                _("the %(end)ss come before the %(start)ss given in “%(other)s”")
                % {"end": end, "start": start, "other": "from"},
            )
        return cls(region, model, kind, organisation, start, end)

    @property
    def active(self) -> bool:
        return any((self.region, self.model, self.kind, self.organisation, self.start, self.end))

    def key(self) -> str:
        """The filters as a stable text: what the count of the events they select depends on."""
        return json.dumps(self.as_data(), sort_keys=True)

    def as_data(self) -> dict:
        """The filters as the query string gives them, for the JSON twin."""
        return {
            "region": self.region or None,
            "model": self.model.key if self.model else None,
            "kind": self.kind or None,
            "organisation": self.organisation.key if self.organisation else None,
            "from": self.start,
            "to": self.end,
        }


def timeline_events(user, filters: TimelineFilters) -> QuerySet[Event]:
    """The visible events the filters select, in chronological order, with nothing prefetched.

    Filters on many-to-many relations are EXISTS conditions, so an event with two countries in a region appears
    once, without DISTINCT, and SQLite can read the events in order from an index and stop after one page. Each
    starts from the event's links and looks their targets up by primary key, a few lookups an event; an ``IN``
    over the targets would try each of them against every event, fifty countries for Europe.
    """
    events = Event.objects.visible_to(user)
    if filters.region:
        events = events.filter(Exists(Country.objects.in_region(filters.region).filter(events=OuterRef("pk"))))
    if filters.model:
        # Organisations practising the model at any time: the archive dates practices too loosely to tell
        # whether an event fell inside one.
        practising = Organisation.objects.visible_to(user).filter(practices__model=filters.model)
        # From the event's links to each organisation: joined the other way round, SQLite would read every
        # practice of the model (10,000) for each event.
        links = Event.organisations.through.objects.filter(event=OuterRef("pk"))
        events = events.filter(Exists(links.filter(Exists(practising.filter(pk=OuterRef("organisation_id"))))))
    if filters.organisation:
        # A join: the busiest organisation has a few hundred events, found through the link table's index.
        events = events.filter(organisations=filters.organisation)
    if filters.kind and filters.organisation:
        # Checked event by event, so that SQLite starts from the organisation's few events: offered the index of
        # kinds, it takes it for the better way in and reads every event of the kind (100,000 foundings).
        events = events.filter(Exists(Event.objects.filter(pk=OuterRef("pk"), kind=filters.kind)))
    elif filters.kind:
        events = events.filter(kind=filters.kind)
    # Decades hold events by where they sort, as the timeline places them.
    if filters.start is not None:
        events = events.filter(date_sort__gte=date(filters.start, 1, 1))
    if filters.end is not None:
        events = events.filter(date_sort__lte=date(filters.end + 9, 12, 31))
    return events.chronological()


def timeline_pages(events: QuerySet[Event], filters: TimelineFilters, user) -> Pages:
    """The events for the paginator: each page read in order from an index, their count kept.

    Counting reads every event the filters select (all 500,000, or each event of a kind with its countries), on
    every page; the count changes only when the archive does, so it is kept until then (``core.aggregates``).
    """
    return Pages(events, f"events:timeline:{filters.key()}", user)


def event_before(user, filters: TimelineFilters, first: Event) -> Event | None:
    """The event the filters select just before ``first``, in chronological order, with only its dates read.

    One query, which seeks ``first``'s place in the chronology's index and steps back, where asking for the event
    at a position would count every event before it again (500,000 on the last page). The timeline asks for the
    last event of the previous page, to tell whether a page begins in the middle of a decade or a year.
    """
    # Without the last decade, which cannot leave out an event earlier than ``first``: SQLite enters the index at
    # one upper bound of the sort date only, and this one is the nearer.
    events = timeline_events(user, replace(filters, end=None)).filter(date_sort__lte=first.date_sort)
    at = {"date_sort": first.date_sort, "date_upper": first.date_upper, "title": first.title}
    earlier = (
        Q(date_sort__lt=first.date_sort)
        | Q(date_sort=first.date_sort, date_upper__lt=first.date_upper)
        | Q(date_sort=first.date_sort, date_upper=first.date_upper, title__lt=first.title)
        | Q(**at, pk__lt=first.pk)
    )
    return events.filter(earlier).only(*at, "date_lower").reverse().first()


# What a list of events shows and groups by (the timeline and its JSON twin): the rest of an event (its account,
# citations, editorial state) would cost more to build into records than the query takes to read.
LISTED_FIELDS = (
    *("key", "title", "kind", "date", "date_sort", "date_lower", "date_upper"),
    *("statistic_value", "statistic_qualifier", "statistic_unit"),
)


def with_listing_relations(events: QuerySet[Event], user) -> QuerySet[Event]:
    """Prefetch what a listing shows: two queries for all events, whatever their organisations and countries.

    Sets ``visible_organisations`` (with only the key, name and acronym read: reading another field of one costs
    a query) and ``country_list`` (with only the code and name) on each event.
    """
    organisations = Organisation.objects.visible_to(user).only("key", "name", "acronym")
    return events.prefetch_related(
        Prefetch("organisations", queryset=organisations, to_attr="visible_organisations"),
        Prefetch("countries", queryset=Country.objects.order_by("name").only("iso2", "name"), to_attr="country_list"),
    )


# Grouping -----------------------------------------------------------------------------------------------------


def single_year(event: Event) -> int | None:
    """The one calendar year the event's date falls in, or None when the date allows more than one."""
    if event.date_lower and event.date_upper and event.date_lower.year == event.date_upper.year:
        return event.date_lower.year
    return None


@dataclass
class YearGroup:
    year: int | None  # None: events whose dates span more than one year ("late 1980s", "by 2016")
    events: list[Event] = field(default_factory=list)
    continued: bool = False  # the previous page ended in this group


@dataclass
class DecadeGroup:
    decade: int
    years: list[YearGroup] = field(default_factory=list)
    continued: bool = False  # the previous page ended in this decade

    @property
    def anchor(self) -> str:
        return f"{self.decade}s"


def decade_of(event: Event) -> int:
    """The decade the timeline places the event in: where it sorts, so "by 2016" counts in the 2010s."""
    return event.date_sort.year // 10 * 10


def by_decade(events: Iterable[Event], after: Event | None = None) -> list[DecadeGroup]:
    """Group events already in chronological order by the decade, then the year, where they sort.

    An event dated to no single year (198X, 1987~/1989~, ../2016) goes to its decade's group without a year,
    which comes first in the decade: naming a year for it would claim a precision the sources do not give,
    and its earliest possible day is the decade's start or earlier. Within each group the order stays chronological.

    ``after`` is the event just before these ones (the last of the previous page): the decade and the group it
    belongs to are marked ``continued``. The groups are of one page, so a decade's events not dated to a single
    year are gathered at the head of its part on each page.
    """
    decades: dict[int, dict[int | None, YearGroup]] = {}
    for event in events:
        years = decades.setdefault(decade_of(event), {})
        year = single_year(event)
        years.setdefault(year, YearGroup(year)).events.append(event)
    groups = [
        DecadeGroup(decade, sorted(years.values(), key=lambda group: (group.year is not None, group.year or 0)))
        for decade, years in sorted(decades.items())
    ]
    if after is not None and groups and groups[0].decade == decade_of(after):
        groups[0].continued = True
        for group in groups[0].years:
            group.continued = group.year == single_year(after)
    return groups


# Disagreements ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DisagreementNote:
    """On one event: a disagreement between sources it records a claim of, and the events of the other claims."""

    disagreement: Disagreement
    others: list[Event]


def disagreement_notes(events: Iterable[Event], user) -> dict[int, list[DisagreementNote]]:
    """For each of ``events`` (a page of them) that records a claim of a visible disagreement, the notes to show.

    One query, whatever the number of events: the claims, with their events, of every visible disagreement
    that one of the events takes part in. The other events are linked even when the filters leave them out.
    Of the disagreements and events, only what the notes show (title, key, date) is read.
    """
    touching = Claim.objects.filter(event__in=[event.pk for event in events]).values("disagreement_id")
    claims = (
        Claim.objects.filter(
            Event.objects.visible_to(user).pointed_at_by("event"),
            disagreement__in=Disagreement.objects.visible_to(user).filter(pk__in=touching),
        )
        .select_related("disagreement", "event")
        # Naming a few columns rather than the sixty of both records also halves the time Django takes to write
        # the query, which every page of the timeline pays even when no event on it is disputed.
        .only("disagreement__title", "event__key", "event__title", "event__date")
        .order_by("disagreement__title", "disagreement_id", "sort_order")
    )
    claimed: dict[Disagreement, dict[int, Event]] = defaultdict(dict)
    for claim in claims:
        claimed[claim.disagreement].setdefault(claim.event.pk, claim.event)
    notes: dict[int, list[DisagreementNote]] = defaultdict(list)
    for disagreement, by_pk in claimed.items():
        for pk in by_pk:
            notes[pk].append(DisagreementNote(disagreement, [e for other, e in by_pk.items() if other != pk]))
    return notes


# Filter choices -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TimelineChoices:
    regions: list[str]
    subregions: list[str]
    intermediate_regions: list[str]
    models: list[ModelChoice]
    decades: list[int]


def timeline_choices(user, today: date | None = None) -> TimelineChoices:
    """What the filter form offers: the regions that have visible events, every model and every decade.

    Kept until the archive changes (``core.aggregates``); two queries to compute. No organisations: there are far
    too many for a form, and the timeline of one is reached from its page (``?organisation=<key>``).
    """
    regions, subregions, intermediate = kept("events:timeline:regions", user, lambda: _regions_with_events(user))
    models = kept(
        "events:timeline:models",
        user,
        lambda: [ModelChoice(m.key, m.name) for m in OrganisingModel.objects.visible_to(user)],
    )
    this_decade = (today or date.today()).year // 10 * 10
    return TimelineChoices(
        regions=list(regions),
        subregions=list(subregions),
        intermediate_regions=list(intermediate),
        models=models,
        decades=list(range(FIRST_DECADE, this_decade + 10, 10)),
    )


def _regions_with_events(user) -> tuple[list[str], list[str], list[str]]:
    """The regions, sub-regions and intermediate regions of the countries that have visible events.

    Asked country by country with EXISTS: a few index lookups for each of the ~250 countries, where a join
    would read the countries of every event (470,000 links at scale).
    """
    links = Event.countries.through.objects.filter(
        Event.objects.visible_to(user).pointed_at_by("event"), country=OuterRef("pk")
    )
    rows = (
        Country.objects.filter(Exists(links))
        .values_list("region_name", "subregion_name", "intermediate_region_name")
        .order_by()  # without Country's default ordering, which would add the name to the DISTINCT
        .distinct()
    )
    levels: tuple[set[str], set[str], set[str]] = (set(), set(), set())
    for row in rows:
        for level, name in zip(levels, row, strict=True):
            level.add(name)
    return tuple(sorted(level - {""}) for level in levels)


# The event page -----------------------------------------------------------------------------------------------


def event_for_page(user, key: str, *, what: str = "page") -> Event:
    """The visible event with this key, or Http404, with what its page shows prefetched (five queries in all).

    Sets ``visible_organisations``, ``visible_people``, ``country_list`` and ``visible_localities``.
    """
    events = with_listing_relations(Event.objects.visible_to(user), user).prefetch_related(
        Prefetch("people", queryset=Person.objects.visible_to(user), to_attr="visible_people"),
        Prefetch(
            "localities",
            queryset=Locality.objects.visible_to(user).select_related("country"),
            to_attr="visible_localities",
        ),
    )
    event = record_for_page(user, events, key, what=what)
    withhold(event, user, ("description",))
    return event


def disagreements_about(event: Event, user) -> list[Disagreement]:
    """The visible disagreements the event is part of, as a claim's event or listed on the disagreement.

    Three queries: the disagreements, their claims in order, and the claims' events, of which only visible ones
    are kept (a claim whose event the reader may not see has ``event`` None).
    """
    claimed = Claim.objects.filter(event=event).values("disagreement_id")
    listed = Disagreement.events.through.objects.filter(event=event).values("disagreement_id")
    return list(
        Disagreement.objects.visible_to(user)
        .filter(Q(pk__in=claimed) | Q(pk__in=listed))
        .prefetch_related(
            Prefetch("claims", queryset=Claim.objects.order_by("sort_order")),
            Prefetch("claims__event", queryset=Event.objects.visible_to(user)),
        )
    )
