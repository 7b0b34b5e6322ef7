"""Folding, ranking by names and snippets, on plain strings: the parts of search that need no database."""

from __future__ import annotations

from movement_archive.core.folding import folded_copy
from movement_archive.search import text


def test_folding_drops_case_and_accents_including_letters_unicode_does_not_decompose():
    assert text.fold("Dirk SCHÄFFER") == "dirk schaffer"
    assert text.fold("Zoë") == "zoe"
    assert text.fold("Jørgen Kjær") == "jorgen kjaer"


def test_a_query_is_reduced_to_its_words_so_no_search_syntax_reaches_the_backend():
    assert text.words('"VANDU" OR (drug*) -users') == ["VANDU", "OR", "drug", "users"]
    assert text.folded_terms("Zoë zoe DODD") == ("zoe", "dodd")


def test_an_acronym_or_other_name_typed_in_full_is_an_exact_name():
    names = ["Vancouver Area Network of Drug Users", "VANDU"]
    assert text.name_tier(("vandu",), names) == text.EXACT_NAME
    assert text.name_tier(("vancouver", "drug", "users"), names) == text.ALL_WORDS_IN_NAME
    assert text.name_tier(("vancou", "drug"), names) == text.ALL_PREFIXES_IN_NAME
    assert text.name_tier(("overdose",), names) == text.ELSEWHERE


def test_words_spread_over_two_names_do_not_count_as_a_name_match():
    assert text.name_tier(("brugerforeningen", "danish"), ["Brugerforeningen", "Danish Drug Users Union"]) == (
        text.ELSEWHERE
    )


def test_a_snippet_marks_the_matched_words_whatever_their_accents_and_case():
    found = text.snippet("Dirk Schäffer of JES speaks about consumption rooms.", ("schaffer", "jes"))
    assert found.html == "Dirk <mark>Schäffer</mark> of <mark>JES</mark> speaks about consumption rooms."
    assert found.text == "Dirk Schäffer of JES speaks about consumption rooms."


def test_a_snippet_escapes_the_record_text_before_marking_it():
    found = text.snippet('<script>alert("Quokka")</script> & friends', ("quokka",))
    assert "<script>" not in found.html
    assert found.html == "&lt;script&gt;alert(&quot;<mark>Quokka</mark>&quot;)&lt;/script&gt; &amp; friends"
    assert found.text == '<script>alert("Quokka")</script> & friends'


def test_a_long_text_is_cut_around_the_match_with_ellipses():
    filler = " ".join(f"word{n}" for n in range(100))
    found = text.snippet(f"{filler} the Junkiebond began here. {filler}", ("junkie",), size=12)
    assert found.text.startswith(text.ELLIPSIS) and found.text.endswith(text.ELLIPSIS)
    assert "<mark>Junkiebond</mark>" in found.html
    assert len(found.text.split()) <= 12


def test_short_terms_mark_whole_words_only():
    found = text.snippet("often one of many", ("of",))
    assert found.html == "often one <mark>of</mark> many"


def test_the_snippet_comes_from_the_text_with_the_most_matched_words():
    description = "A Danish union of people who use drugs."
    other_names = "Also known as: Danish Drug Users Union"
    assert text.best_text([description, other_names], ("danish", "drug", "users")) == other_names
    assert text.best_text([description, other_names], ("union",)) == description
    assert text.best_text(["", "   ", other_names], ("nothing",)) == other_names


def test_only_texts_with_accents_get_a_folded_copy_for_the_index():
    assert folded_copy(["Brun González", "Plain Name", "", None, "Jørgen Kjær"]) == "brun gonzalez jorgen kjaer"
    assert folded_copy(["Plain Name", "VANDU"]) == ""
