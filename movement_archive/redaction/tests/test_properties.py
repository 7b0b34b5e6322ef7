"""Properties over generated texts: nothing inside a span ever reaches a reader or the index, however the markup is
typed and even when it is broken.

Withheld words are drawn from an alphabet found nowhere else (not in the plain text, the tags or the marker), so
"did any of them get out" is decidable: any of their letters in the output is a leak.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from movement_archive.redaction.markup import parse, problems
from movement_archive.redaction.rendering import marked, public, spans, withheld

SECRET = "QXYZ"  # in no tag (any case), no marker, no plain text
MARKER = "[withheld]"
plain_words = st.text(alphabet="abcdefghijklmnop .,\n", max_size=12)
secret_words = st.text(alphabet=SECRET + " ", max_size=12)
reasons = st.text(alphabet="abcdefghijklmnop ", max_size=10)
openings = st.sampled_from(["[redact]", "[REDACT]", "[ redact ]", "[Redact]"]) | reasons.map(
    lambda reason: f'[redact reason="{reason}"]'
)
closings = st.sampled_from(["[/redact]", "[/REDACT]", "[ / redact ]"])


@st.composite
def pieces(draw) -> list[tuple[str, str]]:
    """A text as (role, piece) pairs: plain words, and spans written as opening tag, secret words, closing tag."""
    result = []
    for _ in range(draw(st.integers(0, 5))):
        result.append(("plain", draw(plain_words)))
        if draw(st.booleans()):
            result += [("open", draw(openings)), ("secret", draw(secret_words)), ("close", draw(closings))]
    result.append(("plain", draw(plain_words)))
    return result


def joined(text_pieces: list[tuple[str, str]]) -> str:
    return "".join(piece for _role, piece in text_pieces)


def leaked(output: str) -> set[str]:
    return set(output) & set(SECRET)


@given(pieces())
def test_no_withheld_letter_reaches_a_reader_or_the_index(text_pieces):
    text = joined(text_pieces)

    assert problems(text) == []
    assert leaked(withheld(text, MARKER)) == set()
    assert leaked(public(text)) == set()


@given(pieces())
def test_editors_get_every_withheld_word_back_in_markup_that_reads_the_same(text_pieces):
    text = joined(text_pieces)
    secrets = [piece for role, piece in text_pieces if role == "secret"]

    assert [span.text for span in spans(text)] == secrets
    assert parse(marked(text)) == parse(text)


@given(pieces(), st.integers(1, 50))
def test_the_marker_tells_nothing_of_a_span_s_length(text_pieces, longer):
    text = joined(text_pieces)
    padded = joined([(role, piece + "Q" * longer if role == "secret" else piece) for role, piece in text_pieces])

    assert withheld(text, MARKER) == withheld(padded, MARKER)


@given(pieces(), st.data())
def test_broken_markup_still_withholds_every_withheld_word(text_pieces, data):
    """Closing tags dropped, brackets lost: as a text saved before validation, or by a script, may be."""
    broken = []
    for role, piece in text_pieces:
        if role == "close" and data.draw(st.booleans()):
            continue  # the span runs on
        if role in ("open", "close") and data.draw(st.booleans()):
            piece = piece.removesuffix("]")  # the tag runs on into what follows
        broken.append((role, piece))
    text = joined(broken)

    assert leaked(withheld(text, MARKER)) == set()
    assert leaked(public(text)) == set()


@given(st.text(max_size=80))
def test_any_text_at_all_is_read_without_error_and_each_problem_points_at_a_tag(text):
    parse(text)

    lines = text.split("\n")
    for problem in problems(text):
        assert lines[problem.line - 1][problem.column - 1] == "["


@given(st.text(alphabet=st.characters(blacklist_characters="["), max_size=80))
def test_a_text_with_no_bracket_is_left_exactly_as_it_is(text):
    assert withheld(text, MARKER) == marked(text) == public(text) == text
