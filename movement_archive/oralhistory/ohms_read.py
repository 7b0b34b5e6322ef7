"""Reading OHMS XML (the Oral History Metadata Synchronizer of the Nunn Center, University of Kentucky).

Pure code: no Django imports. One reader for every shape OHMS has written:

- legacy (OHMS 3 to 5): ``<ROOT><record>`` with a plain-text ``<transcript>`` timed by a ``<sync>`` string
  of minute markers (see ``ohms_sync``), and a translation in ``<transcript_alt>`` / ``<sync_alt>``;
- index points (all versions): ``<index><point>`` with ``<time>`` in seconds, ``<title>``,
  ``<partial_transcript>``, ``<synopsis>``, ``<keywords>`` and ``<subjects>`` separated by semicolons, each
  with an ``_alt`` twin in the language of the translation;
- places and links in a point: OHMS 5 repeats ``<gpspoints>`` (``<gps>`` "latitude, longitude",
  ``<gps_zoom>``, ``<gps_text>``, ``<gps_text_alt>``) and ``<hyperlinks>`` (``<hyperlink>``,
  ``<hyperlink_text>``, ``<hyperlink_text_alt>``); older files put one of each straight in ``<point>``.
  Both are read, the direct ones first;
- OHMS 6: ``<vtt_transcript>`` and ``<vtt_transcript_alt>`` hold WebVTT (in CDATA or escaped), with
  ``<transcript_alt_lang>`` and ``<translate>``. Where a record has both a WebVTT and a plain transcript,
  the WebVTT wins. Two habits of OHMS exports are allowed for: a missing ``WEBVTT`` header line, and a last
  cue that ends at ``00:00:00.000`` (read as a segment with no end).

Elements may be in the OHMS namespace or in none; elements this reader does not know are skipped.
Record metadata maps to ``InterviewDocument``: ``<date value>`` (or, failing it, ``<date_nonpreferred_format>``)
to ``date``; ``<duration>`` "h:mm:ss" to ``duration_ms`` (OHMS writes 00:00:00 for "not known", read as
None); ``<fmt>`` (or ``<mediafile><clip_format>``) to ``media_format``; ``<collection_name>`` to
``collection``; each ``<interviewee>``, ``<interviewer>``, ``<keyword>`` and ``<subject>`` to one entry.

Strict where a mistake would corrupt the archive, tolerant of mess: a FormatError names the line (XML
syntax) or the element (``record/index/point[3]/time``, positions counted from 1) for a file over 20 MB, a
DTD or entity declaration (refused outright, against entity-expansion attacks), broken XML, a missing
``<record>``, an index time that is not a number of seconds, coordinates that are not two numbers in range,
a place or link text with no coordinates or address, a sync string that points outside its transcript,
or a duration that is not a clock time. A byte-order mark (UTF-8, or UTF-16 whatever the declaration says),
CRLF line ends, white space before the declaration or around values, empty elements and missing optional
elements are all accepted; values are read with white space trimmed, transcripts exactly.
"""

from __future__ import annotations

import codecs
import re
import xml.etree.ElementTree as ET
from dataclasses import replace
from decimal import Decimal

import defusedxml.ElementTree as DefusedET
from defusedxml import DefusedXmlException

from .document import FormatError, GpsPoint, Hyperlink, IndexPoint, InterviewDocument, Segment
from .ohms_sync import sync_segments
from .text import MAX_BYTES, decode
from .timecodes import check_bound, clock
from .timecodes import parse as parse_timecode
from .webvtt import read_webvtt

NAMESPACE = "https://www.weareavp.com/nunncenter/ohms"

_SECONDS = re.compile(r"\d+(?:\.\d+)?")
_NUMBER = r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)"
_COORDINATES = re.compile(rf"\s*\(?\s*({_NUMBER})\s*(?:,\s*|\s+)({_NUMBER})\s*\)?\s*")
_ZOOM = re.compile(r"[+-]?\d+")
_INDEX_TEXTS = ("title", "title_alt", "partial_transcript", "partial_transcript_alt", "synopsis", "synopsis_alt")
_INDEX_LISTS = ("keywords", "keywords_alt", "subjects", "subjects_alt")
_OPEN_END = re.compile(r"^(?P<timing>[ \t]*(?P<start>\S+)[ \t]+-->[ \t]+)(?:00:)?00:00\.000(?=[ \t]|$)", re.MULTILINE)


