"""The search page's results and its region and decade choices, written in Python rather than by template tags.

Twenty results rendered tag by tag (a loop, an ``if`` and five variables each), with the form's regions and decades,
cost a transcript search more than the full-text query itself. Every text is escaped here as templates escape it
(``html.escape``); a snippet's HTML comes from ``text.snippet``, which escapes the record's text and adds only
``<mark>`` tags. Each result is written as::

    <li>
      <p class="type meta">KIND</p>
      <h3><a href="THE RECORD'S PAGE">TITLE</a></h3>
      [<p class="snippet">PASSAGE WITH <mark>MATCHED</mark> WORDS</p>]
    </li>
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from movement_archive.core.html import anchor


def result_items(hits: Iterable) -> SafeString:
    """The ``<li>`` of each hit on the page shown (``queries.Hit``, its record read)."""
    items = []
    labels: dict = {}  # a kind's label, translated once a page
    for hit in hits:
        snippet = hit.snippet.html
        passage = f'\n  <p class="snippet">{snippet}</p>' if snippet else ""
        label = labels.get(hit.kind) or labels.setdefault(hit.kind, escape(hit.label))
        items.append(
            f'<li>\n  <p class="type meta">{label}</p>\n  <h3>{anchor(hit.url, hit.title)}</h3>{passage}\n</li>'
        )
    # Safe to mark: every text is escaped above, and a snippet's HTML is escaped text with <mark> tags.
    return mark_safe("\n".join(items))


def region_options(regions: Iterable, selected: Iterable[str]) -> SafeString:
    """An ``<optgroup>`` per region (``queries.RegionChoice``): the region itself, then the regions below it."""
    chosen = set(selected)

    def option(name: str) -> str:
        return f'<option value="{escape(name)}"{" selected" if name in chosen else ""}>{escape(name)}</option>'

    groups = [
        f'<optgroup label="{escape(region.name)}">{"".join(option(n) for n in (region.name, *region.below))}</optgroup>'
        for region in regions
    ]
    # Safe to mark: every name is escaped in option() and above.
    return mark_safe("\n".join(groups))


def decade_options(decades: Iterable[int], selected: Iterable) -> SafeString:
    """An ``<option>`` per decade, labelled in the reader's language ("the 1980s")."""
    chosen = {str(decade) for decade in selected}
    # The same message as the template's {% blocktranslate %}the {{ decade }}s{% endblocktranslate %} had.
    label = _("the %(decade)ss")
    # Safe to mark: a decade is a number, and the translated phrase is trusted as {% blocktranslate %} trusts it.
    return mark_safe(
        "\n".join(
            f'<option value="{decade}"{" selected" if str(decade) in chosen else ""}>{label % {"decade": decade}}'
            "</option>"
            for decade in decades
        )
    )
