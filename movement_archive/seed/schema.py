"""Read and validate the seed collection: plain YAML in, plain dictionaries out.

Pure code with no Django imports, so it can be tested on its own and run before the database is touched.
Every problem is reported with its file, record and field; the loader writes nothing unless all files pass.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from movement_archive.dates import edtf

from . import interview_schema

DATA_DIR = Path(__file__).resolve().parent / "data"
COUNTRIES_CSV = Path(__file__).resolve().parent.parent / "places" / "data" / "m49.csv"

KEY_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
URL_RE = re.compile(r"^https?://[^\s/$.?#][^\s]*$")

# Allowed values. A test keeps them equal to the models' TextChoices, so the two cannot drift apart.
CHOICES = {
    "source_kind": {"web_text", "briefing", "report", "film", "interview", "contribution"},
    "locality_kind": {"city", "subdivision", "area"},
    "name_kind": {"variant", "translation", "former", "acronym", "alias"},
    "organisation_kind": {
        "user_group", "network", "service", "project", "campaign", "funder", "international_body", "government",
        "media",
    },
    "scope": {"local", "national", "regional", "global"},
    "status": {"active", "closed", "unknown"},
    "relation_type": {
        "succeeded_by", "inspired", "member_of", "part_of", "supported_by", "funded_by", "partner_of", "split_from",
    },
    # The access levels a seed record may take; restricted ones are opened to no group here, so to editors only.
    "access": {"public", "community", "restricted", "metadata"},
    "event_kind": {
        "founding", "closure", "service_opening", "campaign", "policy_change", "legal_case", "conference",
        "declaration", "statistic", "milestone",
    },
    "qualifier": {"exact", "about", "more_than", "at_least", "fewer_than"},
    "credit_role": {"producer", "director", "local_camera", "filmed_interviews", "funder", "special_thanks"},
    **interview_schema.CHOICES,
}  # fmt: skip


@dataclass
class Problem:
    file: str
    record: str
    field: str
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.record:
            where += f", record {self.record}"
        if self.field:
            where += f", field '{self.field}'"
        return f"{where}: {self.message}"


class SeedError(Exception):
    """The seed collection is invalid. ``problems`` lists every problem found, each with its place."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        shown = "\n".join(f"  - {p}" for p in problems[:50])
        more = f"\n  ... and {len(problems) - 50} more" if len(problems) > 50 else ""
        super().__init__(f"The seed collection has {len(problems)} problem(s):\n{shown}{more}")


@dataclass
class Collection:
    """The validated seed: lists of plain dictionaries, keyed by kind."""

    sources: list[dict] = field(default_factory=list)
    localities: list[dict] = field(default_factory=list)
    organising_models: list[dict] = field(default_factory=list)
    organisations: list[dict] = field(default_factory=list)
    relations: list[dict] = field(default_factory=list)
    people: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    series: dict = field(default_factory=dict)
    episodes: list[dict] = field(default_factory=list)
    disagreements: list[dict] = field(default_factory=list)
    interviews: list[dict] = field(default_factory=list)


