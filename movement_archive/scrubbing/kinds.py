"""The kinds of file accepted, told apart by their first bytes rather than by their names."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    description: str  # with its article, to slot into sentences: "holds a PDF document"
    media_type: str
    extension: str  # the one the stored file gets
    extensions: frozenset[str]  # every spelling a contributor's file may use
    pillow_format: str | None = None  # None for PDF, which Pillow must never be asked to open

    @property
    def is_image(self) -> bool:
        return self.pillow_format is not None


JPEG = Kind("a JPEG image", "image/jpeg", ".jpg", frozenset({".jpg", ".jpeg", ".jpe", ".jfif"}), "JPEG")
PNG = Kind("a PNG image", "image/png", ".png", frozenset({".png"}), "PNG")
WEBP = Kind("a WebP image", "image/webp", ".webp", frozenset({".webp"}), "WEBP")
GIF = Kind("a GIF image", "image/gif", ".gif", frozenset({".gif"}), "GIF")
PDF = Kind("a PDF document", "application/pdf", ".pdf", frozenset({".pdf"}))

KINDS = (JPEG, PNG, WEBP, GIF, PDF)

# PDF readers accept the header anywhere in the first kilobyte, and some producers put junk before it.
_PDF_HEADER_WINDOW = 1024


def detect(data: bytes) -> Kind | None:
    """The kind of file ``data`` is, judged from its magic bytes alone; None when it is none we accept."""
    if data.startswith(b"\xff\xd8\xff"):
        return JPEG
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return WEBP
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return GIF
    if b"%PDF-" in data[:_PDF_HEADER_WINDOW]:
        return PDF
    return None


def extension_of(filename: str) -> str:
    """The lower-cased extension of a file name, with its dot, or "" when the name has none.

    Browsers on Windows have been known to send a full path, so only the part after the last separator counts.
    """
    name = filename.replace("\\", "/").rsplit("/", 1)[-1].strip()
    stem, dot, extension = name.rpartition(".")
    if not dot or not stem or not extension:
        return ""
    return f".{extension.lower()}"
