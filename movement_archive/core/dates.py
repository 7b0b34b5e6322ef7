"""Partial dates in words, in the reader's language.

``movement_archive.dates.edtf`` stays pure and says dates in English; it is the reference. This module builds the
same phrases from translatable pieces, so "early 1990s" reads "principios de los años 1990" under /es/. With no
catalogue active (English) every piece is its own msgid, so the output is exactly ``edtf.describe()``'s; a test
holds the two together for every shape of date.

Spanish, like many languages, joins a date to a preposition differently from how it writes the date alone
("década de 1980" but "desde la década de 1980"), so days, decades and centuries have a form for standing alone and
a form for following "from" or "to"; in English the two are the same. An approximate date is said whole
("alrededor del siglo XXI"), as "about" merges with the article in some languages.
"""

from __future__ import annotations

from django.utils.dates import MONTHS
from django.utils.translation import get_language, pgettext

from movement_archive.dates import edtf

_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
          (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))  # fmt: skip


def _roman(n: int) -> str:
    numeral = ""
    for value, letters in _ROMAN:
        count, n = divmod(n, value)
        numeral += letters * count
    return numeral


def _english_ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


# How each language numbers centuries is not a matter of wording, so it cannot live in the message catalogue:
# Spanish writes "siglo XXI" where English writes "21st century". Languages not listed use the English ordinal.
CENTURY_NUMERALS = {"es": _roman}


def _century_numeral(n: int) -> str:
    language = (get_language() or "en").split("-")[0]
    return CENTURY_NUMERALS.get(language, _english_ordinal)(n)


def _bare(d: edtf.SingleDate, in_phrase: bool) -> str:
    """The date without its qualifiers, alone or after a preposition."""
    if d.precision == "year":
        return str(d.lower.year)
    if d.precision == "month":
        # Translators: a month as a date, "January 1981". Keep %(month)s and %(year)s.
        return pgettext("date", "%(month)s %(year)s") % {"month": str(MONTHS[d.lower.month]), "year": d.lower.year}
    if d.precision == "day":
        values = {"day": d.lower.day, "month": str(MONTHS[d.lower.month]), "year": d.lower.year}
        if in_phrase:
            # Translators: a day after "from" or "to", with the article if the language needs one
            # ("desde el 15 de enero de 1981"). Keep %(day)s, %(month)s and %(year)s.
            return pgettext("date after a preposition", "%(day)s %(month)s %(year)s") % values
        # Translators: a day on its own, "15 January 1981". Keep %(day)s, %(month)s and %(year)s.
        return pgettext("date", "%(day)s %(month)s %(year)s") % values
    if d.precision == "decade":
        values = {"decade": d.lower.year}
        if in_phrase:
            # Translators: a whole decade after "from" or "to", with the article if the language needs
            # one ("desde la década de 1980"). Keep %(decade)s (1980).
            return pgettext("date after a preposition", "%(decade)ss") % values
        # Translators: a whole decade as a date on its own, "1980s". Keep %(decade)s (1980).
        return pgettext("date", "%(decade)ss") % values
    values = {"ordinal": _century_numeral(d.lower.year // 100 + 1)}
    if in_phrase:
        # Translators: a century after "from" or "to", with the article if the language needs one
        # ("desde el siglo XXI"). %(ordinal)s is its number: "21st" in English, "XXI" in Spanish.
        return pgettext("date after a preposition", "%(ordinal)s century") % values
    # Translators: a century as a date on its own, "21st century". %(ordinal)s is its number: "21st" in English,
    # "XXI" in Spanish (CENTURY_NUMERALS in core/dates.py chooses).
    return pgettext("date", "%(ordinal)s century") % values


def _approximate(d: edtf.SingleDate) -> str:
    """An approximate date, said whole: "about" is a preposition too, and may merge with an article ("del")."""
    if d.precision == "day":
        values = {"day": d.lower.day, "month": str(MONTHS[d.lower.month]), "year": d.lower.year}
        # Translators: an approximate day, "about 15 January 1981" ("alrededor del 15 de enero de 1981").
        return pgettext("date", "about %(day)s %(month)s %(year)s") % values
    if d.precision == "decade":
        # Translators: an approximate decade, "about 1980s" ("alrededor de la década de 1980"). Keep %(decade)s.
        return pgettext("date", "about %(decade)ss") % {"decade": d.lower.year}
    if d.precision == "century":
        # Translators: an approximate century, "about 21st century" ("alrededor del siglo XXI"). %(ordinal)s is
        # its number: "21st" in English, "XXI" in Spanish.
        return pgettext("date", "about %(ordinal)s century") % {"ordinal": _century_numeral(d.lower.year // 100 + 1)}
    # Translators: an approximate year or month, "about 1991" ("alrededor de 1991").
    return pgettext("date", "about %(date)s") % {"date": _bare(d, in_phrase=False)}


def _single(d: edtf.SingleDate, in_phrase: bool = False) -> str:
    words = _approximate(d) if d.approximate else _bare(d, in_phrase)
    if d.uncertain:
        # Translators: a date the sources are not sure of: "2003 (uncertain)".
        words = pgettext("date", "%(date)s (uncertain)") % {"date": words}
    return words


def _decade_part(part: str, decade: int) -> str:
    values = {"decade": decade}
    if part == "early":
        # Translators: the first years of a decade, "early 1990s". Keep %(decade)s (1990).
        return pgettext("part of a decade", "early %(decade)ss") % values
    if part == "mid":
        # Translators: the middle years of a decade, "mid 1980s". Keep %(decade)s (1980).
        return pgettext("part of a decade", "mid %(decade)ss") % values
    # Translators: the last years of a decade, "late 1980s". Keep %(decade)s (1980).
    return pgettext("part of a decade", "late %(decade)ss") % values


def describe(value: edtf.PartialDate) -> str:
    """``edtf.describe`` in the active language."""
    part = edtf.decade_part(value)
    if part:
        return _decade_part(part, value.start.lower.year // 10 * 10)
    if not value.is_interval:
        return _single(value.start)
    if value.start and value.end:
        # Translators: a span between two dates, "1985 to 1992" ("desde 1985 hasta 1992").
        return pgettext("date interval", "%(start)s to %(end)s") % {
            "start": _single(value.start, in_phrase=True),
            "end": _single(value.end, in_phrase=True),
        }
    if value.start:
        # Translators: a span with a known start and no known end, "from 2006" ("desde 2006").
        return pgettext("date interval", "from %(start)s") % {"start": _single(value.start, in_phrase=True)}
    # Translators: something that happened at or before a date, the earliest time unknown: "by 1999".
    return pgettext("date interval", "by %(end)s") % {"end": _single(value.end, in_phrase=True)}


def date_in_words(text: str) -> str:
    """An EDTF value in words in the active language; an empty or invalid value shows as it is stored."""
    if not text:
        return ""
    try:
        value = edtf.parse(text)
    except edtf.EDTFError:
        return text
    return describe(value)
