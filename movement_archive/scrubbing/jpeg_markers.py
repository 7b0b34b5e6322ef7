"""JPEG data as a run of marker segments, with the segments that carry metadata cut out.

Used for the JPEG images inside PDF documents. Cutting segments leaves every pixel exactly as it was, where
decoding and re-encoding would cost quality on every scanned page. Phone apps that turn photos into PDFs often
embed the camera's JPEG untouched, EXIF and GPS position included, so this matters as much as the PDF's own
metadata.
"""

from __future__ import annotations

_SOI = b"\xff\xd8"
_EOI = 0xD9
_SOS = 0xDA
_APP14 = 0xEE
# Markers without a length: TEM and the restart markers.
_STANDALONE = frozenset({0x01, *range(0xD0, 0xD8)})
# What a decoder needs: frame headers and entropy tables (C0–CF), quantisation tables, line count, restart
# interval and hierarchical progression (DB–DF). APPn, COM and everything unassigned goes.
_NEEDED = frozenset({*range(0xC0, 0xD0), 0xDB, 0xDC, 0xDD, 0xDE, 0xDF})


def strip_metadata(data: bytes) -> tuple[bytes, bool]:
    """``data`` without its APPn and COM segments and without anything after the end-of-image marker.

    The Adobe APP14 segment stays, because it tells decoders how to read CMYK and RGB colours. Returns the
    cleaned bytes and whether anything was cut; raises ValueError when the bytes are not JPEG data.
    """
    if not data.startswith(_SOI):
        raise ValueError("an image in the document says it is JPEG but is not")
    kept = [_SOI]
    cut = False
    position = 2
    while position < len(data):
        marker, position = _marker_at(data, position)
        if marker == _EOI:
            kept.append(b"\xff\xd9")
            # Bytes after the end are never drawn; phones put second pictures and vendor trailers there.
            cut = cut or position < len(data)
            break
        if marker in _STANDALONE:
            kept.append(bytes((0xFF, marker)))
            continue
        end = position + int.from_bytes(data[position : position + 2], "big")
        if end - position < 2 or end > len(data):
            raise ValueError("a JPEG image in the document is damaged")
        if marker == _SOS:
            end = _end_of_scan(data, end)
            kept.append(data[position - 2 : end])
        elif marker in _NEEDED or (marker == _APP14 and data[position + 2 : position + 7] == b"Adobe"):
            kept.append(data[position - 2 : end])
        else:
            cut = True
        position = end
    return b"".join(kept), cut


def _marker_at(data: bytes, position: int) -> tuple[int, int]:
    """The marker starting at ``position`` and where its segment's body begins."""
    if data[position] != 0xFF:
        raise ValueError("a JPEG image in the document is damaged")
    # Any number of 0xFF fill bytes may come before a marker code.
    while position + 1 < len(data) and data[position + 1] == 0xFF:
        position += 1
    if position + 1 >= len(data):
        raise ValueError("a JPEG image in the document is damaged")
    return data[position + 1], position + 2


def _end_of_scan(data: bytes, position: int) -> int:
    """Where the entropy-coded data starting at ``position`` ends: at the next marker that is not part of it."""
    while True:
        position = data.find(b"\xff", position)
        if position < 0 or position + 1 >= len(data):
            # Damaged files end mid-scan; viewers draw what there is, so it is kept as it is.
            return len(data)
        following = data[position + 1]
        # A stuffed zero and the restart markers belong to the scan; a second 0xFF is fill before a marker.
        if following == 0x00 or 0xD0 <= following <= 0xD7:
            position += 2
        elif following == 0xFF:
            position += 1
        else:
            return position
