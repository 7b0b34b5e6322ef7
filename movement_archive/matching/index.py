"""Rank archive records by how probably each is the organisation a contribution names."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from movement_archive.matching.keys import acronym_of, name_key

SAME_KEY_SCORE = 100
ACRONYM_SCORE = 90
# An acronym of two letters ("DU", "UU") stands for too many different names to be evidence.
SHORTEST_ACRONYM = 3
# Only keys that are equal score 100; any other score stops just below, so that an editor can trust 100.
BEST_SIMILARITY = 99
# The place only nudges: ten points at most, enough to put the record in the contribution's country and city
# first among equally similar names, or to show a fairly similar name from the same city, never enough to
# outweigh the name itself.
SAME_COUNTRY_BONUS = 5
SAME_CITY_BONUS = 5
OTHER_COUNTRY_PENALTY = 5

SAME_NAME = "same name"
SAME_KEY = "same name once accents and script are set aside"
REORDERED = "same words in a different order"
ACRONYM = "acronym"


@dataclass(frozen=True)
class Candidate:
    """An existing record as the matcher sees it: an id of the caller's choosing, its names and its place."""

    key: Hashable
    names: tuple[str, ...]
    country: str = ""
    city: str = ""


@dataclass(frozen=True)
class Match:
    """A record that probably is the contributed organisation, with the score and the reasons an editor sees."""

    key: Hashable
    score: int
    name: str
    reasons: tuple[str, ...]


