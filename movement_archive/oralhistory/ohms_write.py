"""Writing OHMS XML, version 6.0: the version whose published schema the export is checked against.

Pure code: no Django imports. The output validates against the OHMS 6.0 schema (``ohms-6.0.xsd``): every
element in the OHMS namespace, the required ``<version>``, ``<date>``, ``<title>`` and the record's ``id``
and ``dt``, elements in the order of the schema's sequence. Choices the format forces:

- index point times are whole seconds (``xs:int``): milliseconds are rounded to the nearest second, as is
  the duration, written "hh:mm:ss";
- keywords and subjects of an index point are joined with "; ", so a keyword may not contain ";" itself
  (OHMS has no way to escape it): such a document is refused rather than split on reading. Empty and
  blank entries are left out;
- the transcript goes in ``<vtt_transcript>`` as WebVTT, the translation in ``<vtt_transcript_alt>``
  with ``<transcript_alt_lang>`` and ``<translate>1</translate>``;
- text is escaped, never trimmed or dropped. XML 1.0 cannot hold most control characters (U+0000 to U+001F
  other than tab, line feed and carriage return) nor U+FFFE/U+FFFF; a document holding one is refused
  with a ValueError that names the field, so that nothing disappears silently. A carriage return is
  written as ``&#13;`` so that it survives the line-end normalisation of XML parsers;
- empty optional elements are left out; an index place's ``<gps_zoom>`` is required by the schema and
  written empty when there is no zoom.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from decimal import Decimal

from .document import GpsPoint, Hyperlink, IndexPoint, InterviewDocument, Segment
from .ohms_read import NAMESPACE
from .timecodes import clock
from .webvtt import write_webvtt

_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_TEXT_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})
_ATTRIBUTE_ESCAPES = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\r": "&#13;", "\n": "&#10;", "\t": "&#9;"}
)
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")

# An element to write: its name, its attributes and either its text or its child elements.
_Node = tuple[str, dict[str, str], "str | list[_Node]"]


def _checked(value: str, where: str) -> str:
    if bad := _NOT_IN_XML.search(value):
        raise ValueError(
            f"{where} holds the character U+{ord(bad.group()):04X}, which XML 1.0 cannot carry; remove it "
            "from the text before exporting to OHMS"
        )
    return value


# Elements that repeat among their siblings; error messages number them from 1, as the reader does.
_REPEATED = frozenset({"point", "gpspoints", "hyperlinks", "subject", "keyword", "interviewee", "interviewer"})


def _render(node: _Node, here: str, depth: int) -> Iterator[str]:
    """The lines of one element; ``here`` is its path below ``ROOT`` for error messages."""
    name, attributes, content = node
    attrs = "".join(
        f' {key}="{_checked(value, f"{here}/@{key}").translate(_ATTRIBUTE_ESCAPES)}"'
        for key, value in attributes.items()
    )
    indent = "  " * depth
    if isinstance(content, str):
        text = _checked(content, here).translate(_TEXT_ESCAPES)
        yield f"{indent}<{name}{attrs}>{text}</{name}>" if text else f"{indent}<{name}{attrs}/>"
        return
    yield f"{indent}<{name}{attrs}>"
    seen: dict[str, int] = {}
    for child in content:
        seen[child[0]] = seen.get(child[0], 0) + 1
        step = f"{child[0]}[{seen[child[0]]}]" if child[0] in _REPEATED else child[0]
        yield from _render(child, f"{here}/{step}" if here else step, depth + 1)
    yield f"{indent}</{name}>"


def _text(name: str, value: str) -> list[_Node]:
    """An optional element: none at all for an empty value."""
    return [(name, {}, value)] if value else []


def _each(name: str, values: list[str]) -> list[_Node]:
    return [(name, {}, value) for value in values if value]


def _seconds(ms: int) -> int:
    # Half a second rounds up: 1500 ms is written as 2.
    return (ms + 500) // 1000


def _joined(values: list[str], where: str) -> str:
    kept = [value for value in values if value.strip()]
    for value in kept:
        if ";" in value:
            raise ValueError(f"{where}: {value!r} holds ';', which OHMS uses to separate one entry from the next")
    return "; ".join(kept)


def _degrees(value: float) -> str:
    # Shortest exact decimal, never in exponent notation (1e-05), which map links in viewers do not read.
    return format(Decimal(repr(value)), "f")


def _place(place: GpsPoint, where: str) -> _Node:
    if not (-90 <= place.latitude <= 90 and -180 <= place.longitude <= 180):
        raise ValueError(f"{where}: ({place.latitude}, {place.longitude}) is not a latitude and longitude")
    coordinates = f"{_degrees(place.latitude)}, {_degrees(place.longitude)}"
    zoom = "" if place.zoom is None else str(place.zoom)
    return (
        "gpspoints",
        {},
        [("gps", {}, coordinates), ("gps_zoom", {}, zoom)]
        + _text("gps_text", place.text)
        + _text("gps_text_alt", place.text_alt),
    )


def _link(link: Hyperlink, where: str) -> _Node:
    if not link.url.strip():
        raise ValueError(f"{where}: a link needs an address")
    return (
        "hyperlinks",
        {},
        [("hyperlink", {}, link.url)] + _text("hyperlink_text", link.text) + _text("hyperlink_text_alt", link.text_alt),
    )


def _point(point: IndexPoint, n: int) -> _Node:
    where = f"record/index/point[{n}]"
    children: list[_Node] = [("time", {}, str(_seconds(point.time_ms)))]
    for name in ("title", "partial_transcript", "synopsis"):
        children += _text(name, getattr(point, name)) + _text(f"{name}_alt", getattr(point, f"{name}_alt"))
    for name in ("keywords", "subjects"):
        for field in (name, f"{name}_alt"):
            children += _text(field, _joined(getattr(point, field), f"{where}/{field}"))
    children += [_place(place, f"{where}/gpspoints[{k}]") for k, place in enumerate(point.gps_points, 1)]
    children += [_link(link, f"{where}/hyperlinks[{k}]") for k, link in enumerate(point.hyperlinks, 1)]
    return ("point", {}, children)


def _vtt(segments: list[Segment], which: str) -> str:
    for n, segment in enumerate(segments, 1):
        _checked(segment.speaker, f"{which} segment {n} speaker")
        _checked(segment.text, f"{which} segment {n}")
    return write_webvtt(segments) if segments else ""


def _has_translation(doc: InterviewDocument) -> bool:
    alternates = ("title_alt", "partial_transcript_alt", "synopsis_alt", "keywords_alt", "subjects_alt")
    return bool(
        doc.segments_alt
        or doc.language_alt
        or any(getattr(point, name) for point in doc.index for name in alternates)
        or any(place.text_alt for point in doc.index for place in point.gps_points)
        or any(link.text_alt for point in doc.index for link in point.hyperlinks)
    )


def write_ohms(doc: InterviewDocument, *, record_id: int, dt: datetime.date) -> bytes:
    """The document as an OHMS 6.0 XML file, UTF-8 encoded.

    ``record_id`` is the record's ``id`` (an ``xs:int``) and ``dt`` its ``dt``, the day the record was made.
    Raises ValueError for what OHMS cannot carry (see the module docstring).
    """
    if not -(2**31) <= record_id < 2**31:
        raise ValueError(f"record_id {record_id} does not fit OHMS's 32-bit record id")
    date_attributes = {"value": doc.date}
    if _ISO_DAY.fullmatch(doc.date):
        date_attributes["format"] = "yyyy-mm-dd"
    media = "" if doc.media_format not in ("audio", "video") else doc.media_format
    mediafile = _text("host", "Other" if doc.media_url else "") + _text("clip_format", media)
    children: list[_Node] = [
        ("version", {}, "6.0"),
        ("date", date_attributes, ""),
        ("title", {}, doc.title),
        *_text("accession", doc.accession),
        *_text("duration", clock(_seconds(doc.duration_ms) * 1000) if doc.duration_ms else ""),
        *_text("collection_name", doc.collection),
        *_text("repository", doc.repository),
        *_each("subject", doc.subjects),
        *_each("keyword", doc.keywords),
        *_each("interviewee", doc.interviewees),
        *_each("interviewer", doc.interviewers),
        *_text("transcript_alt_lang", doc.language_alt),
        ("translate", {}, "1" if _has_translation(doc) else "0"),
        *_text("media_url", doc.media_url),
        *([("mediafile", {}, mediafile)] if mediafile else []),
        *_text("language", doc.language),
        *([("index", {}, [_point(point, n) for n, point in enumerate(doc.index, 1)])] if doc.index else []),
        *_text("description", doc.description),
        *_text("vtt_transcript", _vtt(doc.segments, "transcript")),
        *_text("vtt_transcript_alt", _vtt(doc.segments_alt, "translation")),
        *_text("rights", doc.rights),
        *_text("fmt", media),
        *_text("usage", doc.usage),
    ]
    record: _Node = ("record", {"id": str(record_id), "dt": dt.isoformat()}, children)
    root: _Node = ("ROOT", {"xmlns": NAMESPACE}, [record])
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', *_render(root, "", 0)]
    return ("\n".join(lines) + "\n").encode("utf-8")
