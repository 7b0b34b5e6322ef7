"""The single entry point: check an upload's size, kind and name, then clean it according to its kind."""

from __future__ import annotations

from .errors import RejectedFile
from .images import scrub_image
from .kinds import detect, extension_of
from .pdf import scrub_pdf
from .result import Scrubbed

NEITHER = "only images (JPEG, PNG, WebP, GIF) and PDF documents are accepted; this file is neither"


def scrub(data: bytes, *, filename: str, max_bytes: int) -> Scrubbed:
    """Check an uploaded file and return a copy that carries nothing but its content.

    Raises ``RejectedFile`` when the file is too large, is not an accepted kind, is named as another kind, or
    cannot be read in full. The size is checked before any parser sees the bytes, so an oversized upload costs
    nothing but the comparison. CPU-bound: decoding and re-encoding a large photo takes a noticeable fraction
    of a second, so call it once per upload and keep the result.
    """
    if max_bytes <= 0:
        raise ValueError(f"max_bytes must be positive, not {max_bytes}")
    if len(data) > max_bytes:
        raise RejectedFile(f"the file is {len(data):,} bytes; the most accepted is {max_bytes:,}")
    if not data:
        raise RejectedFile("the file is empty")

    kind = detect(data)
    if kind is None:
        raise RejectedFile(NEITHER)

    extension = extension_of(filename)
    if not extension:
        raise RejectedFile(f"the file name has no extension; it holds {kind.description}, so name it {kind.extension}")
    if extension not in kind.extensions:
        raise RejectedFile(f"the file says it is a {extension} but holds {kind.description}")

    return scrub_image(data, kind) if kind.is_image else scrub_pdf(data)
