"""The markup editors type in a record's text to withhold some of its words, read into parts.

    She ran the union with [redact]Jan Vos[/redact] until 1990.
    The meetings were at [redact reason="still a private home"]12 Canal Street[/redact].

Pure code: no Django imports, so it is tested on plain strings (``tests/test_purity.py``).

Two readings of the same text, from one scan:

- ``parse`` never fails. A text saved before validation existed, or written by a script, may be badly formed; it
  is read so that nothing an editor meant to hide can show. An unclosed span runs to the end of the text, a span
  opened inside another ends with the outer one, a tag that is not understood still opens or closes a span, and a
  stray closing tag is dropped.
- ``problems`` lists what is wrong, each with its line and column, so that the back office can refuse the text.

Tags are recognised whatever their case and the spaces inside the brackets (``[ REDACT ]``), since an editor
who types them so means them. Anything else starting with ``[redact`` is a tag not understood, ``[redacted]`` too:
read as plain text, ``[redactJan Vos[/redact]`` (a space forgotten) would show the name. A quoted document's own
"[redacted]" is written another way, "(redacted)" for instance.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

OPEN = "[redact]"
CLOSE = "[/redact]"

# Anything that starts like a tag. The rest of it runs to the next bracket; without a "]" it is unfinished.
_TAG = re.compile(r"\[\s*(?P<slash>/)?\s*redact(?P<rest>[^\[\]]*)(?P<end>\])?", re.IGNORECASE)
_REASON = re.compile(r'\s+reason\s*=\s*"(?P<reason>[^"]*)"\s*', re.IGNORECASE)
_SHOWN_OF_A_TAG = 40  # characters of a tag not understood quoted in its problem


@dataclass(frozen=True)
class Plain:
    text: str


@dataclass(frozen=True)
class Redacted:
    """Words withheld from readers; ``reason`` is the editor's note on why, for other editors only."""

    text: str
    reason: str = ""


Part = Plain | Redacted


class Kind(enum.StrEnum):
    UNCLOSED = "unclosed"
    NESTED = "nested"
    STRAY = "stray"
    MALFORMED = "malformed"


@dataclass(frozen=True)
class Problem:
    kind: Kind
    line: int  # from 1
    column: int  # from 1, in characters
    tag: str  # the tag as typed (shortened)

    def __str__(self) -> str:
        where = f"Line {self.line}, column {self.column}"
        if self.kind == Kind.UNCLOSED:
            return f"{where}: {self.tag} is never closed. Add {CLOSE} where the withheld words end."
        if self.kind == Kind.NESTED:
            return f"{where}: {self.tag} opens inside a span already withheld. Close the first with {CLOSE} first."
        if self.kind == Kind.STRAY:
            return f"{where}: {self.tag} closes nothing, as no {OPEN} comes before it. Remove it or add {OPEN}."
        return f'{where}: {self.tag} is not understood. Write {OPEN}, [redact reason="…"] or {CLOSE}.'


class MarkupError(ValueError):
    """A text whose markup is badly formed; ``problem`` is the first thing wrong in it."""

    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


def parse(text: str) -> list[Part]:
    """The text as plain and redacted parts, in order; adjacent plain parts are joined. Never raises."""
    return _scan(text)[0]


def problems(text: str) -> list[Problem]:
    """Everything wrong with the text's markup, in the order it comes in the text."""
    return _scan(text)[1]


def validate(text: str) -> None:
    """Raise ``MarkupError`` naming the first problem, if there is one."""
    found = problems(text)
    if found:
        raise MarkupError(found[0])


def has_markup(text: str) -> bool:
    """Whether anything in the text looks like a tag: a cheap test before reading it into parts."""
    return bool(text) and _TAG.search(text) is not None


def _scan(text: str) -> tuple[list[Part], list[Problem]]:
    parts: list[Part] = []
    found: list[Problem] = []
    plain: list[str] = []
    hidden: list[str] = []
    depth, reason, opened_at, position = 0, "", None, 0

    def problem(kind: Kind, at: int, tag: str) -> None:
        line, column = line_and_column(text, at)
        shortened = tag if len(tag) <= _SHOWN_OF_A_TAG else tag[: _SHOWN_OF_A_TAG - 1] + "…"
        found.append(Problem(kind, line, column, shortened))

    for tag in _TAG.finditer(text):
        (hidden if depth else plain).append(text[position : tag.start()])
        position = tag.end()
        closing = tag["slash"] is not None
        rest = tag["rest"]
        understood = tag["end"] is not None and (
            not rest.strip() if closing else (not rest.strip() or _REASON.fullmatch(rest) is not None)
        )
        if not understood:
            problem(Kind.MALFORMED, tag.start(), tag.group())
        if closing:
            if depth == 0:
                if understood:
                    problem(Kind.STRAY, tag.start(), tag.group())
                continue
            depth -= 1
            if depth == 0:
                parts += _flush(plain) + [Redacted("".join(hidden), reason)]
                hidden = []
        else:
            if depth == 0:
                opened_at = tag
                matched = _REASON.fullmatch(rest) if understood else None
                reason = matched["reason"].strip() if matched else ""
            elif understood:
                problem(Kind.NESTED, tag.start(), tag.group())
            depth += 1

    (hidden if depth else plain).append(text[position:])
    if depth:
        # Fail closed: the words after an unclosed tag stay withheld.
        problem(Kind.UNCLOSED, opened_at.start(), opened_at.group())
        parts += _flush(plain) + [Redacted("".join(hidden), reason)]
    else:
        parts += _flush(plain)
    found.sort(key=lambda p: (p.line, p.column))
    return parts, found


def _flush(pieces: list[str]) -> list[Part]:
    """The plain text gathered so far as one part (none if empty), and an empty list to gather the next."""
    joined = "".join(pieces)
    pieces.clear()
    return [Plain(joined)] if joined else []


def line_and_column(text: str, at: int) -> tuple[int, int]:
    """Where character ``at`` is, both from 1, as an editor counts in the field."""
    line_start = text.rfind("\n", 0, at) + 1
    return text.count("\n", 0, at) + 1, at - line_start + 1
