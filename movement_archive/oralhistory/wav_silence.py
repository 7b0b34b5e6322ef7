"""Silence restricted passages of a WAV recording while it is served, byte range by byte range.

Uncompressed PCM is the one kind of recording whose bytes map to times by arithmetic: the audio data starts at a
fixed offset and each sample frame has a fixed size. So any byte range a player asks for can be served with the
frames of closed passages replaced by silence, without decoding or rewriting the file. Compressed formats (MP3,
AAC, Opus, video) have no such map; the archive does not serve those to a reader who may not hear a passage.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from typing import BinaryIO

from .passages import Range


class NotPCM(ValueError):
    """Not a WAV file of plain PCM samples."""


@dataclass(frozen=True)
class Layout:
    data_start: int  # byte offset of the first sample frame
    data_size: int
    frame_size: int  # bytes per frame: channels * bytes per sample
    rate: int  # frames per second
    bits: int

    @property
    def silence(self) -> bytes:
        """One frame of silence: the mid-point for 8-bit (unsigned) samples, zero for wider (signed) ones."""
        return (b"\x80" if self.bits == 8 else b"\x00") * self.frame_size

    def byte_ranges(self, closed: list[Range]) -> list[Range]:
        """The closed passages as byte ranges of the file, frame-aligned, within the audio data."""
        spans = []
        for start_ms, end_ms in closed:
            first = self.data_start + (start_ms * self.rate // 1000) * self.frame_size
            last = self.data_start + -(-end_ms * self.rate // 1000) * self.frame_size
            first, last = max(first, self.data_start), min(last, self.data_start + self.data_size)
            if last > first:
                spans.append((first, last))
        return spans


def read_layout(head: bytes) -> Layout:
    """The layout of a WAV file from its first bytes (a few kilobytes suffice for any ordinary header)."""
    if len(head) < 12 or head[:4] != b"RIFF" or head[8:12] != b"WAVE":
        raise NotPCM("not a RIFF WAVE file")
    position, fmt = 12, None
    while position + 8 <= len(head):
        chunk_id, size = head[position : position + 4], struct.unpack("<I", head[position + 4 : position + 8])[0]
        body = position + 8
        if chunk_id == b"fmt ":
            fmt = struct.unpack("<HHIIHH", head[body : body + 16])
        elif chunk_id == b"data":
            if fmt is None:
                raise NotPCM("the data chunk comes before the format chunk")
            audio_format, _channels, rate, _, block_align, bits = fmt
            if audio_format not in (1, 0xFFFE) or not block_align or not rate:
                raise NotPCM("the samples are not plain PCM")
            return Layout(body, size, block_align, rate, bits)
        position = body + size + (size & 1)  # chunks are padded to an even length
    raise NotPCM("no data chunk in the first bytes")


def silenced(handle: BinaryIO, first: int, last: int, spans: list[Range], chunk: int = 64 * 1024, silence=b"\x00"):
    """Yield bytes ``first`` to ``last`` (inclusive) of the file, those inside ``spans`` replaced by ``silence``
    (one frame of it, repeated; spans are frame-aligned, so frames stay whole)."""
    handle.seek(first)
    position = first
    while position <= last:
        data = bytearray(handle.read(min(chunk, last - position + 1)))
        if not data:
            return
        end = position + len(data)
        for span_start, span_end in spans:
            lo, hi = max(span_start, position), min(span_end, end)
            if hi > lo:
                offset = (lo - span_start) % len(silence)
                pattern = (silence * ((hi - lo) // len(silence) + 2))[offset : offset + hi - lo]
                data[lo - position : hi - position] = pattern
        yield bytes(data)
        position = end
