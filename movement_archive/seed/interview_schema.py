"""The seed's interview records (``interviews.yaml``): their fields and the rules that span records.

Pure code with no Django imports, like ``schema.py``, which reads the file with everything else and calls
``check_rules`` once all files are read, so the problems come in the same words and the same list.
"""

from __future__ import annotations

from collections.abc import Callable

FILE = "interviews.yaml"

# The access levels a seed interview may take (see schema.CHOICES["access"]).
CHOICES = {"interview_access": {"public", "community", "restricted", "metadata"}}

# Field specifications in the notation of schema.SPECS.
SPECS: dict[str, dict[str, tuple[str, bool]]] = {
    "interview": {
        "key": ("key", True), "title": ("str", True), "narrator": ("ref:people", True), "episode": ("int", True),
        "countries": ("countries", False), "country": ("country", False), "locality": ("ref:localities", False),
        "organisations": ("refs:organisations", False), "access": ("choice:interview_access", True),
        "synthetic": ("bool", True), "summary": ("text", False), "citations": ("citations", True),
    },
}  # fmt: skip

KEY_PREFIX = "interview-"


def check_rules(
    problem: Callable[[str, str, str, str], None], interviews: list[dict], episodes: list[dict], localities: list[dict]
) -> None:
    """Report what a single field cannot show: keys, episodes and narrators that do not fit together."""
    people_by_episode = {e["number"]: set(e["people"]) for e in episodes}
    country_of_locality = {loc["key"]: loc["country"] for loc in localities}
    narrated: dict[str, str] = {}
    for r in interviews:
        label = f"'{r['key']}'"
        narrator = r["narrator"]
        if narrator and r["key"] != KEY_PREFIX + narrator:
            problem(FILE, label, "key", f"should be '{KEY_PREFIX}{narrator}', after the narrator's key")
        if narrator in narrated:
            problem(FILE, label, "narrator", f"'{narrator}' already has an interview, {narrated[narrator]}")
        elif narrator:
            narrated[narrator] = label
        number = r["episode"]
        if number is not None and number not in people_by_episode:
            problem(FILE, label, "episode", f"refers to episode {number}, which documentary.yaml does not hold")
        elif number is not None and narrator and narrator not in people_by_episode[number]:
            problem(FILE, label, "narrator", f"'{narrator}' is not among the people of episode {number}")
        if r["synthetic"]:
            problem(
                FILE, label, "synthetic",
                "the curated seed holds only interviews the sources describe; made-up ones belong to tests and demos",
            )  # fmt: skip
        locality_country = country_of_locality.get(r["locality"])
        if locality_country and r["country"] and locality_country != r["country"]:
            problem(FILE, label, "locality", f"lies in {locality_country}, not in the country given ({r['country']})")
        if r["countries"] and len(set(r["countries"])) != len(r["countries"]):
            problem(FILE, label, "countries", "lists a country twice")