class CandidateIndex:
    """The records' names turned into keys once, so each contribution costs a few C-speed scans, not a Python loop.

    Building the index computes a key, a word-sorted key and an acronym for every name; build it once per
    batch of contributions and keep it while the records do not change.
    """

    def __init__(self, candidates: Iterable[Candidate]) -> None:
        self._candidates: list[Candidate] = []
        # One entry per usable name; _owner maps an entry back to its candidate's position.
        self._names: list[str] = []
        self._owner: list[int] = []
        self._keys: list[str] = []
        self._sorted_keys: list[str] = []
        self._by_key: dict[str, list[int]] = {}
        self._by_acronym: dict[str, list[int]] = {}
        for candidate in candidates:
            position = len(self._candidates)
            self._candidates.append(candidate)
            # A lone string would otherwise be read as a tuple of one-letter names.
            names = (candidate.names,) if isinstance(candidate.names, str) else candidate.names
            for name in names:
                key = name_key(name)
                if not key:
                    continue
                entry = len(self._keys)
                self._names.append(name)
                self._owner.append(position)
                self._keys.append(key)
                self._sorted_keys.append(_sorted_words(key))
                self._by_key.setdefault(key, []).append(entry)
                acronym = acronym_of(name)
                if len(acronym) >= SHORTEST_ACRONYM:
                    self._by_acronym.setdefault(acronym, []).append(entry)

    def __len__(self) -> int:
        return len(self._candidates)

    def probable_matches(
        self, names: Sequence[str], *, country: str = "", city: str = "", limit: int = 5, threshold: int = 70
    ) -> list[Match]:
        """The records scoring at least ``threshold`` for any of ``names``, best first, at most ``limit`` of them.

        A single string is taken as one name rather than as a sequence of letters.
        """
        if isinstance(names, str):
            names = (names,)
        # Per candidate position: (name score, entry that earned it, reason).
        best: dict[int, tuple[int, int, str]] = {}

        def consider(entry: int, score: int, reason: str) -> None:
            owner = self._owner[entry]
            # Strictly greater: the first reason found for a score is kept, and exact keys are looked at first.
            if owner not in best or score > best[owner][0]:
                best[owner] = (score, entry, reason)

        # A name weaker than this cannot reach the threshold even with every place bonus, so rapidfuzz skips it.
        cutoff = max(threshold - SAME_COUNTRY_BONUS - SAME_CITY_BONUS, 0)
        for name, key in _distinct_keys(names):
            for entry in self._by_key.get(key, ()):
                consider(entry, SAME_KEY_SCORE, SAME_NAME if _plainly_equal(name, self._names[entry]) else SAME_KEY)
            if " " not in key and len(key) >= SHORTEST_ACRONYM:
                # The contribution gives an acronym ("VANDU") of a record's full name.
                for entry in self._by_acronym.get(key, ()):
                    consider(entry, ACRONYM_SCORE, ACRONYM)
            acronym = acronym_of(name)
            if len(acronym) >= SHORTEST_ACRONYM:
                # The contribution gives the full name and a record is known by its acronym.
                for entry in self._by_key.get(acronym, ()):
                    consider(entry, ACRONYM_SCORE, ACRONYM)
            for entry, similarity, reason in self._similar(key, cutoff):
                consider(entry, similarity, reason)

        city_key = name_key(city)
        scored = [self._match(position, *found, country=country, city_key=city_key) for position, found in best.items()]
        # Ranked on the total before capping, so that a same name in the same country still comes before a
        # similar name in the same country; equal totals keep the order in which the candidates were given.
        ranked = sorted((total, position, match) for total, position, match in scored if match.score >= threshold)
        return [match for _, _, match in ranked[: max(limit, 0)]]

    def _similar(self, key: str, cutoff: int) -> Iterator[tuple[int, int, str]]:
        # Two plain edit-distance ratios, both computed by rapidfuzz over the whole list in C++:
        # on the keys as written, which forgives spelling and transliteration ("Xriston" and "Christon",
        # "Junkiebond" and "Junkie Bond"), and on the keys with their words sorted, which forgives word order
        # ("Drug Users Union of Berlin" and "Berlin Drug Users Union"); the sorted keys were prepared when the
        # index was built, which makes the second ratio fuzz.token_sort_ratio without re-sorting each record.
        # Scorers that reward one name being contained in the other (WRatio, token_set_ratio, partial_ratio)
        # are left out: they rate "Union" against "Drug Users Union" at 90 to 100 and would bury editors.
        sorted_key = _sorted_words(key)
        for choices, query, reordered in ((self._keys, key, False), (self._sorted_keys, sorted_key, True)):
            for _, similarity, entry in process.extract(
                query, choices, scorer=fuzz.ratio, processor=None, limit=None, score_cutoff=cutoff
            ):
                score = min(round(similarity), BEST_SIMILARITY)
                if reordered and choices[entry] == sorted_key:
                    yield entry, score, REORDERED
                else:
                    yield entry, score, f"similar name ({score}%)"

    def _match(
        self, position: int, name_score: int, entry: int, reason: str, *, country: str, city_key: str
    ) -> tuple[int, int, Match]:
        # Returns the negated uncapped total first, so that plain tuple sorting ranks best first.
        candidate = self._candidates[position]
        score, reasons = name_score, [reason]
        ours, theirs = _country(country), _country(candidate.country)
        if ours and theirs:
            if ours == theirs:
                score += SAME_COUNTRY_BONUS
                reasons.append("same country")
            else:
                score -= OTHER_COUNTRY_PENALTY
                reasons.append("different country")
        if city_key and city_key == name_key(candidate.city):
            score += SAME_CITY_BONUS
            reasons.append("same city")
        # The place never lifts a merely similar name to 100, which stays the mark of an equal key.
        ceiling = SAME_KEY_SCORE if name_score == SAME_KEY_SCORE else BEST_SIMILARITY
        match = Match(candidate.key, max(0, min(score, ceiling)), self._names[entry], tuple(reasons))
        return -score, position, match


def probable_matches(
    names: Sequence[str],
    candidates: Iterable[Candidate],
    *,
    country: str = "",
    city: str = "",
    limit: int = 5,
    threshold: int = 70,
) -> list[Match]:
    """``CandidateIndex(candidates).probable_matches(...)``: builds the index each call, so keep one for batches."""
    return CandidateIndex(candidates).probable_matches(
        names, country=country, city=city, limit=limit, threshold=threshold
    )


def _distinct_keys(names: Iterable[str]) -> list[tuple[str, str]]:
    seen: dict[str, str] = {}
    for name in names:
        key = name_key(name)
        if key and key not in seen:
            seen[key] = name
    return [(name, key) for key, name in seen.items()]


def _sorted_words(key: str) -> str:
    return " ".join(sorted(key.split()))


def _plainly_equal(first: str, second: str) -> bool:
    # "Same name" only when an editor would see the same letters; otherwise the reason says what was set aside.
    return " ".join(first.casefold().split()) == " ".join(second.casefold().split())


def _country(code: str) -> str:
    return (code or "").strip().upper()
