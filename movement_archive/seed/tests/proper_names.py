"""Find the candidate proper names in a text: the words a reader would take for names of things.

A candidate is a run of capitalised words, which may be joined by the small words that names contain
("Network of People who Use Drugs", "Theo van Dam"), or an acronym. Punctuation ends a run, except the
full stop of an initial ("Simon W. Beddoe"). Words that open a sentence ("In", "Since", "Their") are
dropped from the front of a run when the texts also use them in lower case.
"""

from __future__ import annotations

import re
import unicodedata

CONNECTORS = {"of", "for", "who", "the", "van", "on", "usagers", "de", "drogues"}
TOKEN = re.compile(r"[^\W_](?:[\w’'ʼ-]*[^\W_])?\.?|[^\w\s]", re.UNICODE)


def normalise(text: str) -> str:
    """Case, accents, quotes, possessives and punctuation do not make a different name."""
    text = unicodedata.normalize("NFKD", text.replace("\u00a0", " "))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = re.sub(r"['’ʼ]s\b", "", text)
    text = re.sub(r"[^\w\s]", " ", text)
    return " ".join(text.split())


def _is_name_word(token: str) -> bool:
    return token[:1].isalpha() and token[:1].isupper()


def candidates(text: str) -> set[str]:
    lower_words = {w.casefold() for w in re.findall(r"(?<![\w’'])[a-zà-ÿ][\w’']*", text)}
    found: set[str] = set()
    # Single words seen only where a sentence opens ("However", "Prisons") are not taken for names
    # unless the texts also capitalise them mid-sentence ("Mainliners").
    opening_only: set[str] = set()
    mid_sentence: set[str] = set()

    def close(run: list[str], at_start: bool = False) -> None:
        while run and run[-1].casefold() in CONNECTORS:
            run.pop()
        while len(run) > 1 and run[0].casefold() in lower_words:
            run.pop(0)
            while run and run[0].casefold() in CONNECTORS:
                run.pop(0)
        if not run:
            return
        name = " ".join(run).rstrip(".")
        if len(run) == 1:
            if len(name) == 1 or (name.casefold() in lower_words and not name.isupper()):
                return  # a letter, or an ordinary word that happens to open a sentence
            (opening_only if at_start else mid_sentence).add(name)
            return
        found.add(name)

    for line in text.replace("\u00a0", " ").splitlines():
        run: list[str] = []
        sentence_start = True
        run_at_start = False
        for token in TOKEN.findall(line):
            word = token.rstrip(".")
            if _is_name_word(word):
                if not run:
                    run_at_start = sentence_start
                run.append(word)
                sentence_start = False
                # A full stop ends the run and the sentence, unless it closes an initial inside a name
                # ("Simon W. Beddoe") or an abbreviation ("Inc.").
                if token.endswith(".") and (len(word) > 1 or len(run) == 1) and word != "Inc":
                    close(run, run_at_start)
                    run = []
                    sentence_start = True
            elif run and word.casefold() in CONNECTORS:
                run.append(word)
            else:
                close(run, run_at_start)
                run = []
                sentence_start = token in {".", ":", "•", "?", "!", "“", "‘", '"'} or token.endswith(".")
        close(run, run_at_start)
    return found | mid_sentence | {word for word in opening_only if word.isupper()}
