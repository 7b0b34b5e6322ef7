"""The directory's organisations, and the rows of an organisation's page, as HTML written in Python rather than
by the template engine.

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
from movement_archive.core.html import anchor
from movement_archive.core.templatetags.archive import display
from movement_archive.sources.rendering import citations_html

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


# An organisation's page -------------------------------------------------------------------------------------------
# The busiest organisations are linked to dozens of others and of people; each row, rendered tag by tag with its
# period and citations, cost as much as the page's SQL altogether. Rows are written as the template wrote them:
#
#     <li><a href="MODEL'S PAGE">MODEL</a>[, PERIOD][. NOTE] CITATIONS</li>
#     <li><span class="relation">NAME RELATION <a href="OTHER'S PAGE">OTHER</a></span>[, PERIOD] [<p>TEXT</p>]
#         CITATIONS</li>
#     <li><a href="PERSON'S PAGE">PERSON</a>[, ROLE][, PERIOD] CITATIONS</li>


def practice_items(practices: Iterable) -> SafeString:
    """The organising models an organisation practised (``queries.organisation_page``). No query."""

    def row(practice) -> str:
        model = practice.model
        note = f". {escape(practice.note)}" if practice.note else ""
        return f"{anchor(model.get_absolute_url(), model.name)}{_period(practice.start, practice.end)}{note}"

    return _rows(practices, row)


def relation_items(organisation: Organisation, relations: Iterable) -> SafeString:
    """An organisation's relations read from its side (``queries.relations_of``). No query."""
    name = escape(organisation.name)

    def row(read) -> str:
        relation = read.relation
        other = anchor(read.other.get_absolute_url(), str(read.other))
        text = f"<p>{escape(relation.description)}</p>" if relation.description else ""
        return (
            f'<span class="relation">{name} {escape(read.label)} {other}</span>'
            f"{_period(relation.start, relation.end)}\n      {text}"
        )

    return _rows(relations, row, cited=lambda read: read.relation.cited)


def affiliation_items(affiliations: Iterable) -> SafeString:
    """The people of an organisation, with their roles and periods (``queries.organisation_page``). No query."""

    def row(affiliation) -> str:
        person = affiliation.person
        role = f", {escape(affiliation.role)}" if affiliation.role else ""
        return (
            f"{anchor(person.get_absolute_url(), person.shown_name)}{role}{_period(affiliation.start, affiliation.end)}"
        )

    return _rows(affiliations, row)


def _rows(items: Iterable, row, cited=lambda item: item.cited) -> SafeString:
    """Each item's row, then its citations, in an ``<li>`` laid out as the template laid it out."""
    # Safe to mark: every row escapes its texts, and citations_html its own.
    return mark_safe("".join(f"\n    <li>{row(item)}\n      {citations_html(cited(item))}</li>" for item in items))


def _period(start: str, end: str) -> str:
    return f", {period_html(start, end)}" if start or end else ""


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
            f"<h3>{anchor(organisation.get_absolute_url(), name)}{also}</h3>",
            f'<p class="meta">{meta}</p>',
            *([f'<p class="dates">{dates}</p>'] if dates else []),
            "</li>",
        )
    )
