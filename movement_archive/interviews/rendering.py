"""The transcript as HTML, written in Python rather than by the template engine.

A three-hour interview holds about 4,000 segments; a template loop spends about 25 microseconds on each, too
much for a page that must render in 50 ms. Every piece of text is escaped here, and the result is marked safe
only by ``transcript_html``.
"""

from __future__ import annotations

from html import escape

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from movement_archive.search.text import fold

from .queries import Line


def clock(ms: int) -> str:
    """A moment as people read it: 4:05, 1:02:03."""
    seconds = ms // 1000
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"


def seconds(ms: int) -> str:
    """A moment in the form of media fragments (``#t=83.5``) and of the page's ``?t=`` parameter."""
    whole, fraction = divmod(ms, 1000)
    return f"{whole}.{fraction:03d}".rstrip("0").rstrip(".") if fraction else str(whole)


def moment_url(interview, ms: int) -> str:
    """The interview's page opened on a moment (``?t=83.5``): what the page's own links and the search use."""
    return f"{interview.get_absolute_url()}?t={seconds(ms)}"


def matches(line: Line, terms: tuple[str, ...]) -> bool:
    """Whether a line holds every folded term (in its text, translation or speaker)."""
    folded = fold(f"{line.speaker} {line.text} {line.translation}")
    return all(term in folded for term in terms)


def transcript_html(
    lines: list[Line], *, media_url: str, language: str, translation_language: str = "", current: int | None = None
) -> SafeString:
    """The transcript as an ordered list, one item per segment, each with a link to its moment.

    With a recording served by the archive, the link is a media fragment (``recording#t=83``), which browsers
    play from that moment without any script; without one, it is the segment's own address on the page.
    ``current`` marks the segment a deep link points at.
    """
    # What is the same on every line is escaped once: 4,000 lines make the per-line cost count. The transcript's
    # language is given once, on the list; only the translation's spans say theirs.
    label_before, label_after = escape(_("Play from %(time)s")).split("%(time)s", 1)
    beside_open = f'<span class="translation" lang="{escape(translation_language)}">'
    link_base = f"{escape(media_url)}#t=" if media_url else "?t="
    speakers: dict[str, str] = {}  # a few people speak thousands of lines
    parts = []
    for position, start_ms, end_ms, speaker, text, translation in lines:
        moment, time = seconds(start_ms), clock(start_ms)
        href = f"{link_base}{moment}" if media_url else f"{link_base}{moment}#s{position}"
        end = "" if end_ms is None else f' data-end="{end_ms}"'
        mark = ' aria-current="true" class="current"' if position == current else ""
        who = speakers.get(speaker)
        if who is None:
            who = speakers[speaker] = f'<b class="speaker">{escape(speaker)}</b> ' if speaker else ""
        beside = f"{beside_open}{escape(translation)}</span>" if translation else ""
        parts.append(
            f'<li id="s{position}" data-start="{start_ms}"{end}{mark}><a class="moment" href="{href}" '
            f'aria-label="{label_before}{time}{label_after}">{time}</a> '
            f'<span class="said">{who}{escape(text)}</span>{beside}</li>'
        )
    return mark_safe(f'<ol class="transcript" id="transcript" lang="{escape(language)}">{"".join(parts)}</ol>')
