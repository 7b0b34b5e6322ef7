"""One batch of generated organisations, people or events, with their children and links (see ``generator.py``).

Each function builds the rows in memory, inserts them with ``bulk.insert`` and ``bulk.link``, and records on the
generator what later batches need (an organisation's key facts for its events, people's keys for affiliations).
"""

from __future__ import annotations

import random
from decimal import Decimal
from typing import Protocol

from movement_archive.dates import edtf
from movement_archive.events.models import Event
from movement_archive.organisations.models import Organisation, OrganisationName
from movement_archive.organising.models import Practice
from movement_archive.people.models import Affiliation, Person, PersonName, PersonRole

from . import bulk, synthetic
from .bulk import PREFIX
from .synthetic import LAST_YEAR, pick

# Proportions read off the seed collection (76 organisations, 43 people, 50 events).
ORG_KINDS = {
    "user_group": 28, "network": 17, "service": 11, "international_body": 7, "government": 5, "media": 3,
    "campaign": 2, "project": 2, "funder": 1,
}  # fmt: skip
ORG_SCOPES = {"national": 38, "local": 20, "global": 13, "regional": 5}
ORG_STATUSES = {"active": 57, "unknown": 17, "closed": 2}
EVENT_KINDS = {
    "statistic": 18, "founding": 10, "campaign": 7, "policy_change": 6, "service_opening": 3, "closure": 2,
    "conference": 2, "declaration": 1, "legal_case": 1,
}  # fmt: skip
# How many of a thing a record has, as {count: weight}. The seed has undated and countryless organisations
# too; the generator dates more of them and gives every one a country, so that filters have work to do.
OTHER_NAMES = {0: 75, 1: 15, 2: 10}
COUNTRIES = {1: 75, 2: 15, 3: 10}
PRACTICES = {0: 37, 1: 50, 2: 12, 3: 1}
AFFILIATIONS = {0: 25, 1: 65, 2: 5, 4: 3, 6: 2}
EVENT_ORGANISATIONS = {0: 26, 1: 60, 2: 12, 3: 2}
FOUNDED = 0.6
ACRONYM = 0.34
HIDDEN_PEOPLE = 0.10
_TRANSLATIONS = (("es", "Unión de Usuarios de {city}"), ("fr", "Union des usagers de {city}"), ("nl", "Bond {city}"))


class Pools(Protocol):
    """What a batch reads from the generator and adds to it (``generator._Generator`` is one).

    Declared here rather than imported from ``generator.py``, which imports this module: the batches stand
    below the generator and name only what they use of it.
    """

    batch_size: int
    now: dict  # the publication fields every generated record shares (``bulk.published``)
    places: list[tuple[int, str, int]]  # locality pk, name, country pk
    models: list[int]  # organising model pks
    tags: list[int]  # role tag pks
    orgs: list[tuple[int, str, int]]  # pk, short name, place index
    people: list[int]

    def citations(self, rng: random.Random, counts: dict[int, int] = ...) -> list[dict]: ...

    def country(self, rng: random.Random) -> int: ...

    def count(self, name: str, value: int) -> None: ...


