"""Partial dates as the sources give them: parsed, bounded, ordered and said in words, with no database."""

from __future__ import annotations

import calendar
import itertools
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from movement_archive.dates import edtf

# Shapes and bounds -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lower", "upper", "precision"),
    [
        ("1981-01-15", date(1981, 1, 15), date(1981, 1, 15), "day"),
        ("1981-01", date(1981, 1, 1), date(1981, 1, 31), "month"),
        ("1981-02", date(1981, 2, 1), date(1981, 2, 28), "month"),
        ("1984-02", date(1984, 2, 1), date(1984, 2, 29), "month"),
        ("1981", date(1981, 1, 1), date(1981, 12, 31), "year"),
        ("198X", date(1980, 1, 1), date(1989, 12, 31), "decade"),
        ("19XX", date(1900, 1, 1), date(1999, 12, 31), "century"),
        ("20XX", date(2000, 1, 1), date(2099, 12, 31), "century"),
        ("1990~/1993~", date(1990, 1, 1), date(1993, 12, 31), "interval"),
        ("2020-07/2020-10", date(2020, 7, 1), date(2020, 10, 31), "interval"),
        ("2006/..", date(2006, 1, 1), edtf.MAX_DATE, "open"),
        ("../1999", edtf.MIN_DATE, date(1999, 12, 31), "open"),
    ],
)
def test_each_shape_is_bounded_by_its_earliest_and_latest_possible_day(text, lower, upper, precision):
    value = edtf.parse(text)

    assert (value.lower, value.upper, value.precision) == (lower, upper, precision)


def test_a_date_sorts_from_its_earliest_possible_day_then_its_latest():
    assert edtf.parse("1981-01").sort_key() == (date(1981, 1, 1), date(1981, 1, 31))
    assert edtf.parse("198X").sort_key() < edtf.parse("1981-01").sort_key() < edtf.parse("1981").sort_key()
    assert edtf.parse("2006/..").sort_key() == (date(2006, 1, 1), edtf.MAX_DATE)


def test_a_date_open_at_the_start_sorts_at_its_known_end_not_in_year_one():
    by_1999 = edtf.parse("../1999")

    assert by_1999.lower == edtf.MIN_DATE
    assert by_1999.sort_start == date(1999, 12, 31)
    assert by_1999.sort_key() == (date(1999, 12, 31), date(1999, 12, 31))
    assert edtf.parse("1999").sort_key() < by_1999.sort_key() < edtf.parse("2000").sort_key()


def test_a_single_date_is_not_an_interval_and_an_interval_keeps_both_ends():
    single, interval = edtf.parse("1981"), edtf.parse("1987~/1989~")

    assert not single.is_interval
    assert single.start.year == 1981
    assert interval.is_interval
    assert (interval.start.text, interval.end.text) == ("1987~", "1989~")


def test_an_open_interval_has_no_end_on_its_open_side():
    assert edtf.parse("2006/..").end is None
    assert edtf.parse("../1999").start is None


def test_surrounding_spaces_are_ignored():
    assert edtf.parse(" 1981-01 ").text == "1981-01"


# Qualifiers ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "approximate", "uncertain"),
    [
        ("1991", False, False),
        ("1991~", True, False),
        ("2003?", False, True),
        ("2003%", True, True),
        ("1990~/1993~", True, False),
        ("1990/1993?", False, True),
    ],
)
def test_qualifiers_mark_a_date_approximate_or_uncertain(text, approximate, uncertain):
    value = edtf.parse(text)

    assert (value.approximate, value.uncertain) == (approximate, uncertain)


def test_a_qualifier_does_not_move_the_bounds():
    assert edtf.parse("1991~").sort_key() == edtf.parse("1991").sort_key() == edtf.parse("1991%").sort_key()


