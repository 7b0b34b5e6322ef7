"""JPEG 2000 files as a run of boxes, with the boxes that carry metadata left out.

Used for the JPEG 2000 images inside PDF documents. XML boxes hold XMP, UUID boxes hold EXIF and GeoJP2
positions, association boxes hold GML map coordinates; none of them is needed to draw the picture.
"""

from __future__ import annotations

_DROPPED = frozenset({b"xml ", b"uuid", b"uinf", b"asoc", b"jp2i"})
# A bare codestream has no boxes at all, only the start-of-codestream and image-size markers.
_CODESTREAM = b"\xff\x4f\xff\x51"


def strip_metadata(data: bytes) -> tuple[bytes, bool]:
    """``data`` without its top-level metadata boxes, and whether any was left out.

    Raises ValueError when the box structure is damaged.
    """
    if data.startswith(_CODESTREAM):
        return data, False
    kept = []
    cut = False
    position = 0
    while position < len(data):
        length = int.from_bytes(data[position : position + 4], "big")
        box_type = data[position + 4 : position + 8]
        header = 8
        if length == 1:
            length = int.from_bytes(data[position + 8 : position + 16], "big")
            header = 16
        elif length == 0:
            length = len(data) - position
        if len(box_type) < 4 or length < header or position + length > len(data):
            raise ValueError("a JPEG 2000 image in the document is damaged")
        if box_type in _DROPPED:
            cut = True
        else:
            kept.append(data[position : position + length])
        position += length
    return b"".join(kept), cut
