"""Lists of events as HTML, written in Python rather than by the template engine: the timeline's, and the first
events on an organisation's page.

A page of the timeline shows fifty events, each with its organisations, countries and the disagreements it is part
of. Included as a template, each event cost about 0.3 ms (a loop, a dozen variables looked up, an include), some
15 ms of a page that must take under 50. Every text is escaped here, with the same escaping as the templates'
(``html.escape``); what is the same on every event (labels) is translated and escaped once per page.

Each event is written as::

    <li id="event-KEY"><article class="event[ disputed]">
    <h4><a href="ITS PAGE">TITLE</a></h4>
    <p class="meta"><span class="when">DATE IN WORDS</span> · KIND</p>
    [<p class="figure">FIGURE IN WORDS</p>]
    [<ul class="tags"><li><a href="…">ORGANISATION</a></li>… <li><a href="…">COUNTRY</a></li>…</ul>]
    [<p class="disagreement"><strong>The sources disagree:</strong> see also <a href="…">OTHER EVENT</a> (DATE), ….
    <span class="meta">DISAGREEMENT</span></p>]…
    </article></li>
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from movement_archive.core.dates import date_in_words
from movement_archive.core.html import anchor

from .models import Event


def timeline_items(events: Iterable[Event]) -> SafeString:
    """An ``<li>`` for each event, prepared by ``twin.prepare`` and given its relations and disagreement notes.

    Reads only what ``twin.list_page`` has loaded: no query.
    """
    disagree, see_also = escape(_("The sources disagree:")), escape(_("see also"))
    # Safe to mark: every text is escaped in _item.
    return mark_safe("\n".join(_item(event, disagree, see_also) for event in events))


def dated_items(events: Iterable[Event]) -> SafeString:
    """``<li><data value="DATE">DATE IN WORDS</data>: <a href="ITS PAGE">TITLE</a></li>`` for each event.

    The list of an organisation's first fifty events; only the key, title and date of each are read.
    """
    # Safe to mark: every text is escaped.
    return mark_safe(
        "\n".join(
            f'<li><data value="{escape(event.date)}">{escape(date_in_words(event.date))}</data>: '
            f"{anchor(event.get_absolute_url(), event.title)}</li>"
            for event in events
        )
    )


def _item(event: Event, disagree: str, see_also: str) -> str:
    disputed = " disputed" if event.disagreement_notes else ""
    parts = [
        f'<li id="event-{escape(event.key)}"><article class="event{disputed}">',
        f"<h4>{anchor(event.get_absolute_url(), event.title)}</h4>",
        f'<p class="meta"><span class="when">{escape(event.date_words)}</span> · {escape(str(event.kind_label))}</p>',
    ]
    if event.figure:
        parts.append(f'<p class="figure">{escape(event.figure)}</p>')
    tags = [anchor(organisation.get_absolute_url(), str(organisation)) for organisation in event.visible_organisations]
    tags += [anchor(country.get_absolute_url(), country.name) for country in event.country_list]
    if tags:
        parts.append(f'<ul class="tags">{"".join(f"<li>{tag}</li>" for tag in tags)}</ul>')
    for note in event.disagreement_notes:
        others = ", ".join(
            f"{anchor(other.get_absolute_url(), other.title)} ({escape(date_in_words(other.date))})"
            for other in note.others
        )
        also = f" {see_also} {others}." if others else ""
        parts.append(
            f'<p class="disagreement"><strong>{disagree}</strong>{also}\n'
            f'<span class="meta">{escape(note.disagreement.title)}</span></p>'
        )
    parts.append("</article></li>")
    return "\n".join(parts)
