"""Named queries for the organising-model pages. Each reads only what the reader may see, through ``visible_to``."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from movement_archive.dates import edtf
from movement_archive.organisations.models import Organisation

from .models import OrganisingModel, Practice

# The decades the table shows: the movement's first groups date from the 1970s.
FIRST_DECADE = 1970


def models_with_counts(user) -> QuerySet[OrganisingModel]:
    """Visible models in position order, each with ``organisation_count``: the visible organisations practising it.

    One query; an organisation practising a model in two periods counts once.
    """
    visible = Organisation.objects.visible_to(user)
    return (
        OrganisingModel.objects.visible_to(user)
        .annotate(
            organisation_count=Count(
                "practices__organisation", filter=Q(practices__organisation__in=visible), distinct=True
            )
        )
        .order_by("position", "name")
    )


def practices_of(model: OrganisingModel, user) -> list[Practice]:
    """The practices of a model by organisations the reader may see, by organisation name then start.

    One query, with each practice's organisation.
    """
    return list(
        Practice.objects.filter(model=model, organisation__in=Organisation.objects.visible_to(user))
        .select_related("organisation")
        .order_by("organisation__name", "organisation_id", "start_sort", "pk")
    )


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
    not_known: list[Organisation] = field(default_factory=list)  # practising, but when cannot be told

    @property
    def most(self) -> int:
        return max((count for _decade, count in self.rows), default=0)


def decades(today: date) -> list[int]:
    """The first year of each decade the table shows: 1970 up to the current decade."""
    return list(range(FIRST_DECADE, today.year // 10 * 10 + 1, 10))


def count_by_decade(spans: Iterable[Span], today: date) -> list[tuple[int, int]]:
    """For each decade, how many distinct organisations have a span overlapping it. Pure: no database."""
    shown = decades(today)
    members: dict[int, set[int]] = {decade: set() for decade in shown}
    for span in spans:
        if span.start is None:
            continue
        end = min(span.end, today)
        for decade in shown:
            if span.start <= date(decade + 9, 12, 31) and end >= date(decade, 1, 1):
                members[decade].add(span.organisation_id)
    return [(decade, len(members[decade])) for decade in shown]


def decade_table(model: OrganisingModel, user, today: date | None = None) -> DecadeTable:
    """How many visible organisations practised ``model`` in each decade from the 1970s to today.

    One query, then Python. A practice runs from its start (``start_sort``: the start's earliest day, or for
    "../1990" the known end) to its end's latest possible day. Where the practice has no start, the
    organisation's founding (its earliest possible day) stands in. Where it has no end, it runs until the
    organisation closed (the latest possible day) if it did, else until today; an open end ("1990/..") runs
    until today. An organisation counts once per decade however many of its practices fall in it. An
    organisation none of whose practices can be placed in time (no start and no founding date) is listed in
    ``not_known`` instead.
    """
    today = today or timezone.localdate()
    rows = (
        Practice.objects.filter(model=model, organisation__in=Organisation.objects.visible_to(user))
        .select_related("organisation")
        .order_by("organisation__name", "organisation_id")
    )
    spans, organisations = [], {}
    for practice in rows:
        organisation = practice.organisation
        organisations[organisation.pk] = organisation
        start = practice.start_sort or organisation.founded_lower
        # An end that is recorded but open ("2015/..") has the far future as its bound, cut to today below.
        end = (practice.end_upper or edtf.MAX_DATE) if practice.end else (organisation.closed_upper or today)
        spans.append(Span(organisation.pk, start, end))
    placed = {span.organisation_id for span in spans if span.start is not None}
    not_known = [org for pk, org in organisations.items() if pk not in placed]
    return DecadeTable(rows=count_by_decade(spans, today), not_known=not_known)
