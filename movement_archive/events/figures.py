"""Statistics in words: "more than 3,000 people killed by police", with the figure in the reader's number format.

django.contrib.humanize is not installed, so the grouping of digits is done here with Django's own
``number_format``, which follows the active language ("3,000" in English, "3.000" in Spanish).
"""

from __future__ import annotations

from decimal import Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from .models import Event


def format_figure(value: Decimal | int) -> str:
    """A figure with its digits grouped, and decimals only where the source gives them: 2800.00 → "2,800"."""
    value = Decimal(value)
    places = 0 if value == value.to_integral_value() else -value.normalize().as_tuple().exponent
    return number_format(value, decimal_pos=places, use_l10n=True, force_grouping=True)


def figure_value(value: Decimal | None) -> int | float | None:
    """The figure for JSON: a whole number where it is one, so readers need not parse a string."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def statistic_text(event: Event) -> str:
    """The figure with its qualifier and what it counts; empty for events that are not statistics.

    An exact figure is shown bare ("2,800 people killed"): writing "exactly" before every plain number would
    read as an emphasis the sources do not make.
    """
    if event.statistic_value is None:
        return ""
    figure = format_figure(event.statistic_value)
    if event.statistic_qualifier and event.statistic_qualifier != Event.Qualifier.EXACT:
        qualifier = Event.Qualifier(event.statistic_qualifier).label
        # Translators: a statistic, e.g. "more than 3,000 people killed by police".
        return _("%(qualifier)s %(figure)s %(unit)s") % {
            "qualifier": qualifier,
            "figure": figure,
            "unit": event.statistic_unit,
        }
    # Translators: a statistic without qualifier, e.g. "2,800 people killed".
    return _("%(figure)s %(unit)s") % {"figure": figure, "unit": event.statistic_unit}
