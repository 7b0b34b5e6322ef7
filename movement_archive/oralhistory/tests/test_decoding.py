"""Uploaded bytes become text with only the encoding and line endings changed, or a clear refusal."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

from movement_archive.oralhistory.document import FormatError
from movement_archive.oralhistory.text import MAX_BYTES, decode, normalise


def test_a_utf8_byte_order_mark_is_dropped_and_nothing_else():
    assert decode(codecs.BOM_UTF8 + b"WEBVTT\n") == "WEBVTT\n"


def test_only_the_first_mark_is_dropped_from_bytes():
    assert decode(codecs.BOM_UTF8 * 2 + b"x") == "\ufeffx"


def test_windows_and_old_mac_line_endings_become_line_feeds():
    assert decode(b"one\r\ntwo\rthree\n\r\nfour") == "one\ntwo\nthree\n\nfour"


@pytest.mark.parametrize(
    ("encoding", "mark"),
    [
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
        ("utf-32-le", codecs.BOM_UTF32_LE),
        ("utf-32-be", codecs.BOM_UTF32_BE),
    ],
)
def test_utf16_and_utf32_with_their_mark_are_read_in_either_byte_order(encoding, mark):
    text = "[00:01] مريم: كنا هناك\r\n[00:05] Ольга: да"

    assert decode(mark + text.encode(encoding)) == "[00:01] مريم: كنا هناك\n[00:05] Ольга: да"


def test_an_invalid_byte_is_reported_on_the_line_it_is_on():
    data = b"WEBVTT\r\n\r\n00:01.000 --> 00:02.000\rcaf\xe9 au lait\n"

    with pytest.raises(FormatError) as error:
        decode(data)

    assert error.value.line == 4
    assert "not valid UTF-8" in error.value.message
    assert "E9" in error.value.message


def test_utf16_cut_in_the_middle_of_a_character_is_refused_rather_than_guessed():
    with pytest.raises(FormatError, match="not valid UTF-16"):
        decode(codecs.BOM_UTF16_LE + "ok\nok".encode("utf-16-le") + b"\x00")


def test_a_file_over_the_size_limit_is_refused_naming_the_limit():
    with pytest.raises(FormatError) as error:
        decode(b"a" * (MAX_BYTES + 1))

    assert "20 MB" in error.value.message
    assert f"{MAX_BYTES:,} bytes" in error.value.message


def test_text_is_measured_as_the_utf8_it_would_be_saved_as():
    arabic = "ب" * (MAX_BYTES // 2 + 1)  # fewer characters than the limit, but two bytes each

    with pytest.raises(FormatError, match="20 MB"):
        decode(arabic)


def test_a_file_exactly_at_the_limit_is_read():
    assert len(decode(b"a" * MAX_BYTES)) == MAX_BYTES


def test_every_other_character_passes_through_untouched():
    text = "\x00\x0b\x0c nbsp\u00a0 zwj\u200d rlm\u200f mid\ufeffmark \u2028 \u2029 e\u0301 👩🏽‍🦱 \x85 नमस्ते"

    assert decode(text.encode("utf-8")) == text
    assert decode(text) == text


def test_text_given_as_a_string_is_normalised_in_the_same_way():
    assert decode("\ufeffone\r\ntwo\rthree") == "one\ntwo\nthree"
    assert normalise("\ufeffone\r\ntwo") == "one\ntwo"


@given(st.text().filter(lambda t: not t.startswith("\ufeff")).map(lambda t: t.replace("\r", "")))
def test_any_text_without_carriage_returns_survives_encoding_and_decoding(text):
    assert decode(text.encode("utf-8")) == text
    assert decode(codecs.BOM_UTF8 + text.encode("utf-8")) == text
