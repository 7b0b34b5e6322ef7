"""An acronym is the initials of the words that carry meaning, the way groups actually shorten their names."""

from movement_archive.matching import acronym_of, name_key


def test_the_initials_skip_small_words():
    assert acronym_of("Vancouver Area Network of Drug Users") == "vandu"
    assert acronym_of("International Network of People who Use Drugs") == "inpud"
    assert acronym_of("Eurasian Harm Reduction Network") == "ehrn"


def test_legal_form_words_add_no_letter():
    assert acronym_of("Vancouver Area Network of Drug Users e.V.") == "vandu"


def test_a_russian_acronym_is_taken_in_cyrillic_and_spelled_like_the_russian_acronym():
    # "Ж" is "zh" in Latin letters: the initials must be transliterated after they are taken, not before.
    assert acronym_of("Жизнь Здоровье Люди") == name_key("ЖЗЛ") == "zhzl"


def test_a_name_of_one_word_has_no_acronym():
    assert acronym_of("Junkiebond") == ""
    assert acronym_of("The Union") == ""


def test_an_empty_or_punctuation_only_name_has_no_acronym():
    assert acronym_of("") == ""
    assert acronym_of("?!") == ""
