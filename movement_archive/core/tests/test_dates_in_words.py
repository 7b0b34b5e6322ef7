"""Partial dates read in the reader's language: English exactly as the pure EDTF module says them, Spanish as a
Spanish reader would write them, on pages and in JSON alike."""

from __future__ import annotations

import pytest
from django.template import Context, Template
from django.utils import translation

from movement_archive.core.dates import date_in_words
from movement_archive.dates import edtf

SINGLES = ["1981", "1981-01", "1981-01-15", "198X", "19XX", "20XX", "1988", "2003-11"]
QUALIFIERS = ["", "?", "~", "%"]


def every_shape() -> list[str]:
    """Each supported shape with each qualifier, alone and at either end of an interval (about 850 values)."""
    singles = [s + q for s in SINGLES for q in QUALIFIERS]
    values = singles + ["1990~/1993~", "1984/1986", "1987~/1989~", "1990/1999", "1980/1983", "1983/1986", "1986/1989"]
    values += [f"{a}/{b}" for a in [*singles, ".."] for b in [*singles, ".."] if (a, b) != ("..", "..")]
    return [v for v in values if edtf.is_valid(v)]


def test_english_words_are_exactly_the_pure_modules_words_for_every_shape():
    values = every_shape()
    assert len(values) > 500
    with translation.override("en"):
        different = {v: (date_in_words(v), edtf.words(v)) for v in values if date_in_words(v) != edtf.words(v)}
    assert different == {}


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("1981-01", "enero de 1981"),
        ("1981-01-15", "15 de enero de 1981"),
        ("1981", "1981"),
        ("1991~", "alrededor de 1991"),
        ("2003?", "2003 (sin confirmar)"),
        ("2003%", "alrededor de 2003 (sin confirmar)"),
        ("1990~/1993~", "principios de los años 1990"),
        ("1984/1986", "mediados de los años 1980"),
        ("1987~/1989~", "finales de los años 1980"),
        ("198X", "década de 1980"),
        ("198X~", "alrededor de la década de 1980"),
        ("20XX", "siglo XXI"),
        ("19XX~", "alrededor del siglo XX"),
        ("1981-01-15~", "alrededor del 15 de enero de 1981"),
        ("2006/..", "desde 2006"),
        ("198X/..", "desde la década de 1980"),
        ("../1999", "1999 o antes"),
        ("../2016~", "alrededor de 2016 o antes"),
        ("1985/1992", "desde 1985 hasta 1992"),
        ("2020-07/2020-10", "desde julio de 2020 hasta octubre de 2020"),
        ("1981-01-15/1982-03-03", "desde el 15 de enero de 1981 hasta el 3 de marzo de 1982"),
        ("19XX/2005", "desde el siglo XX hasta 2005"),
    ],
)
def test_a_date_reads_naturally_in_spanish(text, words):
    with translation.override("es"):
        assert date_in_words(text) == words


@pytest.mark.parametrize(
    ("text", "words"),
    [("00XX", "siglo I"), ("03XX", "siglo IV"), ("08XX", "siglo IX"), ("13XX", "siglo XIV"), ("18XX", "siglo XIX")],
)
def test_spanish_centuries_take_roman_numerals(text, words):
    with translation.override("es"):
        assert date_in_words(text) == words


def test_an_empty_or_invalid_value_shows_as_stored_in_any_language():
    for language in ("en", "es"):
        with translation.override(language):
            assert date_in_words("") == ""
            assert date_in_words("1981-13") == "1981-13"


def test_the_template_filter_speaks_the_active_language():
    template = Template("{% load archive %}{{ value|edtf_words }}")
    context = Context({"value": "1987~/1989~"})
    with translation.override("en"):
        assert template.render(context) == "late 1980s"
    with translation.override("es"):
        assert template.render(context) == "finales de los años 1980"
