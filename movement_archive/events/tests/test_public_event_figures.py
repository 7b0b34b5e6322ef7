"""Statistics read as a sentence fragment with their qualifier, the figure grouped in the reader's language.

Spanish groups thousands with a no-break space, as the Real Academia recommends, and Django follows it.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.utils import translation

from movement_archive.events.figures import figure_value, format_figure, statistic_text
from movement_archive.events.models import Event


@pytest.mark.parametrize(
    ("value", "english", "spanish"),
    [
        (Decimal("3000"), "3,000", "3\xa0000"),
        (Decimal("2800.00"), "2,800", "2\xa0800"),
        (Decimal("1234567"), "1,234,567", "1\xa0234\xa0567"),
        (Decimal("12.50"), "12.5", "12,5"),
        (Decimal("400"), "400", "400"),
    ],
)
def test_figures_are_grouped_the_way_each_language_writes_them(value, english, spanish):
    with translation.override("en"):
        assert format_figure(value) == english
    with translation.override("es"):
        assert format_figure(value) == spanish


@pytest.mark.parametrize(
    ("qualifier", "text"),
    [
        (Event.Qualifier.MORE_THAN, "more than 3,000 people killed by police"),
        (Event.Qualifier.ABOUT, "about 3,000 people killed by police"),
        (Event.Qualifier.AT_LEAST, "at least 3,000 people killed by police"),
        (Event.Qualifier.FEWER_THAN, "fewer than 3,000 people killed by police"),
        (Event.Qualifier.EXACT, "3,000 people killed by police"),
        ("", "3,000 people killed by police"),
    ],
)
def test_a_statistic_reads_with_its_qualifier(qualifier, text):
    event = Event(
        statistic_value=Decimal(3000), statistic_qualifier=qualifier, statistic_unit="people killed by police"
    )

    assert statistic_text(event) == text


def test_an_event_that_is_not_a_statistic_has_no_figure():
    assert statistic_text(Event(kind=Event.Kind.FOUNDING)) == ""


def test_json_figures_are_numbers_not_strings():
    assert (figure_value(Decimal("3000.00")), figure_value(Decimal("12.5")), figure_value(None)) == (3000, 12.5, None)
