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
