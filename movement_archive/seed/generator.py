"""A synthetic archive of a chosen size, shaped like the seed collection, to measure the archive's speed with.

Deterministic: the same seed and sizes give the same keys, names and links. Each kind of record draws from its
own random generator, so asking for more events does not change the organisations. Proportions (kinds, scopes,
statuses, how many countries, other names, practices, relations, affiliations and citations a record has) follow
the seed collection in ``seed/data``; names and texts are invented (see ``synthetic.py``).

Written for speed, not through the editing workflow: see ``bulk.py`` for what that leaves out (no revisions:
benchmark data need no history). Every record is live. Keys start with "gen-", which no seed key does.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import accumulate

from taggit.models import Tag

from movement_archive.core.aggregates import archive_changed
from movement_archive.events.models import Event
from movement_archive.organisations.models import Organisation, OrganisationRelation
from movement_archive.organising.models import OrganisingModel
from movement_archive.people.models import Person
from movement_archive.places.models import Country, Locality
from movement_archive.sources.models import Source

from . import batches, bulk, schema, synthetic
from .bulk import PREFIX
from .loader import sync_countries

SOURCES = 24  # "a few" sources, cited by everything generated
# The seven organising models of the seed collection, created under "gen-" keys when the seed is not loaded.
MODEL_NAMES = (
    "Grassroots organising", "Treatment advocacy", "Public health mobilisation", "Human rights activism",
    "High-level advocacy", "Women's organising", "Drug law reform activism",
)  # fmt: skip
SEED_MODEL_KEYS = (
    "grassroots", "treatment-advocacy", "public-health", "human-rights", "high-level-advocacy",
    "womens-organising", "drug-law-reform",
)  # fmt: skip

# Proportions read off the seed collection (76 organisations, 43 people, 50 events, 29 relations).
RELATION_TYPES = {
    "part_of": 9, "member_of": 6, "funded_by": 5, "inspired": 3, "partner_of": 3, "supported_by": 2,
    "succeeded_by": 1, "split_from": 1,
}  # fmt: skip
RELATIONS_PER_ORGANISATION = 29 / 76
# How many of a thing a record has, as {count: weight}.
CITATIONS = {1: 62, 2: 32, 3: 4, 4: 2}


@dataclass
class Report:
    """What a run created, row counts per table, and how long each step took (seconds)."""

    counts: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def total_seconds(self) -> float:
        return sum(self.seconds.values())

    def lines(self) -> list[str]:
        rows = [f"{name}: {count:,}" for name, count in self.counts.items()]
        return rows + [f"{step}: {seconds:.1f} s" for step, seconds in self.seconds.items()]


def generated_records_exist() -> bool:
    return any(
        model.objects.filter(key__startswith=PREFIX).exists() for model in (Organisation, Person, Event, Locality)
    )


def generate(
    organisations: int,
    events: int,
    people: int,
    *,
    seed: int = 0,
    batch_size: int = 5000,
    progress: Callable[[str], None] | None = None,
) -> Report:
    """Create the synthetic archive, then add it to the search index. Adds to generated records already there.

    Side effects: creates the countries from the ISO table when there are none, the seven organising models
    (under "gen-" keys) when the seed's are missing, and a few sources. Commits one batch at a time: an
    interrupted run leaves the batches written so far.
    """
    return _Generator(seed, batch_size, progress or (lambda message: None)).run(organisations, events, people)


class _Generator:
    def __init__(self, seed: int, batch_size: int, progress: Callable[[str], None]):
        self.seed, self.batch_size, self.progress = seed, batch_size, progress
        self.report = Report()
        self.now = bulk.published()

    def rng(self, kind: str, start: int) -> random.Random:
        # One generator per kind and starting number: adding to an archive draws fresh records, not copies.
        return random.Random(f"{self.seed}:{kind}:{start}")

    def step(self, name: str, action: Callable[[], object]) -> None:
        began = time.perf_counter()
        self.progress(f"{name}...")
        action()
        self.report.seconds[name] = time.perf_counter() - began

    def count(self, name: str, value: int) -> None:
        self.report.counts[name] = self.report.counts.get(name, 0) + value

    def run(self, organisations: int, events: int, people: int) -> Report:
        self.first_pk = {
            m: bulk.highest_pk(m) for m in (Source, OrganisingModel, Locality, Organisation, Person, Event)
        }
        self.step("reference data", self._reference_data)
        self.step("localities", lambda: self._localities(max(10, organisations // 5)))
        self.step("organisations", lambda: self._organisations(organisations))
        self.step("people", lambda: self._people(people))
        self.step("events", lambda: self._events(events))
        self.step("search index", self._index)
        archive_changed()  # bulk_create sends no signals: the kept figures must be counted again
        return self.report

    # Reference data -------------------------------------------------------------------------------------------

    def _reference_data(self) -> None:
        if not Country.objects.exists():
            sync_countries(schema.COUNTRIES_CSV)
        # Shuffled, then weighted by rank: a few countries hold many records, as in the real archive.
        countries = list(Country.objects.order_by("iso2").values_list("pk", flat=True))
        random.Random(f"{self.seed}:countries").shuffle(countries)
        self.countries = countries
        self.country_weights = list(accumulate(1 / (rank + 1) ** 0.8 for rank in range(len(countries))))

        seeded = OrganisingModel.objects.filter(key__in=SEED_MODEL_KEYS).order_by("key")
        models = list(seeded.values_list("pk", flat=True))
        if len(models) < len(SEED_MODEL_KEYS):
            models = self._ensure(OrganisingModel, self._organising_models)
        self.models = models
        self.sources = self._ensure(Source, self._sources)
        self.tags = [Tag.objects.get_or_create(name=role)[0].pk for role in synthetic.ROLES]

    def _ensure(self, model, make: Callable[[], list]) -> list[int]:
        existing = list(model.objects.filter(key__startswith=PREFIX).order_by("pk").values_list("pk", flat=True))
        if existing:
            return existing
        created = bulk.insert(model, make(), self.batch_size)
        self.count(str(model._meta.verbose_name_plural), len(created))
        return [obj.pk for obj in created]

    def _organising_models(self) -> list[OrganisingModel]:
        rng = self.rng("models", 0)
        return [
            OrganisingModel(
                key=f"{PREFIX}model-{n + 1}",
                name=name,
                position=n,
                definition=synthetic.organisation_description(rng, name, "project", synthetic.city_name(rng)),
                **self.now,
            )
            for n, name in enumerate(MODEL_NAMES)
        ]

    def _sources(self) -> list[Source]:
        rng = self.rng("sources", 0)
        kinds = list(Source.Kind.values)
        return [
            Source(
                key=f"{PREFIX}source-{n + 1}",
                title=f"{synthetic.city_name(rng)} {rng.choice(('report', 'newsletter', 'interviews', 'minutes'))}",
                kind=kinds[n % len(kinds)],
                date=synthetic.partial_date(rng, synthetic.year_between(rng, 1980, synthetic.LAST_YEAR)),
                **self.now,
            )
            for n in range(SOURCES)
        ]

    def citations(self, rng: random.Random, counts: dict[int, int] = CITATIONS) -> list[dict]:
        return [
            {"type": "citation", "value": {"source": rng.choice(self.sources), "locator": f"¶{rng.randint(1, 60)}"}}
            for _ in range(synthetic.pick(rng, counts))
        ]

    def country(self, rng: random.Random) -> int:
        return rng.choices(self.countries, cum_weights=self.country_weights)[0]

    # Localities -----------------------------------------------------------------------------------------------

    def _localities(self, count: int) -> None:
        start = Locality.objects.filter(key__startswith=PREFIX).count()
        rng = self.rng("localities", start)
        kinds = {"city": 13, "subdivision": 5, "area": 2}
        objs = [
            Locality(
                key=f"{PREFIX}locality-{start + n + 1}",
                name=name,
                kind=synthetic.pick(rng, kinds),
                country_id=self.country(rng),
                latitude=Decimal(rng.randint(-55_00000, 65_00000)).scaleb(-5),
                longitude=Decimal(rng.randint(-180_00000, 180_00000)).scaleb(-5),
                citations=self.citations(rng, {1: 1}),
                **self.now,
            )
            for n, name in enumerate(synthetic.city_names(rng, count))
        ]
        bulk.insert(Locality, objs, self.batch_size)
        self.count("localities", len(objs))
        # What organisations and events need of a place: its key, name and country.
        self.places = [(o.pk, o.name, o.country_id) for o in objs]

    # Organisations --------------------------------------------------------------------------------------------

    def _organisations(self, count: int) -> None:
        start = Organisation.objects.filter(key__startswith=PREFIX).count()
        rng = self.rng("organisations", start)
        self.orgs: list[tuple[int, str, int]] = []  # pk, short name, place index
        for first in range(0, count, self.batch_size):
            size = min(self.batch_size, count - first)
            batches.organisation_batch(self, rng, start + first, size)
        self._relations(self.rng("relations", start), round(count * RELATIONS_PER_ORGANISATION))
        if not self.orgs:
            # Adding only people or events: link them to the organisations generated before.
            generated = Organisation.objects.filter(key__startswith=PREFIX).order_by("pk")
            self.orgs = [
                (pk, acronym or name, pk % len(self.places))
                for pk, acronym, name in generated.values_list("pk", "acronym", "name")
            ]

    def _relations(self, rng: random.Random, count: int) -> None:
        if len(self.orgs) < 2:
            return
        seen: set[tuple[int, str, int]] = set()
        objs = []
        while len(objs) < count:
            subject = self.orgs[rng.randrange(len(self.orgs))][0]
            # Relations point at a few busy organisations (networks, funders) more than at the rest.
            target = self.orgs[synthetic.skewed_index(rng, len(self.orgs))][0]
            kind = synthetic.pick(rng, RELATION_TYPES)
            if subject == target or (subject, kind, target) in seen:
                continue
            seen.add((subject, kind, target))
            start = (
                synthetic.partial_date(rng, synthetic.year_between(rng, 1985, synthetic.LAST_YEAR))
                if rng.random() < 0.3
                else ""
            )
            objs.append(
                OrganisationRelation(
                    subject_id=subject,
                    type=kind,
                    object_id=target,
                    start=start,
                    citations=self.citations(rng, {1: 1}),
                    sort_order=0,
                )
            )
        bulk.insert(OrganisationRelation, objs, self.batch_size)
        self.count("organisation relations", len(objs))

    # People and events ----------------------------------------------------------------------------------------

    def _people(self, count: int) -> None:
        start = Person.objects.filter(key__startswith=PREFIX).count()
        rng = self.rng("people", start)
        self.people: list[int] = []
        for first in range(0, count, self.batch_size):
            batches.person_batch(self, rng, start + first, min(self.batch_size, count - first))
        if not self.people:
            self.people = list(
                Person.objects.filter(key__startswith=PREFIX).order_by("pk").values_list("pk", flat=True)
            )

    def _events(self, count: int) -> None:
        start = Event.objects.filter(key__startswith=PREFIX).count()
        rng = self.rng("events", start)
        for first in range(0, count, self.batch_size):
            batches.event_batch(self, rng, start + first, min(self.batch_size, count - first))

    # Search ---------------------------------------------------------------------------------------------------

    def _index(self) -> None:
        size = self.batch_size
        indexed = sum(
            (
                bulk.index_generated(Source, self.first_pk[Source], size),
                bulk.index_generated(OrganisingModel, self.first_pk[OrganisingModel], size),
                bulk.index_generated(Locality, self.first_pk[Locality], size, select=("country",)),
                bulk.index_generated(Organisation, self.first_pk[Organisation], size, prefetch=("other_names",)),
                bulk.index_generated(Person, self.first_pk[Person], size, prefetch=("other_names",)),
                bulk.index_generated(Event, self.first_pk[Event], size),
            )
        )
        bulk.optimize_search_indexes()
        self.count("search index entries", indexed)
