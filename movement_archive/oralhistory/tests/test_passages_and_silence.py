"""The arithmetic of restricted passages, and silencing them in a WAV file byte range by byte range."""

from __future__ import annotations

import io
import wave

import pytest
from hypothesis import given
from hypothesis import strategies as st

from movement_archive.oralhistory.passages import merged, open_parts, touches
from movement_archive.oralhistory.wav_silence import NotPCM, read_layout, silenced


def wav(frames: bytes, rate: int = 1000, width: int = 2, channels: int = 1) -> bytes:
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(channels)
        out.setsampwidth(width)
        out.setframerate(rate)
        out.writeframes(frames)
    return buffer.getvalue()


def test_overlapping_and_touching_passages_are_joined():
    assert merged([(5, 9), (0, 3), (3, 4), (8, 12), (20, 20)]) == [(0, 4), (5, 12)]


def test_a_stretch_that_runs_into_a_passage_is_in_it_and_one_that_ends_at_its_start_is_not():
    closed = [(4000, 8000)]
    assert touches(3000, 4001, closed)
    assert not touches(0, 4000, closed)
    assert touches(7999, None, closed)
    assert not touches(8000, None, closed)


def test_only_the_parts_outside_every_passage_are_kept():
    moments = [0, 4500, 9000]
    assert open_parts(moments, [(4000, 8000)], start=lambda m: m) == [0, 9000]


def test_silencing_replaces_exactly_the_frames_of_the_passage():
    frames = bytes(range(1, 201)) * 10  # 1,000 16-bit frames at 1,000 a second: one a millisecond
    data = wav(frames)
    layout = read_layout(data[:4096])
    spans = layout.byte_ranges([(100, 200)])
    out = b"".join(silenced(io.BytesIO(data), 0, len(data) - 1, spans, 64, layout.silence))
    start = layout.data_start
    assert out[: start + 200] == data[: start + 200]
    assert out[start + 200 : start + 400] == b"\x00" * 200
    assert out[start + 400 :] == data[start + 400 :]


@given(first=st.integers(0, 2100), length=st.integers(1, 600), chunk=st.integers(3, 97))
def test_any_byte_range_reads_what_the_whole_silenced_file_holds(first, length, chunk):
    data = wav(bytes(range(256)) * 8, width=2)
    layout = read_layout(data)
    spans = layout.byte_ranges([(50, 130), (700, 900)])
    whole = b"".join(silenced(io.BytesIO(data), 0, len(data) - 1, spans, 1000, layout.silence))
    last = min(first + length, len(data)) - 1
    part = b"".join(silenced(io.BytesIO(data), first, last, spans, chunk, layout.silence))
    assert part == whole[first : last + 1]


def test_eight_bit_audio_is_silenced_at_its_middle_value():
    data = wav(bytes([200]) * 100, width=1)
    layout = read_layout(data)
    assert layout.silence == b"\x80"


def test_a_file_that_is_not_pcm_wav_is_refused_with_a_reason():
    with pytest.raises(NotPCM, match="not a RIFF WAVE"):
        read_layout(b"OggS" + bytes(40))
