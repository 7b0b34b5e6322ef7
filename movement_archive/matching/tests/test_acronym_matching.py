"""An acronym and the full name it stands for find each other, whichever of the two the contribution gives."""

from movement_archive.matching import Candidate, probable_matches

from .records import ARCHIVE, INPUD, VANDU


def test_an_acronym_finds_the_record_known_by_its_full_name():
    [match] = probable_matches(["VANDU"], ARCHIVE)

    assert match.key == VANDU.key
    assert match.score == 90
    assert match.name == "Vancouver Area Network of Drug Users"
    assert match.reasons == ("acronym",)


def test_a_full_name_finds_the_record_known_by_its_acronym():
    [match] = probable_matches(["International Network of People who Use Drugs"], ARCHIVE)

    assert match.key == INPUD.key
    assert match.reasons == ("acronym",)


def test_a_dotted_acronym_is_the_same_acronym():
    assert [match.key for match in probable_matches(["V.A.N.D.U."], ARCHIVE)] == [VANDU.key]


def test_two_full_names_with_the_same_initials_are_not_matched_as_acronyms():
    vienna = Candidate("vienna", ("Vienna Association of Needle Distribution Users",))

    assert probable_matches(["Vancouver Area Network of Drug Users"], [vienna]) == []


def test_an_acronym_of_two_letters_is_not_evidence():
    union = Candidate("du", ("Drogen Union",))

    assert probable_matches(["DU"], [union]) == []
