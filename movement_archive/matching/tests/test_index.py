"""An index prepares the records once and then answers contribution after contribution from what it prepared."""

from movement_archive.matching import CandidateIndex, index, probable_matches

from .records import ARCHIVE, INPUD, JUNKIEBOND, VANDU

CONTRIBUTIONS = (["VANDU"], ["Junkie Bond"], ["International Network of People who Use Drugs"], ["Botanical Garden"])


def test_one_index_gives_the_same_answers_as_matching_from_scratch():
    archive = CandidateIndex(ARCHIVE)

    for names in CONTRIBUTIONS:
        assert archive.probable_matches(names, country="NL") == probable_matches(names, ARCHIVE, country="NL")
    assert [[match.key for match in archive.probable_matches(names)] for names in CONTRIBUTIONS] == [
        [VANDU.key],
        [JUNKIEBOND.key],
        [INPUD.key],
        [],
    ]


def test_asking_the_index_never_recomputes_a_records_keys(monkeypatch):
    archive = CandidateIndex(ARCHIVE)
    record_names = {name for candidate in ARCHIVE for name in candidate.names}
    seen: list[str] = []

    def spy(function):
        def wrapper(text):
            seen.append(text)
            return function(text)

        return wrapper

    monkeypatch.setattr(index, "name_key", spy(index.name_key))
    monkeypatch.setattr(index, "acronym_of", spy(index.acronym_of))

    for names in CONTRIBUTIONS:
        archive.probable_matches(names)

    assert {"VANDU", "Junkie Bond"} <= set(seen)
    assert record_names.isdisjoint(seen)


def test_the_index_counts_its_records():
    assert len(CandidateIndex(ARCHIVE)) == len(ARCHIVE)
