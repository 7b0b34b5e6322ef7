"""Whatever a public form sends, matching answers calmly: nothing to compare means nothing matched."""

from movement_archive.matching import Candidate, probable_matches

from .records import ARCHIVE, VANDU


def test_empty_and_punctuation_only_names_match_nothing():
    assert probable_matches(["", "   ", "!!!", "—", "..."], ARCHIVE) == []


def test_no_names_at_all_match_nothing():
    assert probable_matches([], ARCHIVE) == []


def test_a_record_whose_names_are_all_punctuation_is_never_returned():
    blank = Candidate("blank", ("", "?", "--"))

    assert probable_matches(["?"], [blank], threshold=0) == []
    assert probable_matches(["Drug Users Union"], [blank], threshold=0) == []


def test_an_empty_archive_matches_nothing():
    assert probable_matches(["VANDU"], []) == []


def test_a_lone_string_is_taken_as_one_name_not_as_letters():
    assert probable_matches("VANDU", ARCHIVE) == probable_matches(["VANDU"], ARCHIVE)
    assert [match.key for match in probable_matches("VANDU", ARCHIVE)] == [VANDU.key]


def test_a_limit_of_zero_returns_nothing():
    assert probable_matches(["VANDU"], ARCHIVE, limit=0) == []


def test_a_record_given_one_name_as_a_plain_string_is_read_as_that_name():
    careless = Candidate("careless", "Junkiebond")

    assert [match.reasons for match in probable_matches(["Junkiebond"], [careless])] == [("same name",)]