def _is_ohms_namespace(uri: str) -> bool:
    # Files in the wild carry the namespace with http:// as well as https://, and the XSD itself declares a
    # default namespace ending in /ohms.xsd; any of them means OHMS.
    bare = uri.removeprefix("https://").removeprefix("http://").removesuffix("/ohms.xsd").rstrip("/")
    return uri == "" or bare == "www.weareavp.com/nunncenter/ohms"


def _local(element: ET.Element) -> str | None:
    """The element's name without its namespace, or None for an element of another vocabulary."""
    tag = element.tag
    if not isinstance(tag, str):
        return None
    if tag.startswith("{"):
        uri, _, name = tag[1:].partition("}")
        return name if _is_ohms_namespace(uri) else None
    return tag


def _children(parent: ET.Element | None, name: str) -> list[ET.Element]:
    return [] if parent is None else [child for child in parent if _local(child) == name]


def _child(parent: ET.Element | None, name: str) -> ET.Element | None:
    found = _children(parent, name)
    return found[0] if found else None


def _raw(element: ET.Element | None) -> str:
    return "" if element is None else "".join(element.itertext())


def _field(parent: ET.Element | None, name: str) -> str:
    return _raw(_child(parent, name)).strip()


def _fields(parent: ET.Element, name: str) -> list[str]:
    return [value for child in _children(parent, name) if (value := _raw(child).strip())]


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(";") if part.strip()]


def _line_of(data: bytes | str, needle: str) -> int | None:
    if isinstance(data, bytes):
        at = data.find(needle.encode("ascii"))
        return data.count(b"\n", 0, at) + 1 if at >= 0 else None
    at = data.find(needle)
    return data.count("\n", 0, at) + 1 if at >= 0 else None


def _parse(data: bytes | str) -> ET.Element:
    # A string's UTF-8 is at most four bytes a character: only long strings need encoding to be measured.
    size = (
        len(data)
        if not isinstance(data, str) or len(data) * 4 <= MAX_BYTES
        else len(data.encode("utf-8", "surrogatepass"))
    )
    if size > MAX_BYTES:
        raise FormatError(
            f"the file is {size:,} bytes; the limit is 20 MB, and OHMS files of long interviews are far smaller"
        )
    if isinstance(data, bytes) and data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # Saved as UTF-16 by an editor that left the declaration saying UTF-8: the mark is right, so decode
        # here, where the parser would refuse the mismatch. Other bytes go to the parser undecoded, so that
        # a declared encoding (ISO-8859-1, say) is honoured.
        data = decode(data)
    # White space before the XML declaration is an error to the parser but a harmless slip in a file: skip
    # it, and count the lines skipped so that error lines still match the file.
    if isinstance(data, str):
        text = data.removeprefix("\ufeff")
        payload: bytes | str = text.lstrip()
        skipped = text[: len(text) - len(payload)].count("\n")
    else:
        raw = data.removeprefix(b"\xef\xbb\xbf")
        payload = raw.lstrip(b" \t\r\n")
        skipped = raw[: len(raw) - len(payload)].count(b"\n")
    try:
        return DefusedET.fromstring(payload, forbid_dtd=True)
    except ET.ParseError as error:
        line, column = error.position
        reason = str(error).rsplit(": line", 1)[0]
        raise FormatError(f"the XML is not well formed: {reason} (column {column + 1})", line=line + skipped) from None
    except DefusedXmlException:
        line = _line_of(payload, "<!DOCTYPE") or _line_of(payload, "<!ENTITY")
        raise FormatError(
            "the file declares a document type or entities, which OHMS files never need; they are refused "
            "because they can make a small file expand without end",
            line=line + skipped if line else None,
        ) from None
    except (LookupError, ValueError) as error:
        raise FormatError(f"the file cannot be decoded: {error}", line=1) from None


