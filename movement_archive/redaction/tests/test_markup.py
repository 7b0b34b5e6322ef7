"""Reading the markup editors type: the parts of a text, and what is wrong with it, line and column."""

from __future__ import annotations

import pytest

from movement_archive.redaction.markup import Kind, MarkupError, Plain, Redacted, parse, problems, validate


def test_a_text_without_markup_is_one_plain_part():
    assert parse("She ran the union until 1990.") == [Plain("She ran the union until 1990.")]


def test_an_empty_text_has_no_parts_and_no_problems():
    assert parse("") == []
    assert problems("") == []


def test_a_span_splits_the_text_into_plain_and_redacted_parts():
    text = "She ran it with [redact]Jan Vos[/redact] until 1990."

    assert parse(text) == [Plain("She ran it with "), Redacted("Jan Vos"), Plain(" until 1990.")]
    assert problems(text) == []


def test_a_span_may_say_why_it_is_withheld():
    text = 'Meetings were at [redact reason="a private home"]12 Canal Street[/redact].'

    assert parse(text)[1] == Redacted("12 Canal Street", reason="a private home")
    assert problems(text) == []


def test_tags_are_read_whatever_their_case_and_inner_spaces():
    assert parse("a [ REDACT ]b[/Redact ] c") == [Plain("a "), Redacted("b"), Plain(" c")]


def test_a_span_may_run_over_several_lines():
    assert parse("a [redact]b\nc[/redact] d") == [Plain("a "), Redacted("b\nc"), Plain(" d")]


def test_a_word_run_into_the_tag_is_a_tag_not_understood_and_what_follows_stays_hidden():
    text = "a [redactJan Vos[/redact] b"

    assert [(p.kind, p.tag) for p in problems(text)] == [(Kind.MALFORMED, "[redactJan Vos")]
    assert parse(text) == [Plain("a "), Redacted(""), Plain(" b")]


def test_a_quoted_redacted_is_refused_so_that_the_editor_writes_it_another_way():
    problem, *_also_unclosed = problems("The file said [redacted] here.")

    assert (problem.kind, problem.tag) == (Kind.MALFORMED, "[redacted]")


def test_other_bracketed_words_are_plain_text():
    text = "The file was marked [withheld] and [sic] by the police."

    assert parse(text) == [Plain(text)]
    assert problems(text) == []


def test_an_unclosed_span_is_named_with_its_line_and_column_and_hides_the_rest_of_the_text():
    text = "First line.\nThen [redact]Jan Vos and everything after"

    (problem,) = problems(text)

    assert (problem.kind, problem.line, problem.column) == (Kind.UNCLOSED, 2, 6)
    assert str(problem) == "Line 2, column 6: [redact] is never closed. Add [/redact] where the withheld words end."
    assert parse(text) == [Plain("First line.\nThen "), Redacted("Jan Vos and everything after")]


def test_a_span_opened_inside_another_is_named_and_ends_with_the_outer_one():
    text = "a [redact]b [redact]c[/redact] d[/redact] e"

    (problem,) = problems(text)

    assert (problem.kind, problem.line, problem.column) == (Kind.NESTED, 1, 13)
    assert "opens inside a span already withheld" in str(problem)
    assert parse(text) == [Plain("a "), Redacted("b c d"), Plain(" e")]


def test_a_stray_closing_tag_is_named_and_dropped():
    text = "a [/redact]b"

    (problem,) = problems(text)

    assert (problem.kind, problem.line, problem.column) == (Kind.STRAY, 1, 3)
    assert "closes nothing" in str(problem)
    assert parse(text) == [Plain("a b")]


@pytest.mark.parametrize(
    "tag",
    ["[redact reason=private]", '[redact why="x"]', "[redact-name]", "[/redact now]"],
)
def test_a_tag_that_is_not_understood_is_named_as_typed(tag):
    (problem, *_others) = problems(f"a {tag}b[/redact]")

    assert (problem.kind, problem.column) == (Kind.MALFORMED, 3)
    assert tag in str(problem)
    assert "is not understood" in str(problem)


def test_a_tag_not_understood_still_opens_a_span_so_nothing_meant_hidden_shows():
    assert parse("a [redact reason=private]Jan Vos[/redact] b") == [Plain("a "), Redacted("Jan Vos"), Plain(" b")]


def test_an_opening_tag_without_its_bracket_is_named_and_hides_what_follows():
    text = "a [redact Jan Vos [/redact] b"

    assert [p.kind for p in problems(text)] == [Kind.MALFORMED]
    assert parse(text) == [Plain("a "), Redacted(""), Plain(" b")]


def test_a_long_tag_not_understood_is_shortened_in_its_problem():
    (problem, *_others) = problems("[redact " + "x" * 200 + "]")

    assert len(problem.tag) == 40
    assert problem.tag.endswith("…")


def test_problems_come_in_the_order_of_the_text():
    text = "[/redact] one\n[redact]two [redact]three"

    assert [(p.kind, p.line, p.column) for p in problems(text)] == [
        (Kind.STRAY, 1, 1),
        (Kind.UNCLOSED, 2, 1),
        (Kind.NESTED, 2, 13),
    ]


def test_validate_raises_the_first_problem_and_passes_a_well_formed_text():
    validate("a [redact]b[/redact] c")

    with pytest.raises(MarkupError) as raised:
        validate("a [redact]b")

    assert raised.value.problem.kind == Kind.UNCLOSED
    assert str(raised.value).startswith("Line 1, column 3:")
