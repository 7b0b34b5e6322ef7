"""A record's text as each reader is given it: the one place that decides who sees redacted words.

Editors (``access.readers.reader_for(user).editor``) see the originals, marked; every other reader, signed in or
not, sees a marker in place of each span. Every reading surface goes through these functions:

- ``shown_html(text, user)`` for pages (or the ``redacted`` template filter), ``shown_text(text, user)`` for
  JSON twins and JSON-LD;
- ``withheld_text(text)`` for excerpts shown alike to everyone (lists, feeds, OAI-PMH, search snippets);
- ``public_text(text)`` for the search index: the spans gone, so their words cannot be found.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from movement_archive.access.readers import reader_for

from . import rendering
from .markup import Kind, Problem, Redacted, has_markup, problems


def marker() -> str:
    # The same few characters for every span, whatever it holds.
    return gettext("[withheld]")


def public_text(text: str) -> str:
    """The text without its redacted spans: what the search index holds. The same in every language."""
    return rendering.public(text or "")


def withheld_text(text: str) -> str:
    """The text with each span replaced by the marker, in the active language: what any reader may read."""
    return rendering.withheld(text or "", marker())


def sees_originals(user) -> bool:
    """Hidden query for a signed-in account's first call (see ``reader_for``)."""
    return reader_for(user).editor


def shown_text(text: str, user) -> str:
    """Plain text for this reader: for editors, the originals in their markup; for anyone else, the markers.

    Reads the reader only when the text holds markup, so a text without any costs no query.
    """
    text = text or ""
    if not has_markup(text):
        return text
    return rendering.marked(text) if sees_originals(user) else withheld_text(text)


def shown_html(text: str, user) -> SafeString:
    """HTML for this reader: each span a ``<span class="redacted">`` marker, or for editors the original words in
    a ``<span class="redacted-shown">`` that says they are withheld from readers. Everything else is escaped."""
    text = text or ""
    if not has_markup(text):
        return escape(text)
    if sees_originals(user):
        return mark_safe(rendering.render(text, plain=escape, redacted=_original_html))
    withheld = format_html('<span class="redacted">{}</span>', marker())
    return mark_safe(rendering.render(text, plain=escape, redacted=lambda span: withheld))


def _original_html(span: Redacted) -> str:
    if span.reason:
        label = gettext("Withheld from readers (%(reason)s):") % {"reason": span.reason}
    else:
        label = gettext("Withheld from readers:")
    return format_html(
        '<span class="redacted-shown"><span class="redacted-label">{}</span> {}</span>', label, span.text
    )


# Validation -------------------------------------------------------------------------------------------------


def problem_message(problem: Problem) -> str:
    """What is wrong, and where, in the editor's language."""
    where = {"line": problem.line, "column": problem.column, "tag": problem.tag}
    if problem.kind == Kind.UNCLOSED:
        message = gettext(
            "Line %(line)s, column %(column)s: %(tag)s is never closed. Add [/redact] where the withheld words end."
        )
    elif problem.kind == Kind.NESTED:
        message = gettext(
            "Line %(line)s, column %(column)s: %(tag)s opens inside a span already withheld. "
            "Close the first with [/redact] first."
        )
    elif problem.kind == Kind.STRAY:
        message = gettext(
            "Line %(line)s, column %(column)s: %(tag)s closes nothing, as no [redact] comes before it. "
            "Remove it or add [redact]."
        )
    else:
        message = gettext(
            'Line %(line)s, column %(column)s: %(tag)s is not understood. Write [redact], [redact reason="…"] '
            "or [/redact]."
        )
    return message % where


def validate_markup(text: str) -> None:
    """Raise ``ValidationError`` listing every problem of the text's markup; usable as a field validator."""
    found = problems(text or "")
    if found:
        raise ValidationError([problem_message(problem) for problem in found], code="redaction")