def _ms_of_seconds(value: str, element: str) -> int:
    if not value:
        raise FormatError("the index point has no time; give it in seconds from the start", element=element)
    if not _SECONDS.fullmatch(value):
        raise FormatError(f"{value[:40]!r} is not a time in seconds (such as 754)", element=element)
    if len(value) > 20:
        raise FormatError(f"{value[:24]!r}… has more digits than any time in seconds", element=element)
    return check_bound(round(Decimal(value) * 1000), value, element=element)


def _duration(value: str) -> int | None:
    if not value:
        return None
    try:
        ms = parse_timecode(value, short_fraction=True)
    except FormatError as error:
        raise FormatError(f"the duration {error.message}", element="record/duration") from None
    return ms or None


def _date(record: ET.Element) -> str:
    date = _child(record, "date")
    if date is not None and (value := (date.get("value") or _raw(date)).strip()):
        return value
    return _field(record, "date_nonpreferred_format")


def _media_format(record: ET.Element) -> str:
    # Old files write "video:<player id>" in <fmt>; only the part before the colon is the format.
    for value in (_field(record, "fmt"), _field(_child(record, "mediafile"), "clip_format")):
        kind = value.partition(":")[0].strip().lower()
        if kind in ("audio", "video"):
            return kind
    return ""


def _gps(holder: ET.Element, path: str) -> GpsPoint | None:
    coordinates, zoom = _field(holder, "gps"), _field(holder, "gps_zoom")
    text, text_alt = _field(holder, "gps_text"), _field(holder, "gps_text_alt")
    if not coordinates:
        if text or text_alt:
            raise FormatError(f"the place {text or text_alt!r} has no coordinates", element=f"{path}/gps")
        return None  # an empty block, or a zoom left at its default
    match = _COORDINATES.fullmatch(coordinates)
    if not match:
        raise FormatError(f"{coordinates!r} is not 'latitude, longitude' in decimal degrees", element=f"{path}/gps")
    latitude, longitude = float(match.group(1)), float(match.group(2))
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        raise FormatError(
            f"{coordinates!r} is out of range: latitude runs from -90 to 90, longitude from -180 to 180",
            element=f"{path}/gps",
        )
    if zoom and not _ZOOM.fullmatch(zoom):
        raise FormatError(f"{zoom!r} is not a whole-number map zoom", element=f"{path}/gps_zoom")
    return GpsPoint(latitude, longitude, int(zoom) if zoom else None, text, text_alt)


def _hyperlink(holder: ET.Element, path: str) -> Hyperlink | None:
    url, text, text_alt = (_field(holder, name) for name in ("hyperlink", "hyperlink_text", "hyperlink_text_alt"))
    if not url:
        if text or text_alt:
            raise FormatError(f"the link {text or text_alt!r} has no address", element=f"{path}/hyperlink")
        return None
    return Hyperlink(url, text, text_alt)


def _places_and_links(point: ET.Element, path: str) -> tuple[list[GpsPoint], list[Hyperlink]]:
    places = [_gps(block, f"{path}/gpspoints[{n}]") for n, block in enumerate(_children(point, "gpspoints"), 1)]
    links = [_hyperlink(block, f"{path}/hyperlinks[{n}]") for n, block in enumerate(_children(point, "hyperlinks"), 1)]
    places, links = [p for p in places if p], [link for link in links if link]
    # Transitional exports repeat the first block straight in <point>; keep such a twin once.
    direct_place, direct_link = _gps(point, path), _hyperlink(point, path)
    if direct_place and direct_place not in places:
        places.insert(0, direct_place)
    if direct_link and direct_link not in links:
        links.insert(0, direct_link)
    return places, links