def organisation_batch(gen: Pools, rng: random.Random, first: int, size: int) -> None:
    # Everything about one record is drawn before the next record, so the batch size changes nothing drawn.
    objs, where, names, practices, countries, localities = [], [], [], [], [], []
    for n in range(first, first + size):
        kind, scope = pick(rng, ORG_KINDS), pick(rng, ORG_SCOPES)
        place = rng.randrange(len(gen.places))
        where.append(place)
        city = gen.places[place][1]
        name = synthetic.organisation_name(rng, kind, city)
        initials = synthetic.acronym(name)
        acronym = initials if len(initials) > 1 and rng.random() < ACRONYM else ""
        founded_year = synthetic.year_between(rng, 1970, LAST_YEAR - 2)
        founded = synthetic.partial_date(rng, founded_year) if rng.random() < FOUNDED else ""
        status = pick(rng, ORG_STATUSES)
        closed = synthetic.later_date(rng, founded_year, LAST_YEAR) if status == "closed" else ""
        org = Organisation(
            key=f"{PREFIX}org-{n + 1}",
            name=name,
            acronym=acronym,
            kind=kind,
            scope=scope,
            founded=founded,
            closed=closed,
            status=status,
            website=f"https://{PREFIX}org-{n + 1}.example.org/" if rng.random() < 0.02 else "",
            description=synthetic.organisation_description(rng, name, kind, city),
            citations=gen.citations(rng),
            **gen.now,
        )
        objs.append(org)
        mine = list(dict.fromkeys([gen.places[place][2], *(gen.country(rng) for _ in range(3))]))
        countries += [(org, c) for c in mine[: pick(rng, COUNTRIES)]]
        if scope == "local" or rng.random() < 0.1:
            localities.append((org, gen.places[place][0]))
        names += [(org, other) for other in _other_names(rng, name, city)]
        practices += [(org, practice) for practice in _practices(gen, rng, founded, closed)]
    bulk.insert(Organisation, objs, gen.batch_size)

    gen.orgs += [(org.pk, org.acronym or org.name, place) for org, place in zip(objs, where, strict=True)]
    for org, child in names + practices:
        child.organisation_id = org.pk
    bulk.insert(OrganisationName, [child for _, child in names], gen.batch_size)
    bulk.insert(Practice, [child for _, child in practices], gen.batch_size)
    bulk.link(Organisation, "countries", [(org.pk, c) for org, c in countries], gen.batch_size)
    bulk.link(Organisation, "localities", [(org.pk, p) for org, p in localities], gen.batch_size)
    for label, rows in (("organisations", objs), ("organisation other names", names), ("practices", practices)):
        gen.count(label, len(rows))


def _other_names(rng: random.Random, name: str, city: str) -> list[OrganisationName]:
    found: dict[str, OrganisationName] = {}
    for i in range(pick(rng, OTHER_NAMES)):
        kind, language = pick(rng, {"variant": 3, "translation": 2, "former": 2, "acronym": 2, "alias": 3}), ""
        if kind == "translation":
            language, pattern = rng.choice(_TRANSLATIONS)
            other = pattern.format(city=city)
        elif kind == "former":
            other = f"{city} {rng.choice(('Users Group', 'Users Committee', 'Peer Circle'))}"
        elif kind == "acronym":
            other = synthetic.acronym(name)
        elif kind == "variant":
            other = name.replace("Users", "Users'") if "Users " in name else f"{name} Group"
        else:
            other = f"the {city} {rng.choice(('union', 'group', 'network', 'collective'))}"
        if other != name and other not in found:
            found[other] = OrganisationName(name=other, kind=kind, language=language, sort_order=i)
    return list(found.values())


def _practices(gen: Pools, rng: random.Random, founded: str, closed: str) -> list[Practice]:
    # Practices start after the founding ("../1990" has no known start) and before any closing.
    lower = edtf.parse(founded).lower.year if founded else 0
    base = lower if lower > 1900 else 1990
    years = (base, max(base, edtf.parse(closed).lower.year if closed else LAST_YEAR))
    return [
        Practice(
            model_id=model,
            start=founded if i == 0 and founded else synthetic.partial_date(rng, rng.randint(*years)),
            end=closed,
            citations=gen.citations(rng, {1: 3, 2: 1}),
            sort_order=i,
        )
        for i, model in enumerate(rng.sample(gen.models, pick(rng, PRACTICES)))
    ]


