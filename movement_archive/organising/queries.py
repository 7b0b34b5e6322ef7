"""Named queries for the organising-model pages. Each reads only what the reader may see, through ``visible_to``."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Exists, OuterRef
from django.db.models.functions import Lower
from django.utils import timezone

from movement_archive.core.aggregates import kept
from movement_archive.dates import edtf
from movement_archive.organisations.models import Organisation

from .models import OrganisingModel, Practice

# The decades the table shows: the movement's first groups date from the 1970s.
FIRST_DECADE = 1970
# A model page lists the practices of this many organisations; the organisations directory, filtered by the
# model, has them all.
PRACTITIONERS_SHOWN = 50
# And names this many of the organisations whose practice cannot be placed in time.
NOT_KNOWN_SHOWN = 50


def practitioner_counts(user) -> dict[int, int]:
    """Model id → how many organisations the reader may see practise it; one that does so twice counts once.

    One query, but it reads every practice (tens of thousands at scale), so the figures are kept until the
    archive changes (``core.aggregates``).
    """

    def count() -> dict[int, int]:
        rows = (
            Practice.objects.filter(Organisation.objects.visible_to(user).pointed_at_by("organisation"))
            .order_by()
            .values("model_id")
            .annotate(organisations=Count("organisation_id", distinct=True))
            .values_list("model_id", "organisations")
        )
        return dict(rows)

    return kept("organising:practitioner-counts", user, count)


def models_with_counts(user) -> list[OrganisingModel]:
    """Visible models in position order, each with ``organisation_count`` (see ``practitioner_counts``).

    One query for the models (there are a handful), and one more when the counts are not kept.
    """
    counts = practitioner_counts(user)
    models = list(OrganisingModel.objects.visible_to(user).order_by("position", "name"))
    for model in models:
        model.organisation_count = counts.get(model.pk, 0)
    return models


@dataclass
class Practitioners:
    practices: list[Practice]  # those of the first organisations by name, each organisation's by start
    organisations: int  # how many organisations these practices are of
    complete: bool  # False when more organisations practise the model than these


def first_practitioners_of(model: OrganisingModel, user, shown: int = PRACTITIONERS_SHOWN) -> Practitioners:
    """The practices of ``model`` by the first ``shown`` organisations the reader may see, in the directory's order.

    Two small queries however many organisations practise the model: at scale ten thousand do, too many for one
    page, so the model page links to the organisations directory, filtered by the model, for the rest.
    """
    # Organisations in name order, asking each whether it practises the model: the directory's index on the
    # lower-cased name ("organisation_directory") gives the order, so SQLite stops after the first few hundred
    # organisations instead of reading and sorting every practice of the model. A model that only a handful of
    # a hundred thousand organisations practise makes it read the whole index, tens of milliseconds.
    practises = Practice.objects.filter(model=model, organisation=OuterRef("pk"))
    first = list(
        Organisation.objects.visible_to(user)
        .filter(Exists(practises))
        .order_by(Lower("name"), "key")
        .values_list("pk", flat=True)[: shown + 1]
    )
    practices = (
        Practice.objects.filter(model=model, organisation__in=first[:shown])
        .select_related("organisation")
        .order_by(Lower("organisation__name"), "organisation__key", "start_sort", "pk")
    )
    return Practitioners(practices=list(practices), organisations=len(first[:shown]), complete=len(first) <= shown)


# How practice changed by decade --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Span:
    """When one organisation practised the model; ``start`` None when neither the practice nor the founding is dated."""

    organisation_id: int
    start: date | None
    end: date


@dataclass
class DecadeTable:
    rows: list[tuple[int, int]]  # (first year of the decade, organisations practising in it)
    organisations: int = 0  # practising at any time, placed in time or not
    not_known: list[Organisation] = field(default_factory=list)  # the first NOT_KNOWN_SHOWN of those not placed
    not_known_count: int = 0  # practising, but when cannot be told

    @property
    def most(self) -> int:
        return max((count for _decade, count in self.rows), default=0)


def decades(today: date) -> list[int]:
    """The first year of each decade the table shows: 1970 up to the current decade."""
    return list(range(FIRST_DECADE, today.year // 10 * 10 + 1, 10))


def count_by_decade(spans: Iterable[Span], today: date) -> list[tuple[int, int]]:
    """For each decade, how many distinct organisations have a span overlapping it. Pure: no database."""
    shown = [(decade, date(decade, 1, 1), date(decade + 9, 12, 31)) for decade in decades(today)]
    members: dict[int, set[int]] = {decade: set() for decade, _first, _last in shown}
    for span in spans:
        if span.start is None:
            continue
        end = min(span.end, today)
        for decade, first, last in shown:
            if span.start <= last and end >= first:
                members[decade].add(span.organisation_id)
    return [(decade, len(members[decade])) for decade, _first, _last in shown]


def decade_table(model: OrganisingModel, user, today: date | None = None) -> DecadeTable:
    """How many visible organisations practised ``model`` in each decade from the 1970s to today.

    It reads every practice of the model (ten thousand at scale), so the table is kept until the archive
    changes, or the day does (see ``_count_decades``).
    """
    today = today or timezone.localdate()
    return kept(f"organising:decades:{model.pk}:{today.isoformat()}", user, lambda: _count_decades(model, user, today))


def _count_decades(model: OrganisingModel, user, today: date) -> DecadeTable:
    """The decade table, computed: one query over the practices, then Python; a second names the organisations
    that cannot be placed in time, when there are some.

    A practice runs from its start (``start_sort``: the start's earliest day, or for "../1990" the known end)
    to its end's latest possible day. Where the practice has no start, the organisation's founding (its
    earliest possible day) stands in. Where it has no end, it runs until the organisation closed (the latest
    possible day) if it did, else until today; an open end ("1990/..") runs until today. An organisation
    counts once per decade however many of its practices fall in it. An organisation none of whose practices
    can be placed in time (no start and no founding date) is counted in ``not_known_count`` instead, and the
    first of them by name are listed in ``not_known``.
    """
    # Plain values rather than model instances: building ten thousand of each costs more than the query.
    rows = (
        Practice.objects.filter(Organisation.objects.visible_to(user).pointed_at_by("organisation"), model=model)
        .order_by()
        .values_list(
            "organisation_id",
            "start_sort",
            "end",
            "end_upper",
            "organisation__name",
            "organisation__founded_lower",
            "organisation__closed_upper",
        )
    )
    spans, names = [], {}
    for organisation_id, start_sort, end, end_upper, name, founded_lower, closed_upper in rows:
        names[organisation_id] = name
        # An end that is recorded but open ("2015/..") has the far future as its bound, cut to today below.
        last = (end_upper or edtf.MAX_DATE) if end else (closed_upper or today)
        spans.append(Span(organisation_id, start_sort or founded_lower, last))
    placed = {span.organisation_id for span in spans if span.start is not None}
    unplaced = sorted((name, pk) for pk, name in names.items() if pk not in placed)
    first = [pk for _name, pk in unplaced[:NOT_KNOWN_SHOWN]]
    not_known = list(Organisation.objects.filter(pk__in=first).order_by("name", "pk")) if first else []
    return DecadeTable(
        rows=count_by_decade(spans, today),
        organisations=len(names),
        not_known=not_known,
        not_known_count=len(unplaced),
    )
