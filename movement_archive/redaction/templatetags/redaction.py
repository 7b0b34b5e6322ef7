"""``{{ person.biography|redacted:request.user }}``: a record's text as this reader may see it, as safe HTML."""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString

from movement_archive.redaction.text import shown_html

register = template.Library()


@register.filter
def redacted(text: str, user) -> SafeString:
    """Escaped text with each redacted span a marker, or for editors the original marked (``text.shown_html``)."""
    return shown_html(text, user)
