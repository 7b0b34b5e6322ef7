"""A name's key keeps what identifies a group and sets aside how the name happened to be written."""

from movement_archive.matching import name_key


def test_accents_and_case_do_not_change_the_key():
    assert name_key("Asociación de Usuarios") == name_key("ASOCIACION DE USUARIOS") == "asociacion de usuarios"


def test_a_cyrillic_name_is_keyed_in_latin_letters():
    assert name_key("Союз людей, употребляющих наркотики") == "soyuz lyudey upotreblyayushchikh narkotiki"


def test_a_greek_name_in_capitals_is_keyed_like_the_same_name_in_small_letters():
    assert name_key("ΕΝΩΣΗ ΧΡΗΣΤΩΝ") == name_key("Ένωση Χρηστών") == "enosi christon"


def test_punctuation_and_extra_spaces_do_not_change_the_key():
    assert name_key("  Drug-Users   Union (Berlin)! ") == "drug users union berlin"


def test_apostrophes_do_not_split_a_word():
    assert name_key("People’s Union") == name_key("People's Union") == "peoples union"


def test_dotted_and_spaced_out_abbreviations_become_one_word():
    assert name_key("V.A.N.D.U.") == name_key("V A N D U") == name_key("vandu") == "vandu"


def test_legal_form_words_are_dropped():
    assert name_key("VANDU e.V.") == name_key("VANDU e. V.") == name_key("VANDU Inc.") == "vandu"
    assert name_key("The Drug Users Union Ltd") == "drug users union"
    assert name_key("Asociación de Usuarios, A.C.") == "asociacion de usuarios"


def test_the_words_the_movement_names_itself_with_are_kept():
    assert name_key("Drug Users Union") != name_key("Drug Users Network")
    assert name_key("International Network of People who Use Drugs").split() == [
        "international",
        "network",
        "of",
        "people",
        "who",
        "use",
        "drugs",
    ]
    assert "union" in name_key("The Union").split()


def test_a_name_made_only_of_legal_form_words_keeps_them_rather_than_vanish():
    assert name_key("The NGO") == "the ngo"


def test_empty_or_punctuation_only_names_have_an_empty_key():
    assert name_key("") == ""
    assert name_key("  — !!! ... ") == ""