# In words --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("1990~/1993~", "early 1990s"),
        ("1984/1986", "mid 1980s"),
        ("1987~/1989~", "late 1980s"),
        ("1981-01-15", "15 January 1981"),
        ("1981-01", "January 1981"),
        ("1981", "1981"),
        ("1991~", "about 1991"),
        ("2003?", "2003 (uncertain)"),
        ("2003%", "about 2003 (uncertain)"),
        ("198X", "1980s"),
        ("19XX", "20th century"),
        ("20XX", "21st century"),
        ("2006/..", "from 2006"),
        ("../1999", "by 1999"),
        ("1985/1992", "1985 to 1992"),
        ("2020-07/2020-10", "July 2020 to October 2020"),
        ("1990/1999", "1990 to 1999"),
    ],
)
def test_a_date_says_itself_in_words(text, words):
    assert edtf.parse(text).describe() == words
    assert edtf.describe(edtf.parse(text)) == words


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("00XX", "1st century"),
        ("01XX", "2nd century"),
        ("02XX", "3rd century"),
        ("10XX", "11th century"),
        ("11XX", "12th century"),
        ("12XX", "13th century"),
        ("20XX", "21st century"),
    ],
)
def test_centuries_take_the_right_ordinal(text, words):
    assert edtf.parse(text).describe() == words


def test_words_show_an_empty_or_invalid_value_as_it_is_stored():
    assert edtf.words("1990~/1993~") == "early 1990s"
    assert edtf.words("") == ""
    assert edtf.words("1981-13") == "1981-13"


def test_only_whole_years_within_one_decade_are_called_early_mid_or_late():
    assert edtf.decade_part(edtf.parse("1990/1993")) == "early"
    assert edtf.decade_part(edtf.parse("1988/1991")) is None
    assert edtf.decade_part(edtf.parse("1990-01/1993-12")) is None
    assert edtf.decade_part(edtf.parse("1991")) is None


# Mistakes, and what the message says ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("1981-13", "month 13 is not between 01 and 12"),
        ("1981-00", "month 00 is not between 01 and 12"),
        ("2023-02-29", "day 29 does not exist in that month"),
        ("2023-02-31", "day 31 does not exist in that month"),
        ("1981-04-31", "day 31 does not exist in that month"),
        ("1981-1", "is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"),
        ("abc", "'abc' is not a date of the form YYYY"),
        ("81", "is not a date of the form"),
        ("1981-01-15T10:00", "is not a date of the form"),
        ("198X-05", "a month cannot follow a year with unknown digits"),
        ("0000", "year 0 is not supported"),
        ("1993/1990", "the interval ends before it starts"),
        ("1981-03/1981-02", "the interval ends before it starts"),
        ("../..", "an interval needs at least one known end"),
        ("1981/1982/1983", "an interval has exactly one '/'"),
        ("", "the date is empty"),
        ("   ", "the date is empty"),
    ],
)
def test_a_mistake_is_refused_with_a_message_naming_it(text, message):
    with pytest.raises(edtf.EDTFError, match=message) as raised:
        edtf.parse(text)

    assert not edtf.is_valid(text)
    assert isinstance(raised.value, ValueError)


def test_a_number_is_refused_with_a_hint_to_quote_it():
    with pytest.raises(edtf.EDTFError, match=r'1981 is not text; write EDTF dates as quoted strings such as "1981-01"'):
        edtf.parse(1981)


def test_the_leap_day_exists_only_in_leap_years():
    assert edtf.parse("2024-02-29").lower == date(2024, 2, 29)
    assert edtf.parse("2000-02-29").lower == date(2000, 2, 29)
    assert not edtf.is_valid("1900-02-29")
    assert not edtf.is_valid("2023-02-29")


# Properties ------------------------------------------------------------------------------------------------

QUALIFIERS = st.sampled_from(["", "?", "~", "%"])


# The same day at each precision; strftime("%Y") does not pad years before 1000.
def _day(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}-{day.day:02d}"


