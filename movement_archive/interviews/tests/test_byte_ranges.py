"""A player seeking in a recording asks for a stretch of bytes; the archive answers exactly that stretch."""

from __future__ import annotations

import pytest

from movement_archive.interviews.ranges import Unsatisfiable, byte_range


def test_no_range_or_another_unit_sends_the_whole_file():
    assert byte_range(None, 1000) is None
    assert byte_range("", 1000) is None
    assert byte_range("items=0-5", 1000) is None


def test_a_closed_range_is_sent_as_asked_and_cut_at_the_end_of_the_file():
    assert byte_range("bytes=0-499", 1000) == (0, 499)
    assert byte_range("bytes=500-5000", 1000) == (500, 999)


def test_an_open_range_runs_to_the_end_and_a_suffix_range_is_the_last_bytes():
    assert byte_range("bytes=100-", 1000) == (100, 999)
    assert byte_range("bytes=-300", 1000) == (700, 999)
    assert byte_range("bytes=-3000", 1000) == (0, 999)


def test_several_ranges_get_the_first_and_malformed_ones_are_ignored():
    assert byte_range("bytes=0-9, 20-29", 1000) == (0, 9)
    assert byte_range("bytes=abc", 1000) is None
    assert byte_range("bytes=-", 1000) is None
    assert byte_range("bytes=9-3", 1000) is None


def test_a_range_past_the_end_cannot_be_satisfied():
    with pytest.raises(Unsatisfiable):
        byte_range("bytes=1000-", 1000)
    with pytest.raises(Unsatisfiable):
        byte_range("bytes=-0", 1000)
