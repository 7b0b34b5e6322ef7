"""Comparison keys for organisation names: one spelling for every way of writing the same name."""

from __future__ import annotations

import re
from functools import lru_cache

from anyascii import anyascii

# Legal-form and boilerplate words that a group adds or drops as its paperwork changes ("VANDU" registers
# as "VANDU e.V." or "VANDU Inc."), so they say nothing about which group is meant. The list is closed on
# purpose: words such as "union", "network", "users" or "association" are how the movement names itself and
# tell "Drug Users Union" from "Drug Users Network", so they are never dropped.
NOISE_WORDS = frozenset(
    {
        "the",
        "ev",  # eingetragener Verein (e.V.), Germany
        "vzw",  # vereniging zonder winstoogmerk, Belgium
        "asbl",  # association sans but lucratif, Belgium and Luxembourg
        "ngo",
        "ong",  # the same in French, Spanish and Portuguese
        "nko",  # НКО, the same in Russian
        "inc",
        "ltd",
        "llc",
        "gmbh",
        "ggmbh",
        "cic",  # community interest company, United Kingdom
        "ac",  # asociación civil (A.C.), Latin America
        "ry",  # rekisteröity yhdistys, Finland
    }
)

# Words that nobody puts in an acronym: "Vancouver Area Network of Drug Users" is VANDU, not VANODU, and
# "International Network of People who Use Drugs" is INPUD. Single letters ("y", "e", Russian "с") are
# skipped by length, so they are not listed.
FUNCTION_WORDS = frozenset(
    {
        # English
        *("an", "and", "at", "by", "for", "in", "of", "on", "to", "who", "with"),
        # Romance languages
        *("au", "aux", "com", "con", "da", "das", "de", "del", "della", "des", "di", "do", "dos", "du"),
        *("el", "en", "et", "la", "las", "le", "les", "los", "para", "per", "por", "pour"),
        # Germanic languages
        *("af", "den", "der", "die", "fur", "het", "med", "og", "til", "und", "van", "von", "voor"),
        # Slavic languages, as transliterated
        *("dlya", "na", "po", "pri", "so", "ta"),
    }
)

# Apostrophes vanish rather than split a word: "People's" stays one word, and so do the soft sign and
# the Arabic ain, which anyascii writes as ' and `.
_APOSTROPHES = re.compile(r"['`\u2019]")
# Letters each followed by a dot, as in "V.A.N.D.U." or "e.V.": one abbreviation, whose dots must not
# split it into letters.
_DOTTED_LETTERS = re.compile(r"(?<![0-9a-z])(?:[a-z]\.)+[a-z](?![0-9a-z])\.?")
_NOT_ALPHANUMERIC = re.compile(r"[^0-9a-z]+")
_WORDS = re.compile(r"[^\W_]+")


def name_key(text: str) -> str:
    """Reduce a name to the spelling used to compare it: ASCII, casefolded, without accents or punctuation.

    "Asociación de Usuarios", "ASOCIACION DE USUARIOS" and "Asociacion de Usuarios, A.C." share one key, and
    "Союз людей, употребляющих наркотики" becomes "soyuz lyudey upotreblyayushchikh narkotiki", close to the
    way Latin-script records spell it.
    """
    # anyascii transliterates every script and takes accents off Latin letters ("ó" becomes "o") in one
    # step, so nothing else has to know which script a name came in.
    ascii_text = _APOSTROPHES.sub("", anyascii(text or "")).casefold()
    ascii_text = _DOTTED_LETTERS.sub(lambda letters: letters.group().replace(".", ""), ascii_text)
    words = _join_spelled_out_letters(_NOT_ALPHANUMERIC.sub(" ", ascii_text).split())
    meaningful = [word for word in words if word not in NOISE_WORDS]
    # A name made only of noise words ("The NGO") is still what the group called itself: keep it rather
    # than give it an empty key that matches nothing.
    return " ".join(meaningful or words)


def acronym_of(text: str) -> str:
    """The initials of the significant words of a name, as a key: "vandu" for "Vancouver Area Network of Drug Users".

    Returns "" when fewer than two significant words remain, because one initial would match every name
    that is a single letter. Initials are taken in the name's own script and transliterated afterwards, so
    the acronym of a Russian name spells the Russian acronym ("Ж" gives "zh", as it does inside a word).
    """
    initials = [word[0] for word in _WORDS.findall(_APOSTROPHES.sub("", text or "")) if _is_significant(word)]
    if len(initials) < 2:
        return ""
    return name_key("".join(initials)).replace(" ", "")


# Names share most of their words ("of", "drug", "users"), and building an index for a large archive asks
# about each word many times, so the answers are remembered.
@lru_cache(maxsize=8192)
def _is_significant(word: str) -> bool:
    word_key = _NOT_ALPHANUMERIC.sub("", anyascii(word).casefold())
    return len(word_key) > 1 and word_key not in NOISE_WORDS and word_key not in FUNCTION_WORDS


def _join_spelled_out_letters(words: list[str]) -> list[str]:
    # "V A N D U" and "e. V." become "vandu" and "ev": a run of single letters is one word spelled out, so
    # it has to compare equal to the same word written without spaces.
    if all(len(word) > 1 for word in words):
        return words
    joined: list[str] = []
    run: list[str] = []
    for word in [*words, ""]:
        if len(word) == 1 and word.isalpha():
            run.append(word)
            continue
        if len(run) > 1:
            joined.append("".join(run))
        else:
            joined += run
        run = []
        if word:
            joined.append(word)
    return joined
