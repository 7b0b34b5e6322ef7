"""The thin adapter between uploaded or named files and the pure readers of ``movement_archive.oralhistory``."""

from __future__ import annotations

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from movement_archive.oralhistory import ohms, srt, stamped, webvtt
from movement_archive.oralhistory.detect import detect_format
from movement_archive.oralhistory.document import FormatError, InterviewDocument
from movement_archive.oralhistory.text import MAX_BYTES, decode

FORMATS = ("webvtt", "srt", "stamped", "ohms")
_CAPTIONS = {"webvtt": webvtt.read_webvtt, "srt": srt.read_srt, "stamped": stamped.read_stamped}


def read_interview_file(data: bytes, *, kind: str = "auto") -> tuple[str, InterviewDocument]:
    """The format and the document of a file; ``kind`` "auto" tells the format from the content.

    Caption formats carry segments only; OHMS carries the record, its index and its transcripts.
    Raises FormatError, naming the line or element, for a file that cannot be read.
    """
    if len(data) > MAX_BYTES:
        raise FormatError(
            _("the file is %(size)s bytes; the most the archive reads is %(most)s")
            % {
                "size": number_format(len(data), force_grouping=True),
                "most": number_format(MAX_BYTES, force_grouping=True),
            }
        )
    text = decode(data)
    if kind == "auto":
        kind = detect_format(text)
    elif kind not in FORMATS:
        raise FormatError(
            _("“%(kind)s” is not a format the archive reads; it reads %(formats)s")
            % {"kind": kind, "formats": ", ".join(FORMATS)}
        )
    if kind == "ohms":
        return kind, ohms.read_ohms(data)
    return kind, InterviewDocument(segments=_CAPTIONS[kind](text))
