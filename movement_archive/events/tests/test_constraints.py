"""A statistic is an event with a figure; every other event has none."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from movement_archive.events.models import Event
from movement_archive.testing import make_event

FIGURE_RULE = "A statistic needs a figure and what it counts; other events have no figure."


def _event(**fields) -> Event:
    values = {"key": "figure", "title": "Members of the union", "date": "1985", "kind": Event.Kind.STATISTIC}
    return Event(**{**values, **fields})


@pytest.mark.parametrize(
    "fields",
    [
        pytest.param({"statistic_unit": "members"}, id="statistic-without-a-figure"),
        pytest.param({"statistic_value": Decimal(400)}, id="statistic-without-what-it-counts"),
        pytest.param(
            {"kind": Event.Kind.FOUNDING, "statistic_value": Decimal(400), "statistic_unit": "members"},
            id="founding-with-a-figure",
        ),
    ],
)
def test_a_figure_belongs_to_statistics_alone(db, fields):
    with pytest.raises(ValidationError) as raised:
        _event(**fields).full_clean()
    assert raised.value.messages == [FIGURE_RULE]

    with pytest.raises(IntegrityError, match="event_statistic_has_figure"), transaction.atomic():
        _event(**fields).save()

    assert not Event.objects.exists()


def test_a_statistic_with_its_figure_and_what_it_counts_is_kept(db):
    statistic = make_event(
        kind=Event.Kind.STATISTIC,
        statistic_qualifier=Event.Qualifier.MORE_THAN,
        statistic_value=Decimal(400),
        statistic_unit="members",
    )

    assert (statistic.get_statistic_qualifier_display(), statistic.statistic_value) == ("more than", Decimal(400))


def test_an_event_that_is_not_a_statistic_needs_no_figure(db):
    founding = make_event(kind=Event.Kind.FOUNDING)

    assert founding.statistic_value is None
