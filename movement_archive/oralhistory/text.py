"""Uploaded bytes into the text the readers parse, changing nothing but the encoding and the line endings.

Pure code: no Django imports. ``decode`` refuses input over ``MAX_BYTES``; drops a byte-order mark; reads
UTF-16 or UTF-32 (little- or big-endian) when a mark says so and strict UTF-8 otherwise; and turns CRLF and
lone CR into LF. Every other character, including control characters and U+FEFF after the start, is kept.
"""

from __future__ import annotations

import codecs

from .document import FormatError

MAX_BYTES = 20 * 1024 * 1024  # 20 MB: hours of captions take a few MB; larger uploads are mistakes or abuse

# The UTF-32 little-endian mark begins with the UTF-16 one, so it is tried first.
_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode(data: bytes | str) -> str:
    """The text of an uploaded file, or a ``FormatError`` naming the limit or the line of a bad byte."""
    if _over_limit(data):
        raise FormatError(
            f"the file is larger than the limit of 20 MB ({MAX_BYTES:,} bytes): split it, or remove what is not "
            "transcript"
        )
    if isinstance(data, str):
        return normalise(data)
    raw, encoding = bytes(data), "utf-8"
    for mark, name in _MARKS:
        if raw.startswith(mark):
            raw, encoding = raw[len(mark) :], name
            break
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as error:
        raise _decode_error(raw, encoding, error) from None
    # The mark was dropped as bytes; a U+FEFF after it is a character of the text (or a second mark that a
    # reader may drop), not this function's to remove.
    return _line_feeds(text)


def normalise(text: str) -> str:
    """Drop a leading byte-order mark and make every line end in LF; readers call this on text given to them."""
    return _line_feeds(text.removeprefix("\ufeff"))


def _line_feeds(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _over_limit(data: bytes | str) -> bool:
    if not isinstance(data, str):
        return len(data) > MAX_BYTES
    # Text is measured as the UTF-8 it would be saved as. A string already longer in characters than the limit
    # is over it in bytes too, and is refused without encoding it all; surrogatepass counts a stray surrogate
    # rather than failing on it.
    return len(data) > MAX_BYTES or len(data.encode("utf-8", "surrogatepass")) > MAX_BYTES


def _decode_error(raw: bytes, encoding: str, error: UnicodeDecodeError) -> FormatError:
    # The line is counted the way the readers will count it: CRLF and lone CR are line breaks too.
    before = _line_feeds(raw[: error.start].decode(encoding, "replace"))
    line = before.count("\n") + 1
    bad = raw[error.start : error.end].hex(" ").upper()
    label = encoding[:6].upper()  # UTF-8, UTF-16 or UTF-32
    return FormatError(f"the file is not valid {label}: cannot read the byte(s) {bad}; save it as UTF-8", line=line)