def _month(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def _year(day: date) -> str:
    return f"{day.year:04d}"


def _decade(day: date) -> str:
    return f"{day.year // 10:03d}X"


def _century(day: date) -> str:
    return f"{day.year // 100:02d}XX"


@st.composite
def days(draw):
    year = draw(st.integers(min_value=1, max_value=9999))
    month = draw(st.integers(min_value=1, max_value=12))
    day = draw(st.integers(min_value=1, max_value=calendar.monthrange(year, month)[1]))
    return date(year, month, day)


@st.composite
def single_dates(draw):
    """Valid single-date texts of every precision, with or without a qualifier."""
    day = draw(days())
    shape = draw(st.sampled_from(["day", "month", "year", "decade", "century"]))
    text = {"day": _day, "month": _month, "year": _year, "decade": _decade, "century": _century}[shape](day)
    return text + draw(QUALIFIERS)


@given(days(), QUALIFIERS)
def test_any_real_day_month_and_year_parses_with_lower_not_after_upper(day, qualifier):
    for text in (_year(day), _month(day), _day(day)):
        value = edtf.parse(f"{text}{qualifier}")
        assert value.lower <= day <= value.upper


@given(single_dates())
def test_any_valid_date_keeps_its_text_and_has_ordered_bounds(text):
    value = edtf.parse(text)

    assert value.text == text
    assert value.lower <= value.sort_start <= value.upper
    assert edtf.is_valid(text)
    assert value.describe()


@given(days())
def test_a_more_precise_date_lies_within_the_less_precise_one(day):
    texts = [_day(day), _month(day), _year(day), _decade(day), _century(day)]
    values = [edtf.parse(text) for text in texts]

    for inner, outer in itertools.pairwise(values):
        assert outer.lower <= inner.lower <= inner.upper <= outer.upper


@given(single_dates(), single_dates())
def test_an_interval_runs_from_its_starts_earliest_day_to_its_ends_latest(first, second):
    start, end = edtf.parse(first), edtf.parse(second)
    text = f"{first}/{second}"

    if start.lower > end.upper:
        with pytest.raises(edtf.EDTFError, match="ends before it starts"):
            edtf.parse(text)
        return

    interval = edtf.parse(text)
    assert interval.text == text
    assert (interval.lower, interval.upper) == (start.lower, end.upper)
    assert interval.lower <= interval.upper
    if start.upper <= end.lower:
        # Ends that do not overlap lie wholly inside the interval's bounds.
        assert interval.lower <= start.lower <= start.upper <= interval.upper
        assert interval.lower <= end.lower <= end.upper <= interval.upper


@given(single_dates())
def test_an_open_interval_contains_its_known_end(text):
    known = edtf.parse(text)
    onwards, until = edtf.parse(f"{text}/.."), edtf.parse(f"../{text}")

    assert onwards.lower == known.lower and onwards.upper == edtf.MAX_DATE
    assert until.lower == edtf.MIN_DATE and until.upper == known.upper
    assert onwards.sort_start == known.lower and until.sort_start == known.upper


@given(st.integers(min_value=1, max_value=9999), st.integers(min_value=13, max_value=99))
def test_no_month_past_twelve_is_accepted(year, month):
    with pytest.raises(edtf.EDTFError, match=f"month {month} is not between 01 and 12"):
        edtf.parse(f"{year:04d}-{month:02d}")


@given(st.integers(min_value=1, max_value=9999), st.integers(min_value=1, max_value=12))
def test_no_day_past_the_end_of_its_month_is_accepted(year, month):
    last = calendar.monthrange(year, month)[1]
    assert edtf.parse(f"{year:04d}-{month:02d}-{last:02d}").upper == date(year, month, last)
    if last < 31:
        with pytest.raises(edtf.EDTFError, match=f"day {last + 1} does not exist"):
            edtf.parse(f"{year:04d}-{month:02d}-{last + 1:02d}")
