"""Events dated as loosely as the sources date them still line up in one chronology.

The documented order: earliest possible day first, then the latest possible day, then the title. So "1981-01"
comes before "1981", "198X" before both, and an open "2006/.." after everything that starts before 2006. A date
open at the start ("../1985", some time by 1985) sorts at its known end rather than in the year 1.

Saving keeps three columns in step with the text: ``date_sort`` (where it sorts), ``date_lower`` and ``date_upper``
(the earliest and latest possible day).
"""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from movement_archive.dates.edtf import MAX_DATE, MIN_DATE, EDTFError
from movement_archive.events.models import Event
from movement_archive.testing import anonymous, make_event

# Given in a shuffled order; expected back in this one.
CHRONOLOGY = [
    ("1973", "A methadone programme opens"),
    ("198X", "Users meet in a squat, some year of the 1980s"),
    ("1981-01", "The union holds its first meeting"),
    ("1981", "The union is founded"),
    ("../1985", "Users already run their own exchange by 1985"),
    ("1987~/1989~", "Needle exchanges spread, late 1980s"),
    ("1988", "A national network forms"),
    ("1990~/1993~", "User groups multiply, early 1990s"),
    ("2006/..", "The international network works on"),
    ("2020-07/2020-10", "A campaign runs through the summer"),
]


def _columns(event: Event) -> tuple[date, date, date]:
    return event.date_sort, event.date_lower, event.date_upper


@pytest.fixture
def events(db):
    for index in (4, 0, 8, 2, 9, 6, 1, 7, 3, 5):
        date_text, title = CHRONOLOGY[index]
        make_event(title=title, date=date_text)


def test_events_come_back_earliest_possible_day_first_then_latest(events):
    assert [(e.date, e.title) for e in Event.objects.chronological()] == CHRONOLOGY


def test_the_default_ordering_is_the_same_chronology(events):
    assert [e.date for e in Event.objects.all()] == [date_text for date_text, _ in CHRONOLOGY]
    assert [e.date for e in Event.objects.visible_to(anonymous())] == [date_text for date_text, _ in CHRONOLOGY]


def test_events_of_the_same_date_are_ordered_by_title(db):
    make_event(title="Second protest", date="1995")
    make_event(title="First protest", date="1995")
    make_event(title="Winter protest", date="1995-01")

    # January 1995 ends before the rest of 1995 can, so it leads whatever its title.
    assert [e.title for e in Event.objects.chronological()] == ["Winter protest", "First protest", "Second protest"]


def test_saving_fills_the_earliest_and_latest_possible_day(db):
    event = make_event(date="1990~/1993~")

    assert _columns(event) == (date(1990, 1, 1), date(1990, 1, 1), date(1993, 12, 31))


def test_an_open_ended_event_runs_to_the_end_of_the_calendar(db):
    event = make_event(date="2006/..")

    assert _columns(event) == (date(2006, 1, 1), date(2006, 1, 1), MAX_DATE)


def test_an_event_by_a_date_sorts_at_that_date_and_keeps_its_open_start(db):
    event = make_event(date="../1985")

    assert _columns(event) == (date(1985, 12, 31), MIN_DATE, date(1985, 12, 31))


def test_a_corrected_date_moves_the_event_in_the_chronology(db):
    founding = make_event(title="The union is founded", date="1981")
    make_event(title="A national network forms", date="1988")

    founding.date = "1991-03-15"
    founding.save()
    founding.refresh_from_db()

    assert _columns(founding) == (date(1991, 3, 15), date(1991, 3, 15), date(1991, 3, 15))
    assert [e.title for e in Event.objects.chronological()] == ["A national network forms", "The union is founded"]


def test_publishing_a_revision_with_a_new_date_refills_the_bounds(db):
    event = make_event(date="198X")

    event.date = "1984-06"
    event.save_revision().publish()
    event.refresh_from_db()

    assert _columns(event) == (date(1984, 6, 1), date(1984, 6, 1), date(1984, 6, 30))


@pytest.mark.parametrize(
    ("date_text", "problem"),
    [
        ("1981-13", "month 13 is not between 01 and 12"),
        ("2023-02-29", "day 29 does not exist in that month"),
        ("1981-1", "is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"),
        ("1993/1990", "the interval ends before it starts"),
        ("../..", "an interval needs at least one known end"),
    ],
)
def test_an_invalid_date_is_refused_with_a_message_naming_the_problem(db, date_text, problem):
    event = Event(key="bad-date", title="A badly dated event", kind=Event.Kind.FOUNDING, date=date_text)

    with pytest.raises(ValidationError) as raised:
        event.full_clean()

    assert list(raised.value.message_dict) == ["date"]
    assert problem in raised.value.message_dict["date"][0]


def test_an_event_needs_a_date(db):
    event = Event(key="undated", title="An undated event", kind=Event.Kind.FOUNDING, date="")

    with pytest.raises(ValidationError) as raised:
        event.full_clean()

    assert raised.value.message_dict["date"] == ["This field cannot be blank."]


def test_an_invalid_date_saved_without_validation_never_reaches_the_database(db):
    event = Event(key="bad-date", title="A badly dated event", kind=Event.Kind.FOUNDING, date="1981-13")

    with pytest.raises(EDTFError, match=r"events\.Event\.date: '1981-13': month 13 is not between 01 and 12"):
        event.save()

    assert not Event.objects.exists()


def test_a_saved_event_keeps_its_date_when_an_invalid_one_is_saved_over_it(db):
    event = make_event(date="1988")

    event.date = "1988-02-30"
    with pytest.raises(EDTFError, match="day 30 does not exist"):
        event.save()

    event.refresh_from_db()
    assert (event.date, _columns(event)) == ("1988", (date(1988, 1, 1), date(1988, 1, 1), date(1988, 12, 31)))
