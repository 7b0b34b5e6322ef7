"""Which format an uploaded file is in, told from its text, and the caption formats read in one call.

Pure code: no Django imports. ``detect_format`` looks, in this order, for:

- ``"webvtt"``: the text starts with the line ``WEBVTT`` (blank lines before it are tolerated here, so that
  the reader can say exactly what is wrong);
- ``"ohms"``: after an optional XML declaration, comments, a doctype and whitespace, the first element is
  ``ROOT``, with or without a namespace prefix (``<ROOT xmlns="https://www.weareavp.com/nunncenter/ohms">``,
  ``<ohms:ROOT ...>``);
- ``"srt"``: the first non-blank line is a timing line (``00:00:01,000 --> 00:00:04,000``), or a sequence
  number with a timing line under it;
- ``"stamped"``: a stamp such as ``[00:01:02]`` or ``[01:02]`` anywhere in the text.

Anything else is a ``FormatError`` listing what was looked for. An XML document whose first element is not
ROOT is refused as such rather than read as stamped text.
"""

from __future__ import annotations

import re

from . import srt, stamped, webvtt
from .document import FormatError, Segment
from .text import decode

FORMATS = ("webvtt", "srt", "stamped", "ohms")

_WEBVTT = re.compile(r"\s*WEBVTT(?:[ \t\n]|$)")
# Whatever may come before an XML document's first element: its declaration, comments, processing instructions,
# a doctype (without an internal subset) and whitespace.
_XML_PROLOGUE = re.compile(r"(?:\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>\[]*>)*", re.DOTALL)
_FIRST_ELEMENT = re.compile(r"<((?:[A-Za-z_][\w.-]*:)?)([A-Za-z_][\w.-]*)(?=[\s/>])")
_SRT = re.compile(r"\s*(?:\d+[ \t]*\n[ \t]*)?(?:\d+:)?\d{1,2}:\d{2}[.,]\d+[ \t]*-->")

LOOKED_FOR = (
    "a first line WEBVTT (WebVTT); a timing line such as 00:00:01,000 --> 00:00:04,000, or a sequence number "
    "and one, at the start (SRT); time stamps such as [00:01:02] in the text (stamped text); an XML document "
    "whose root element is ROOT (OHMS)"
)


def detect_format(text: str) -> str:
    """One of ``FORMATS`` for the text, or a ``FormatError`` that says what was looked for."""
    text = text.removeprefix("\ufeff")
    if _WEBVTT.match(text):
        return "webvtt"
    start = _XML_PROLOGUE.match(text).end()
    if text.startswith("<", start):
        element = _FIRST_ELEMENT.match(text, start)
        if element and element[2] == "ROOT":
            return "ohms"
        if text.lstrip().startswith("<?xml"):
            found = f"its root element is <{element[1]}{element[2]}>" if element else "its root element is unreadable"
            raise FormatError(f"this is an XML document, but {found}, not ROOT (OHMS). Looked for: {LOOKED_FOR}")
    if _SRT.match(text):
        return "srt"
    if stamped.has_stamp(text):
        return "stamped"
    raise FormatError(f"could not tell the file's format. Looked for: {LOOKED_FOR}")


def read_captions(data: bytes | str) -> list[Segment]:
    """The segments of an uploaded WebVTT, SRT or stamped-text file, whichever it is."""
    text = decode(data)
    kind = detect_format(text)
    if kind == "webvtt":
        return webvtt.read_webvtt(text)
    if kind == "srt":
        return srt.read_srt(text)
    if kind == "stamped":
        return stamped.read_stamped(text)
    raise FormatError("this is an OHMS XML document, not captions: import it as OHMS to keep its index and metadata")