def person_batch(gen: Pools, rng: random.Random, first: int, size: int) -> None:
    objs, affiliations, names, countries, roles = [], [], [], [], []
    for n in range(first, first + size):
        name, sort_name = synthetic.person_name(rng)
        place = gen.places[rng.randrange(len(gen.places))]
        person = Person(
            key=f"{PREFIX}person-{n + 1}",
            name=name,
            sort_name=sort_name,
            public_name=name,  # bulk_create skips Person.save, which fills it
            access="restricted" if rng.random() < HIDDEN_PEOPLE else "public",
            biography=synthetic.biography(rng, name, place[1]),
            citations=gen.citations(rng, {1: 3, 2: 1}),
            **gen.now,
        )
        objs.append(person)
        mine = [place[2]] if rng.random() < 0.9 else [place[2], gen.country(rng)][: rng.randint(0, 2)]
        countries += [(person, c) for c in dict.fromkeys(mine)]
        roles += [(person, PersonRole(tag_id=t)) for t in rng.sample(gen.tags, rng.randint(1, 3))]
        if rng.random() < 0.05:
            names.append((person, PersonName(name=synthetic.person_name(rng)[0], sort_order=0)))
        if gen.orgs:
            affiliations += [(person, affiliation) for affiliation in _affiliations(gen, rng)]
    bulk.insert(Person, objs, gen.batch_size)

    gen.people += [person.pk for person in objs]
    for person, child in affiliations + names:
        child.person_id = person.pk
    for person, role in roles:
        role.content_object_id = person.pk
    bulk.insert(Affiliation, [child for _, child in affiliations], gen.batch_size)
    bulk.insert(PersonName, [child for _, child in names], gen.batch_size)
    bulk.insert(PersonRole, [role for _, role in roles], gen.batch_size)
    bulk.link(Person, "countries", [(person.pk, c) for person, c in countries], gen.batch_size)
    for label, rows in (("people", objs), ("affiliations", affiliations), ("person other names", names)):
        gen.count(label, len(rows))


def _affiliations(gen: Pools, rng: random.Random) -> list[Affiliation]:
    found = []
    for i in range(pick(rng, AFFILIATIONS)):
        year = synthetic.year_between(rng, 1975, LAST_YEAR - 1)
        found.append(
            Affiliation(
                organisation_id=gen.orgs[synthetic.skewed_index(rng, len(gen.orgs))][0],
                role=rng.choice(synthetic.ROLES) if rng.random() < 0.7 else "",
                start=synthetic.partial_date(rng, year) if rng.random() < 0.6 else "",
                end=str(rng.randint(year + 1, LAST_YEAR)) if rng.random() < 0.3 else "",
                citations=gen.citations(rng, {1: 1}),
                sort_order=i,
            )
        )
    return found


def event_batch(gen: Pools, rng: random.Random, first: int, size: int) -> None:
    objs, links = [], []
    for n in range(first, first + size):
        kind = pick(rng, EVENT_KINDS)
        orgs = {}
        if gen.orgs:
            for _ in range(pick(rng, EVENT_ORGANISATIONS)):
                org = gen.orgs[synthetic.skewed_index(rng, len(gen.orgs))]
                orgs[org[0]] = org
        place = gen.places[next(iter(orgs.values()))[2] if orgs else rng.randrange(len(gen.places))]
        short = next(iter(orgs.values()))[1] if orgs else ""
        value, qualifier, unit = synthetic.statistic(rng) if kind == "statistic" else (None, "", "")
        objs.append(
            Event(
                key=f"{PREFIX}event-{n + 1}",
                title=synthetic.event_title(rng, kind, short, place[1], unit),
                kind=kind,
                date=synthetic.partial_date(rng, synthetic.year_between(rng, 1973, LAST_YEAR)),
                description=synthetic.event_description(rng),
                statistic_value=Decimal(value) if value is not None else None,
                statistic_qualifier=qualifier,
                statistic_unit=unit,
                citations=gen.citations(rng, {1: 3, 2: 2}),
                **gen.now,
            )
        )
        people = (
            [gen.people[synthetic.skewed_index(rng, len(gen.people))]] if gen.people and rng.random() < 0.16 else []
        )
        countries = [place[2]] if rng.random() < 0.94 else []
        localities = [place[0]] if rng.random() < 0.2 else []
        links.append((list(orgs), people, countries, localities))
    bulk.insert(Event, objs, gen.batch_size)

    pairs: dict[str, list[tuple[int, int]]] = {"organisations": [], "people": [], "countries": [], "localities": []}
    for event, linked in zip(objs, links, strict=True):
        for name, targets in zip(pairs, linked, strict=True):
            pairs[name] += [(event.pk, target) for target in targets]
    for name, rows in pairs.items():
        bulk.link(Event, name, rows, gen.batch_size)
    gen.count("events", len(objs))
    gen.count("event links", sum(len(rows) for rows in pairs.values()))
