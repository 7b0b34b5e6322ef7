"""Citations as HTML, written in Python rather than by an included template.

A record page shows the citations of the record and of each of its relations, affiliations, practices and claims:
on the busiest organisation's page the include ran some 35 times, a tenth of the page. Every text is escaped here as
templates escape it (``html.escape``); the translated phrases are trusted, as ``{% blocktranslate %}`` trusts them.

Citations are written as::

    <details class="citations" open><summary>Sources</summary><ul>
    <li><a href="THE SOURCE'S PAGE">TITLE</a>[ (sent in by CREDIT)], LOCATOR[: WHAT IT SUPPORTS]</li>…
    </ul></details>

and nothing at all when there are none.
"""

from __future__ import annotations

from html import escape

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from movement_archive.core.html import anchor

from .citations import Citation


def citations_html(citations: list[Citation]) -> SafeString:
    """The citations set by ``citations.attach_citations``; reads only what it loaded (no query)."""
    if not citations:
        return mark_safe("")
    items = []
    for citation in citations:
        source = citation.source
        by = source.sent_in_by
        credit = f" ({_('sent in by %(by)s') % {'by': escape(by)}})" if by else ""
        supports = f": {escape(citation.supports)}" if citation.supports else ""
        items.append(
            f"<li>{anchor(source.get_absolute_url(), source.title)}{credit}, {escape(citation.locator)}{supports}</li>"
        )
    # Safe to mark: every text is escaped above.
    return mark_safe(
        f'<details class="citations" open><summary>{escape(_("Sources"))}</summary><ul>\n'
        f"{''.join(items)}\n</ul></details>"
    )