def _index(record: ET.Element, duration_ms: int | None) -> list[IndexPoint]:
    points = []
    for n, point in enumerate(_children(_child(record, "index"), "point"), 1):
        path = f"record/index/point[{n}]"
        time_ms = _ms_of_seconds(_field(point, "time"), f"{path}/time")
        if duration_ms and time_ms > duration_ms:
            raise FormatError(
                f"the point is at {clock(time_ms)}, after the end of the recording ({clock(duration_ms)} in "
                "record/duration): correct the point's time, or the duration",
                element=f"{path}/time",
            )
        places, links = _places_and_links(point, path)
        points.append(
            IndexPoint(
                time_ms=time_ms,
                **{name: _field(point, name) for name in _INDEX_TEXTS},
                **{name: _split(_field(point, name)) for name in _INDEX_LISTS},
                gps_points=places,
                hyperlinks=links,
            )
        )
    return points


def _vtt_segments(vtt: str, element: str) -> list[Segment]:
    """The WebVTT of an OHMS 6 record, allowing for two habits of OHMS exports that WebVTT itself refuses."""
    shift = 0
    if not vtt.startswith("WEBVTT"):
        # Some exports leave out the WEBVTT line that opens every WebVTT file (the Science History
        # Institute's reader adds it back too).
        vtt, shift = "WEBVTT\n\n" + vtt, 2
    open_ended: set[int] = set()

    def close(match: re.Match[str]) -> str:
        # Some exports end their last cue at 00:00:00.000, meaning "to the end of the recording"; a WebVTT
        # reader rightly refuses an end before the start, so the cue is read as having no end.
        try:
            start = parse_timecode(match["start"])
        except FormatError:
            return match[0]  # the WebVTT reader will say what is wrong with it
        if start == 0:
            return match[0]
        open_ended.add(start)
        return match["timing"] + match["start"]

    try:
        segments = read_webvtt(_OPEN_END.sub(close, vtt))
    except FormatError as error:
        where = f" (line {error.line - shift} of the WebVTT)" if error.line is not None else ""
        raise FormatError(f"{error.message}{where}", element=element) from None
    return [
        replace(segment, end_ms=None)
        if segment.start_ms in open_ended and segment.end_ms == segment.start_ms
        else segment
        for segment in segments
    ]


def _transcript(record: ET.Element, suffix: str = "") -> list[Segment]:
    # Pretty-printed files put white space before the WebVTT header; it is not part of the WebVTT.
    vtt = _raw(_child(record, f"vtt_transcript{suffix}")).lstrip()
    if vtt:
        return _vtt_segments(vtt, f"record/vtt_transcript{suffix}")
    # Not stripped: the sync markers count lines from the very first character.
    text = _raw(_child(record, f"transcript{suffix}"))
    if not text.strip():
        return []
    return sync_segments(text, _field(record, f"sync{suffix}"), element=f"record/sync{suffix}")


def read_ohms(data: bytes | str) -> InterviewDocument:
    """Read one OHMS XML file, of any version, into an InterviewDocument.

    Raises FormatError naming the line or element that is wrong. Only the first ``<record>`` is read:
    OHMS writes one per file.
    """
    root = _parse(data)
    record = root if _local(root) == "record" else _child(root, "record")
    if record is None:
        raise FormatError("there is no <record> element, so this is not an OHMS file", element="record")
    duration_ms = _duration(_field(record, "duration"))
    return InterviewDocument(
        title=_field(record, "title"),
        date=_date(record),
        interviewees=_fields(record, "interviewee"),
        interviewers=_fields(record, "interviewer"),
        language=_field(record, "language"),
        language_alt=_field(record, "transcript_alt_lang"),
        duration_ms=duration_ms,
        media_url=_field(record, "media_url"),
        media_format=_media_format(record),
        rights=_field(record, "rights"),
        usage=_field(record, "usage"),
        repository=_field(record, "repository"),
        collection=_field(record, "collection_name"),
        accession=_field(record, "accession"),
        description=_field(record, "description"),
        keywords=_fields(record, "keyword"),
        subjects=_fields(record, "subject"),
        segments=_transcript(record),
        segments_alt=_transcript(record, "_alt"),
        index=_index(record, duration_ms),
    )
