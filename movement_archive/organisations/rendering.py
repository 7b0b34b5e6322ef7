"""The directory's organisations as HTML, written in Python rather than by the template engine.

Each of a page's fifty organisations, rendered tag by tag (two labels, its countries, its dates in words, a dozen
conditions), cost about 0.15 ms. Every text is escaped here as the templates escape it (``html.escape``); what is
the same on every row is translated once per page.

Each organisation is written as::

    <li>
    <h3><a href="ITS PAGE">NAME</a>[ <span class="acronym">(ACRONYM)</span>]</h3>
    <p class="meta">KIND · SCOPE[ · COUNTRY, COUNTRY…]</p>
    [<p class="dates">[Founded DATE IN WORDS][ · ][Closed DATE IN WORDS]</p>]
    </li>
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from movement_archive.core.dates import date_in_words
from movement_archive.core.templatetags.archive import display

from .models import Organisation


def directory_items(organisations: Iterable[Organisation]) -> SafeString:
    """An ``<li>`` for each organisation, whose countries are prefetched (``queries.organisation_list``). No query."""
    # As {% blocktranslate %} does, the translation is trusted and only the date in words is escaped.
    founded, closed = _("Founded %(when)s"), _("Closed %(when)s")
    # Safe to mark: every text is escaped in _item.
    return mark_safe("\n".join(_item(organisation, founded, closed) for organisation in organisations))


def period_html(start: str, end: str) -> SafeString:
    """A period between two partial dates, each in words inside ``<data value="EDTF">``: "1981 to 1985", "from
    1990", "until 2013", or nothing. The relations, affiliations and practices on an organisation's page."""
    values = {"start": escape(start), "end": escape(end)}
    # The translations hold the markup, trusted as {% blocktranslate %} trusts them; only the values are escaped.
    if start and end:
        words = _('<data value="%(start)s">%(start_words)s</data> to <data value="%(end)s">%(end_words)s</data>')
    elif start:
        words = _('from <data value="%(start)s">%(start_words)s</data>')
    elif end:
        words = _('until <data value="%(end)s">%(end_words)s</data>')
    else:
        return mark_safe("")
    values.update(start_words=escape(date_in_words(start)), end_words=escape(date_in_words(end)))
    return mark_safe(words % values)


def _item(organisation: Organisation, founded: str, closed: str) -> str:
    name, acronym = organisation.name, organisation.acronym
    also = f' <span class="acronym">({escape(acronym)})</span>' if acronym and acronym != name else ""
    meta = f"{escape(display(organisation, 'kind'))} · {escape(display(organisation, 'scope'))}"
    countries = ", ".join(escape(country.name) for country in organisation.countries.all())
    if countries:
        meta = f"{meta} · {countries}"
    dates = " · ".join(
        words % {"when": escape(date_in_words(value))}
        for words, value in ((founded, organisation.founded), (closed, organisation.closed))
        if value
    )
    return "\n".join(
        (
            "<li>",
            f'<h3><a href="{escape(organisation.get_absolute_url())}">{escape(name)}</a>{also}</h3>',
            f'<p class="meta">{meta}</p>',
            *([f'<p class="dates">{dates}</p>'] if dates else []),
            "</li>",
        )
    )
