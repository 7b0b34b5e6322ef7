"""Writing a text out: markers for readers, the originals marked for editors, the spans gone for the index."""

from __future__ import annotations

from movement_archive.redaction.markup import Plain, parse
from movement_archive.redaction.rendering import marked, public, render, spans, withheld

TEXT = 'She ran it with [redact]Jan Vos[/redact] at [redact reason="a home"]12 Canal Street[/redact].'


def test_a_reader_who_may_not_see_the_originals_gets_one_marker_per_span():
    assert withheld(TEXT, "[withheld]") == "She ran it with [withheld] at [withheld]."


def test_the_marker_is_the_same_whatever_the_length_of_the_span():
    short = withheld("a [redact]b[/redact] c", "▮")
    long = withheld("a [redact]" + "b" * 500 + "[/redact] c", "▮")

    assert short == long == "a ▮ c"


def test_a_reader_who_may_gets_the_originals_in_well_formed_markup():
    assert marked(TEXT) == TEXT


def test_badly_formed_markup_comes_out_mended_for_editors():
    assert marked("a [REDACT]b") == "a [redact]b[/redact]"


def test_the_public_text_has_no_trace_of_a_span_and_keeps_words_apart():
    assert public(TEXT).split() == ["She", "ran", "it", "with", "at", "."]
    assert public("Jan[redact]Vos[/redact]Street") == "Jan Street"
    assert public("[redact]Jan[/redact] ran it") == " ran it"


def test_a_text_without_markup_is_given_back_unchanged_by_every_writer():
    text = "She ran the union [from 1981] until 1990."

    assert withheld(text, "[withheld]") == marked(text) == public(text) == text


def test_render_writes_each_kind_of_part_its_own_way():
    html = render(TEXT, plain=str.upper, redacted=lambda span: f"<{len(span.reason)}>")

    assert html == "SHE RAN IT WITH <0> AT <6>."


def test_spans_lists_what_is_withheld_in_order():
    assert [span.text for span in spans(TEXT)] == ["Jan Vos", "12 Canal Street"]
    assert parse(marked(TEXT))[0] == Plain("She ran it with ")
