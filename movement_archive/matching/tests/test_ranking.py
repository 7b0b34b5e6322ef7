"""Records come back best first: the name decides, the place breaks ties, and weak likenesses stay out."""

from movement_archive.matching import Candidate, probable_matches

from .records import ARCHIVE, BERLIN_UNION, BRUGERFORENINGEN, JUNKIEBOND, VSEUKRAINSKAYA_IN_CYRILLIC

DANISH_UNION = Candidate("dk", ("Drug Users Union",), country="DK", city="Copenhagen")
DUTCH_UNION = Candidate("nl", ("Drug Users Union",), country="NL", city="Amsterdam")
ROTTERDAM_UNION = Candidate("nl-rotterdam", ("Drug Users Union",), country="NL", city="Rotterdam")


def test_the_same_name_scores_100_and_says_so():
    [match] = probable_matches(["Junkiebond"], ARCHIVE)

    assert (match.key, match.score, match.reasons) == (JUNKIEBOND.key, 100, ("same name",))


def test_any_of_a_records_names_can_match_and_the_match_says_which():
    [match] = probable_matches(["Brugerforeningen"], ARCHIVE)

    assert match.key == BRUGERFORENINGEN.key
    assert match.name == "Brugerforeningen"


def test_the_best_of_the_contributions_names_counts():
    [match] = probable_matches(["Our group", "Junkie Bond"], ARCHIVE)

    assert match.key == JUNKIEBOND.key
    assert match.reasons == ("similar name (95%)",)


def test_a_different_word_order_still_scores_high():
    best, *others = probable_matches(["Drug Users Union of Berlin"], ARCHIVE)

    assert best.key == BERLIN_UNION.key
    assert best.score >= 90
    # Another drug users union is worth a look, but ranks well below.
    assert [(match.key, match.score < 80) for match in others] == [(BRUGERFORENINGEN.key, True)]


def test_the_same_words_in_another_order_say_so():
    best, *_ = probable_matches(["Union Berlin Drug Users"], ARCHIVE)

    assert best.key == BERLIN_UNION.key
    assert best.score == 99
    assert best.reasons == ("same words in a different order",)


def test_an_unrelated_name_is_not_returned():
    assert probable_matches(["Friends of the Botanical Garden"], ARCHIVE) == []


def test_a_name_only_somewhat_alike_stays_below_the_threshold_but_appears_when_it_is_lowered():
    # It shares the word "junkie" with Junkiebond and little else: too weak for editors by default.
    assert probable_matches(["Rotterdam Junkie Council"], ARCHIVE) == []
    assert [match.key for match in probable_matches(["Rotterdam Junkie Council"], ARCHIVE, threshold=40)][:1] == [
        JUNKIEBOND.key
    ]


def test_without_a_country_equal_names_keep_the_order_the_records_were_given_in():
    matches = probable_matches(["Drug Users Union"], [DANISH_UNION, DUTCH_UNION])

    assert [(match.key, match.score) for match in matches] == [("dk", 100), ("nl", 100)]


def test_the_contributions_country_breaks_a_tie_between_equal_names():
    matches = probable_matches(["Drug Users Union"], [DANISH_UNION, DUTCH_UNION], country="nl")

    assert [(match.key, match.score) for match in matches] == [("nl", 100), ("dk", 95)]
    assert matches[0].reasons == ("same name", "same country")
    assert matches[1].reasons == ("same name", "different country")


def test_the_contributions_city_breaks_a_tie_within_a_country():
    matches = probable_matches(["Drug Users Union"], [DUTCH_UNION, ROTTERDAM_UNION], country="NL", city="Rotterdam")

    assert [match.key for match in matches] == ["nl-rotterdam", "nl"]
    assert matches[0].reasons == ("same name", "same country", "same city")


def test_a_city_written_in_another_script_is_the_same_city():
    [match] = probable_matches(["Vseukrainskaya Assotsiatsiya Lyudey s Narkozavisimostyu"], ARCHIVE, city="Kiev")

    assert match.key == VSEUKRAINSKAYA_IN_CYRILLIC.key
    assert "same city" in match.reasons


def test_a_record_without_a_country_is_neither_helped_nor_hurt_by_the_contributions_country():
    nowhere = Candidate("nowhere", ("Drug Users Union",))

    [match] = probable_matches(["Drug Users Union"], [nowhere], country="NL")

    assert (match.score, match.reasons) == (100, ("same name",))


def test_the_place_never_lifts_a_merely_similar_name_to_100():
    [match] = probable_matches(["Junkie Bond"], ARCHIVE, country="NL", city="Rotterdam")

    assert match.score == 99
    assert match.reasons == ("similar name (95%)", "same country", "same city")


def test_a_same_name_ranks_before_a_similar_name_even_when_both_reach_the_ceiling():
    similar = Candidate("similar", ("Drug Users Unions",), country="NL", city="Amsterdam")

    matches = probable_matches(["Drug Users Union"], [similar, DUTCH_UNION], country="NL", city="Amsterdam")

    assert [(match.key, match.score) for match in matches] == [("nl", 100), ("similar", 99)]


def test_the_limit_keeps_only_the_best():
    matches = probable_matches(["Drug Users Union"], [DANISH_UNION, DUTCH_UNION, ROTTERDAM_UNION], limit=2)

    assert [match.key for match in matches] == ["dk", "nl"]


def test_a_record_appears_once_however_many_of_its_names_match():
    both = Candidate("both", ("Drug Users Union", "Drug Users Union Amsterdam"))

    assert [match.key for match in probable_matches(["Drug Users Union", "Drug Users Union Amsterdam"], [both])] == [
        "both"
    ]