# Field specifications: name -> (type, required). Types: key, str, text, edtf, int, number, bool, url,
# country, countries, ref:<kind>, refs:<kind>, choice:<set>, citations, strlist, or a nested spec name.
SPECS: dict[str, dict[str, tuple[str, bool]]] = {
    "citation": {"source": ("ref:sources", True), "locator": ("str", True), "supports": ("str", False)},
    "source": {
        "key": ("key", True), "title": ("str", True), "kind": ("choice:source_kind", True),
        "publisher": ("refs:organisations", False), "authors": ("refs:people", False), "date": ("edtf", False),
        "file": ("str", False), "url": ("url", False), "description": ("text", False),
        "citations": ("citations", False),
    },
    "locality": {
        "key": ("key", True), "name": ("str", True), "kind": ("choice:locality_kind", True),
        "country": ("country", True), "latitude": ("latitude", False), "longitude": ("longitude", False),
        "citations": ("citations", True),
    },
    "organising_model": {
        "key": ("key", True), "name": ("str", True), "position": ("int", True), "definition": ("text", True),
        "citations": ("citations", True),
    },
    "other_name": {"name": ("str", True), "kind": ("choice:name_kind", True), "language": ("str", False)},
    "practice": {
        "model": ("ref:organising_models", True), "start": ("edtf", False), "end": ("edtf", False),
        "note": ("str", False), "citations": ("citations", True),
    },
    "organisation": {
        "key": ("key", True), "name": ("str", True), "acronym": ("str", False),
        "other_names": ("list:other_name", False),
        "kind": ("choice:organisation_kind", True), "scope": ("choice:scope", True), "countries": ("countries", False),
        "localities": ("refs:localities", False), "founded": ("edtf", False), "closed": ("edtf", False),
        "status": ("choice:status", True), "website": ("url", False), "description": ("text", False),
        "organising_models": ("list:practice", False), "citations": ("citations", True),
    },
    "relation": {
        "subject": ("ref:organisations", True), "type": ("choice:relation_type", True),
        "object": ("ref:organisations", True), "start": ("edtf", False), "end": ("edtf", False),
        "description": ("text", False), "citations": ("citations", True),
    },
    "affiliation": {
        "organisation": ("ref:organisations", True), "role": ("str", False), "start": ("edtf", False),
        "end": ("edtf", False), "citations": ("citations", True),
    },
    "person": {
        "key": ("key", True), "name": ("str", True), "sort_name": ("str", False), "other_names": ("strlist", False),
        "roles": ("strlist", False), "access": ("choice:access", True), "countries": ("countries", False),
        "biography": ("text", False), "affiliations": ("list:affiliation", False), "citations": ("citations", True),
    },
    "statistic": {"value": ("number", True), "qualifier": ("choice:qualifier", True), "unit": ("str", True)},
    "event": {
        "key": ("key", True), "title": ("str", True), "kind": ("choice:event_kind", True), "date": ("edtf", True),
        "description": ("text", False), "organisations": ("refs:organisations", False),
        "people": ("refs:people", False),
        "countries": ("countries", False), "localities": ("refs:localities", False), "statistic": ("statistic", False),
        "citations": ("citations", True),
    },
    "credit": {
        "role": ("choice:credit_role", True), "person": ("ref:people", False),
        "organisation": ("ref:organisations", False), "note": ("text", False), "citations": ("citations", True),
    },
    "series": {
        "key": ("key", True), "title": ("str", True), "description": ("text", False), "interview_count": ("int", False),
        "country_count": ("int", False), "conference": ("ref:events", False), "credits": ("list:credit", False),
        "citations": ("citations", True),
    },
    "episode": {
        "number": ("int", True), "title": ("str", True), "countries": ("countries", False), "summary": ("text", False),
        "people": ("refs:people", False), "organisations": ("refs:organisations", False),
        "citations": ("citations", True),
    },
    "claim": {
        "statement": ("text", True), "events": ("refs:events", False), "organisations": ("refs:organisations", False),
        "citations": ("citations", True),
    },
    "disagreement": {
        "key": ("key", True), "title": ("str", True), "summary": ("text", False), "claims": ("list:claim", True),
    },
    **interview_schema.SPECS,
}  # fmt: skip

# The files, the key of each list in them, the spec of their records and the kind their keys name.
FILES = [
    ("sources.yaml", "sources", "source"),
    ("localities.yaml", "localities", "locality"),
    ("organising_models.yaml", "organising_models", "organising_model"),
    ("organisations.yaml", "organisations", "organisation"),
    ("relations.yaml", "relations", "relation"),
    ("people.yaml", "people", "person"),
    ("events.yaml", "events", "event"),
    ("documentary.yaml", "documentary", None),
    ("disagreements.yaml", "disagreements", "disagreement"),
    (interview_schema.FILE, "interviews", "interview"),
]


def country_codes(path: Path = COUNTRIES_CSV) -> set[str]:
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["iso2"] for row in csv.DictReader(handle)}


