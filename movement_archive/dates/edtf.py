"""Partial dates in Extended Date/Time Format (EDTF, ISO 8601-2), the subset an archive of movement history needs.

Pure code: no Django imports. Supported shapes:

- ``1981``, ``1981-01``, ``1981-01-15``: year, month, day precision;
- a trailing ``?`` (uncertain), ``~`` (approximate) or ``%`` (both);
- unspecified digits: ``198X`` (a year of the 1980s), ``19XX`` (a year of the 1900s);
- intervals ``A/B`` of those shapes, with open ends ``A/..`` and ``../B``.

Every value has a lower and an upper bound (real calendar dates) so that records of any precision sort
together. It also knows how to say itself in words ("early 1990s", "about 1991", "January 1981").
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

MIN_DATE = date(1, 1, 1)
MAX_DATE = date(9999, 12, 31)

_SINGLE = re.compile(
    r"""^(?P<year>\d{2}(?:\d{2}|\dX|XX))      # 1981, 198X or 19XX
        (?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?
        (?P<qualifier>[?~%])?$""",
    re.VERBOSE,
)

PRECISIONS = ("day", "month", "year", "decade", "century", "interval", "open")


class EDTFError(ValueError):
    """A value that is not a supported EDTF date; the message says what is wrong."""


@dataclass(frozen=True)
class SingleDate:
    text: str
    lower: date
    upper: date
    precision: str  # day, month, year, decade or century
    uncertain: bool = False
    approximate: bool = False

    @property
    def year(self) -> int:
        return self.lower.year


@dataclass(frozen=True)
class PartialDate:
    """A parsed EDTF value: one date or an interval between two (either end may be open)."""

    text: str
    start: SingleDate | None
    end: SingleDate | None  # same object as start for a single date

    @property
    def is_interval(self) -> bool:
        return self.start is not self.end

    @property
    def lower(self) -> date:
        return self.start.lower if self.start else MIN_DATE

    @property
    def upper(self) -> date:
        return self.end.upper if self.end else MAX_DATE

    @property
    def precision(self) -> str:
        if not self.is_interval:
            return self.start.precision
        return "interval" if self.start and self.end else "open"

    @property
    def approximate(self) -> bool:
        return any(d.approximate for d in (self.start, self.end) if d)

    @property
    def uncertain(self) -> bool:
        return any(d.uncertain for d in (self.start, self.end) if d)

    @property
    def sort_start(self) -> date:
        """Where the value sorts: its earliest possible day; for "../2016" (some time by 2016), its known end.

        Sorting "by 2016" at the year 1 would put every such event first on a timeline.
        """
        return self.start.lower if self.start else self.end.upper

    def sort_key(self) -> tuple[date, date]:
        """Order by where it starts, then the latest possible day: 1981-01 before 1981, 198X before both."""
        return (self.sort_start, self.upper)

    def describe(self) -> str:
        """Say the date in English words; the templates translate the same pieces."""
        return describe(self)


def _single(text: str) -> SingleDate:
    match = _SINGLE.match(text)
    if not match:
        raise EDTFError(
            f"{text!r} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD "
            "(optionally with X for unknown digits of the year and one of ? ~ % after it)"
        )
    year_text, month_text, day_text = match["year"], match["month"], match["day"]
    qualifier = match["qualifier"] or ""
    unspecified = year_text.count("X")
    if unspecified and month_text:
        raise EDTFError(f"{text!r}: a month cannot follow a year with unknown digits")
    if unspecified:
        base = int(year_text.replace("X", "0"))
        span = 10**unspecified
        lower, upper = date(max(base, 1), 1, 1), date(base + span - 1, 12, 31)
        precision = "decade" if unspecified == 1 else "century"
    else:
        year = int(year_text)
        if year == 0:
            raise EDTFError(f"{text!r}: year 0 is not supported")
        if not month_text:
            lower, upper, precision = date(year, 1, 1), date(year, 12, 31), "year"
        else:
            month = int(month_text)
            if not 1 <= month <= 12:
                raise EDTFError(f"{text!r}: month {month_text} is not between 01 and 12")
            last = calendar.monthrange(year, month)[1]
            if not day_text:
                lower, upper, precision = date(year, month, 1), date(year, month, last), "month"
            else:
                day = int(day_text)
                if not 1 <= day <= last:
                    raise EDTFError(f"{text!r}: day {day_text} does not exist in that month")
                lower = upper = date(year, month, day)
                precision = "day"
    return SingleDate(
        text=text,
        lower=lower,
        upper=upper,
        precision=precision,
        uncertain=qualifier in "?%" and bool(qualifier),
        approximate=qualifier in "~%" and bool(qualifier),
    )


def parse(text: str) -> PartialDate:
    """Parse an EDTF value; raise EDTFError saying what is wrong."""
    if not isinstance(text, str):
        raise EDTFError(f'{text!r} is not text; write EDTF dates as quoted strings such as "1981-01"')
    value = text.strip()
    if not value:
        raise EDTFError("the date is empty")
    if "/" not in value:
        single = _single(value)
        return PartialDate(text=value, start=single, end=single)
    parts = value.split("/")
    if len(parts) != 2:
        raise EDTFError(f"{value!r}: an interval has exactly one '/'")
    left, right = parts
    start = None if left in ("..", "") else _single(left)
    end = None if right in ("..", "") else _single(right)
    if start is None and end is None:
        raise EDTFError(f"{value!r}: an interval needs at least one known end")
    if start and end and start.lower > end.upper:
        raise EDTFError(f"{value!r}: the interval ends before it starts")
    return PartialDate(text=value, start=start, end=end)


def is_valid(text: str) -> bool:
    try:
        parse(text)
    except EDTFError:
        return False
    return True


MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _describe_single(d: SingleDate) -> str:
    if d.precision == "century":
        words = f"{_ordinal(d.lower.year // 100 + 1)} century"
    elif d.precision == "decade":
        words = f"{d.lower.year}s"
    elif d.precision == "year":
        words = str(d.lower.year)
    elif d.precision == "month":
        words = f"{MONTHS[d.lower.month - 1]} {d.lower.year}"
    else:
        words = f"{d.lower.day} {MONTHS[d.lower.month - 1]} {d.lower.year}"
    if d.approximate:
        words = f"about {words}"
    if d.uncertain:
        words = f"{words} (uncertain)"
    return words


def decade_part(value: PartialDate) -> str | None:
    """'early', 'mid' or 'late' when an interval covers a part of one decade given as whole years."""
    start, end = value.start, value.end
    if not (start and end and value.is_interval):
        return None
    if start.precision != "year" or end.precision != "year":
        return None
    first, last = start.lower.year, end.lower.year
    if first // 10 != last // 10:
        return None
    parts = {(0, 3): "early", (0, 4): "early", (3, 6): "mid", (4, 6): "mid", (6, 9): "late", (7, 9): "late"}
    return parts.get((first % 10, last % 10))


def describe(value: PartialDate) -> str:
    part = decade_part(value)
    if part:
        return f"{part} {value.start.lower.year // 10 * 10}s"
    if not value.is_interval:
        return _describe_single(value.start)
    if value.start and value.end:
        return f"{_describe_single(value.start)} to {_describe_single(value.end)}"
    if value.start:
        return f"from {_describe_single(value.start)}"
    return f"by {_describe_single(value.end)}"


def words(text: str) -> str:
    """An EDTF value in words for display; an empty or invalid value shows as it is stored."""
    if not text:
        return ""
    try:
        return describe(parse(text))
    except EDTFError:
        return text
