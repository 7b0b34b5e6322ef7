"""PDF documents: rebuilt from their pages alone, with what the pages reach cleaned on the way.

The new document gets a fresh catalog holding nothing but the page tree, no information dictionary and no file
identifier, so the author, the software, the dates, XMP, scripts, automatic actions, embedded files, forms,
bookmarks and earlier saved versions stay behind. See ``pdf_clean`` for what is cut from the pages themselves.

What stays is the content: text, drawings, fonts, images (their pixels unchanged) and links to pages and web
addresses. Words on a page that name someone are content too and are the contributor's to leave out.
"""

from __future__ import annotations

import io

from pypdf import PdfReader, PdfWriter

from .errors import RejectedFile
from .kinds import PDF
from .pdf_clean import LABELS, clean_pages, document_findings, named_destinations
from .result import Scrubbed

DAMAGED = (
    "the PDF is damaged in a way that mixes its hidden details into its pages, so it cannot be cleaned safely; "
    "open it and save or print it as a new PDF, then send that"
)
# Bytes only metadata carries. A damaged file can make pypdf read one object into another (a stream with a wrong
# length swallows the objects after it), which carries what was cut back in as page content. The check is on
# the raw bytes because that is where such leftovers sit: the streams pypdf copies keep their compression.
_TELL_TALES = (b"<x:xmpmeta", b"<?xpacket", b"Exif\x00\x00", b"/Author", b"/Creator", b"/Producer")
ENCRYPTED = (
    "the PDF is encrypted (protected by a password, or against copying or printing); "
    "save a copy without protection and send that"
)


def scrub_pdf(data: bytes) -> Scrubbed:
    """Read ``data`` as a PDF and return a new document made of its cleaned pages."""
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise RejectedFile(ENCRYPTED)
        pages = list(reader.pages)
        if not pages:
            raise RejectedFile("the PDF has no pages")
        removed = document_findings(reader, data) | clean_pages(pages, named_destinations(reader))
        writer = PdfWriter()
        for page in pages:
            writer.add_page(page)
        # pypdf gives every new document an information dictionary naming pypdf as its producer; software
        # names are what we are removing, so the dictionary goes entirely.
        writer.metadata = None
        out = io.BytesIO()
        writer.write(out)
        if any(tell_tale in out.getvalue() for tell_tale in _TELL_TALES):
            raise RejectedFile(DAMAGED)
    except RejectedFile:
        raise
    except Exception as exc:
        # pypdf raises many unrelated exception types on damaged input; to a contributor they all mean the
        # file cannot be read, and the reason is kept for whoever helps them.
        raise RejectedFile(f"the PDF cannot be read: {exc or type(exc).__name__}") from exc
    return Scrubbed(
        data=out.getvalue(),
        media_type=PDF.media_type,
        extension=PDF.extension,
        pages=len(pages),
        removed=tuple(label for label in LABELS if label in removed),
    )
