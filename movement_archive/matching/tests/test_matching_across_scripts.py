"""A contribution finds its record however either of them is written: accents, case and script set aside."""

from movement_archive.matching import Candidate, probable_matches

from .records import ARAB_NETWORK, ARCHIVE, ASOCIACION, ENOSI, SOYUZ_IN_LATIN, VSEUKRAINSKAYA_IN_CYRILLIC


def test_a_name_typed_without_accents_is_the_same_name():
    [match] = probable_matches(["Asociacion de usuarios"], ARCHIVE)

    assert match.key == ASOCIACION.key
    assert match.score == 100
    assert match.name == "Asociación de Usuarios"
    assert match.reasons == ("same name once accents and script are set aside",)


def test_a_cyrillic_contribution_finds_the_record_spelled_in_latin_letters():
    [match] = probable_matches(["Союз людей, употребляющих наркотики"], ARCHIVE)

    # "Lyudei" and "lyudey" are two romanizations of the same Russian word.
    assert match.key == SOYUZ_IN_LATIN.key
    assert match.score >= 95
    assert match.reasons == ("similar name (98%)",)


def test_a_latin_contribution_finds_the_record_spelled_in_cyrillic():
    [match] = probable_matches(["Vseukrainskaya Assotsiatsiya Lyudey s Narkozavisimostyu"], ARCHIVE)

    assert match.key == VSEUKRAINSKAYA_IN_CYRILLIC.key
    assert match.score == 100
    assert match.reasons == ("same name once accents and script are set aside",)


def test_a_greek_contribution_finds_the_record_written_in_greeklish():
    # Greeklish writes "Χ" as "x" where anyascii writes "ch": one letter apart, still a strong match.
    [match] = probable_matches(["Ένωση Χρηστών Ναρκωτικών"], ARCHIVE)

    assert match.key == ENOSI.key
    assert match.score >= 90


def test_arabic_spelling_variants_of_ta_marbuta_and_hamza_are_the_same_name():
    # Written with ه for ة and a bare alef for إ, as many people type Arabic.
    [match] = probable_matches(["الشبكه الاقليميه للحد من الضرر"], ARCHIVE)

    assert match.key == ARAB_NETWORK.key
    assert match.score == 100


def test_a_record_in_any_script_is_found_by_a_contribution_in_the_same_script():
    thai = Candidate("thai", ("เครือข่ายผู้ใช้ยา",))
    chinese = Candidate("chinese", ("中国吸毒者网络",))

    assert [match.key for match in probable_matches(["เครือข่ายผู้ใช้ยา"], [thai, chinese])] == ["thai"]
    assert [match.key for match in probable_matches(["中国吸毒者网络"], [thai, chinese])] == ["chinese"]