class _Validator:
    def __init__(self, countries: set[str]):
        self.countries = countries
        self.problems: list[Problem] = []
        self.references: list[tuple[str, str, str, str, str]] = []  # file, record, field, kind, key

    def problem(self, file: str, record: str, field_name: str, message: str) -> None:
        self.problems.append(Problem(file, record, field_name, message))

    def record(self, file: str, label: str, raw: Any, spec_name: str) -> dict | None:
        spec = SPECS[spec_name]
        if not isinstance(raw, dict):
            self.problem(file, label, "", f"expected a mapping of fields, found {type(raw).__name__}")
            return None
        for unknown in sorted(set(raw) - set(spec)):
            self.problem(file, label, unknown, f"unknown field (allowed: {', '.join(spec)})")
        clean: dict[str, Any] = {}
        for name, (kind, required) in spec.items():
            value = raw.get(name)
            if value is None or value == "" or value == []:
                if required:
                    self.problem(file, label, name, "is required")
                clean[name] = _empty(kind)
                continue
            clean[name] = self.value(file, label, name, kind, value)
        return clean

    def value(self, file: str, label: str, name: str, kind: str, value: Any) -> Any:
        def bad(message: str) -> None:
            self.problem(file, label, name, message)

        if kind in ("str", "text"):
            if not isinstance(value, str):
                bad(f"expected text, found {value!r}")
                return ""
            value = value.strip()
            if kind == "str" and "\n" in value:
                bad("must be a single line")
            return value
        if kind == "key":
            if not isinstance(value, str) or not KEY_RE.match(value):
                bad(f"{value!r} is not a key: lower-case letters, digits and single hyphens")
            return value
        if kind == "edtf":
            try:
                return edtf.parse(value).text
            except edtf.EDTFError as error:
                bad(str(error))
                return ""
        if kind == "int":
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                bad(f"expected a whole number, found {value!r}")
                return None
            return value
        if kind == "number":
            if isinstance(value, bool) or not isinstance(value, int | float):
                bad(f"expected a number, found {value!r}")
                return None
            return value
        if kind == "bool":
            if not isinstance(value, bool):
                bad(f"expected true or false, found {value!r}")
                return None
            return value
        if kind in ("latitude", "longitude"):
            limit = 90 if kind == "latitude" else 180
            if isinstance(value, bool) or not isinstance(value, int | float) or not -limit <= value <= limit:
                bad(f"expected a number between -{limit} and {limit}, found {value!r}")
                return None
            return value
        if kind == "url":
            if not isinstance(value, str) or not URL_RE.match(value):
                bad(f"{value!r} is not an http(s) address")
            return value
        if kind == "country":
            return self.country(file, label, name, value)
        if kind == "countries":
            if not isinstance(value, list):
                bad("expected a list of ISO 3166-1 alpha-2 codes")
                return []
            return [self.country(file, label, name, item) for item in value]
        if kind == "strlist":
            if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
                bad("expected a list of non-empty texts")
                return []
            return [item.strip() for item in value]
        if kind.startswith("choice:"):
            allowed = CHOICES[kind.split(":", 1)[1]]
            if value not in allowed:
                bad(f"{value!r} is not one of: {', '.join(sorted(allowed))}")
            return value
        if kind.startswith("ref:"):
            if not isinstance(value, str):
                bad(f"expected a key, found {value!r}")
                return None
            self.references.append((file, label, name, kind.split(":", 1)[1], value))
            return value
        if kind.startswith("refs:"):
            if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
                bad("expected a list of keys")
                return []
            if len(set(value)) != len(value):
                bad("lists a key twice")
            for item in value:
                self.references.append((file, label, name, kind.split(":", 1)[1], item))
            return list(value)
        if kind == "citations":
            if not isinstance(value, list):
                bad("expected a list of citations")
                return []
            return [
                c for i, item in enumerate(value) if (c := self.record(file, f"{label} {name}[{i}]", item, "citation"))
            ]
        if kind.startswith("list:"):
            if not isinstance(value, list):
                bad("expected a list")
                return []
            sub = kind.split(":", 1)[1]
            return [c for i, item in enumerate(value) if (c := self.record(file, f"{label} {name}[{i}]", item, sub))]
        if kind in SPECS:
            return self.record(file, f"{label} {name}", value, kind)
        raise AssertionError(f"unknown field type {kind}")

    def country(self, file: str, label: str, name: str, value: Any) -> str:
        if isinstance(value, bool):
            # YAML 1.1 reads an unquoted NO (Norway) as false.
            self.problem(file, label, name, f'found {value!r}: quote country codes, e.g. "NO" for Norway')
            return ""
        if not isinstance(value, str) or value not in self.countries:
            self.problem(file, label, name, f"{value!r} is not an ISO 3166-1 alpha-2 country code")
            return ""
        return value


def _empty(kind: str) -> Any:
    if kind in ("countries", "strlist", "citations") or kind.startswith(("refs:", "list:")):
        return []
    if kind in ("str", "text", "edtf", "url", "key", "country") or kind.startswith("choice:"):
        return ""
    return None


def _load_yaml(path: Path, validator: _Validator) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        validator.problem(path.name, "", "", "file is missing")
        return None
    except UnicodeDecodeError as error:
        validator.problem(path.name, "", "", f"is not UTF-8 text ({error})")
        return None
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        validator.problem(path.name, "", "", f"is not valid YAML: {where}{getattr(error, 'problem', error)}")
        return None


def read_collection(data_dir: Path | None = None, countries: set[str] | None = None) -> Collection:
    """Read every seed file in ``data_dir`` and validate it; raise SeedError listing every problem."""
    data_dir = Path(data_dir or DATA_DIR)
    validator = _Validator(countries if countries is not None else country_codes())
    collection = Collection()
    keys: dict[str, set[str]] = {"sources": set(), "localities": set(), "organising_models": set(),
                                 "organisations": set(), "people": set(), "events": set(),
                                 "interviews": set()}  # fmt: skip

    for file_name, attribute, spec in FILES:
        raw = _load_yaml(data_dir / file_name, validator)
        if raw is None:
            continue
        if attribute == "documentary":
            _read_documentary(file_name, raw, validator, collection)
            continue
        if not isinstance(raw, list):
            validator.problem(file_name, "", "", "expected a list of records at the top level")
            continue
        records = []
        for index, item in enumerate(raw):
            label = f"#{index + 1}"
            if isinstance(item, dict) and isinstance(item.get("key"), str):
                label = f"'{item['key']}'"
            elif isinstance(item, dict) and spec == "relation":
                label = f"#{index + 1} ({item.get('subject')} {item.get('type')} {item.get('object')})"
            clean = validator.record(file_name, label, item, spec)
            if clean is None:
                continue
            if clean.get("key") and attribute in keys:
                if clean["key"] in keys[attribute]:
                    validator.problem(file_name, label, "key", "is used by another record in this file")
                keys[attribute].add(clean["key"])
            records.append(clean)
        setattr(collection, attribute, records)

    _check_references(validator, keys)
    _check_rules(validator, collection)
    if validator.problems:
        raise SeedError(validator.problems)
    return collection


def _read_documentary(file_name: str, raw: Any, validator: _Validator, collection: Collection) -> None:
    if not isinstance(raw, dict) or set(raw) != {"series", "episodes"}:
        validator.problem(file_name, "", "", "expected exactly two top-level entries: series and episodes")
        return
    series = validator.record(file_name, "series", raw["series"], "series")
    collection.series = series or {}
    if not isinstance(raw["episodes"], list):
        validator.problem(file_name, "episodes", "", "expected a list of episodes")
        return
    numbers: set[int] = set()
    for index, item in enumerate(raw["episodes"]):
        label = f"episode {item.get('number')}" if isinstance(item, dict) else f"#{index + 1}"
        clean = validator.record(file_name, label, item, "episode")
        if clean is None:
            continue
        if clean["number"] in numbers:
            validator.problem(file_name, label, "number", "is used by another episode")
        numbers.add(clean["number"])
        collection.episodes.append(clean)


def _check_references(validator: _Validator, keys: dict[str, set[str]]) -> None:
    for file_name, label, field_name, kind, key in validator.references:
        if key not in keys[kind]:
            validator.problem(
                file_name, label, field_name, f"refers to {kind.replace('_', ' ')} '{key}', which does not exist"
            )


def _check_rules(validator: _Validator, collection: Collection) -> None:
    """Rules that span fields: the same ones the database constraints enforce, said earlier and better."""
    for org in collection.organisations:
        if org["founded"] and org["closed"] and edtf.parse(org["closed"]).upper < edtf.parse(org["founded"]).lower:
            validator.problem("organisations.yaml", f"'{org['key']}'", "closed", "is before the founding date")
    seen_relations = set()
    for rel in collection.relations:
        label = f"({rel['subject']} {rel['type']} {rel['object']})"
        if rel["subject"] and rel["subject"] == rel["object"]:
            validator.problem("relations.yaml", label, "object", "an organisation cannot relate to itself")
        triple = (rel["subject"], rel["type"], rel["object"])
        if triple in seen_relations:
            validator.problem("relations.yaml", label, "", "this relation is listed twice")
        seen_relations.add(triple)
    for event in collection.events:
        label = f"'{event['key']}'"
        if event["kind"] == "statistic" and not event["statistic"]:
            validator.problem(
                "events.yaml", label, "statistic", "a statistic needs a figure: value, qualifier and unit"
            )
        if event["kind"] != "statistic" and event["statistic"]:
            validator.problem("events.yaml", label, "statistic", "only events of kind statistic carry a figure")
    for index, credit in enumerate(collection.series.get("credits", []) if collection.series else []):
        label = f"series credits[{index}]"
        if credit["person"] and credit["organisation"]:
            validator.problem(
                "documentary.yaml", label, "person", "a credit names a person or an organisation, not both"
            )
        if not credit["person"] and not credit["organisation"] and not credit["note"]:
            validator.problem("documentary.yaml", label, "note", "an unnamed credit needs a note saying why")
    for disagreement in collection.disagreements:
        if len(disagreement["claims"]) < 2:
            validator.problem(
                "disagreements.yaml", f"'{disagreement['key']}'", "claims", "a disagreement needs at least two claims"
            )
        for index, claim in enumerate(disagreement["claims"]):
            if len(claim["events"]) > 1:
                validator.problem(
                    "disagreements.yaml", f"'{disagreement['key']}' claims[{index}]", "events",
                    "a claim is recorded by at most one event",
                )  # fmt: skip
    interview_schema.check_rules(validator.problem, collection.interviews, collection.episodes, collection.localities)
