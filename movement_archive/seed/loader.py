"""Load the validated seed collection into the database: create what is new, update what changed.

Loading is idempotent and transactional. Every file is validated first (``schema.read_collection``), then
all writes happen in one transaction. A record whose content already matches the seed is left alone,
so loading twice creates no duplicate and no new revision. A changed or new record gets a revision and
is published, so the back office shows where each version came from.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models.signals import post_save
from modelsearch import signal_handlers as search_signals
from wagtail.models import ReferenceIndex
from wagtail.search.backends import get_search_backends
from wagtail.signal_handlers import disable_reference_index_auto_update

from movement_archive.documentary.models import Credit, Episode, Series
from movement_archive.events.models import Event
from movement_archive.organisations.models import Organisation, OrganisationName, OrganisationRelation
from movement_archive.organising.models import OrganisingModel, Practice
from movement_archive.people.models import Affiliation, Person, PersonName
from movement_archive.places.models import Country, Locality
from movement_archive.sources.models import Claim, Disagreement, Source

from . import schema
from .interview_loader import InterviewLoading


@dataclass
class Report:
    """What a load did, per kind of record: how many were created, updated and left unchanged."""

    counts: dict[str, dict[str, int]] = field(default_factory=dict)

    def add(self, kind: str, outcome: str) -> None:
        self.counts.setdefault(kind, {"created": 0, "updated": 0, "unchanged": 0})[outcome] += 1

    def total(self, outcome: str) -> int:
        return sum(c[outcome] for c in self.counts.values())

    def lines(self) -> list[str]:
        return [
            f"{kind}: {c['created']} created, {c['updated']} updated, {c['unchanged']} unchanged"
            for kind, c in self.counts.items()
        ]


def load_seed(data_dir: Path | None = None, countries_csv: Path | None = None) -> Report:
    """Validate the seed files, then load them in one transaction. Raises schema.SeedError on bad input.

    Side effects: writes countries and every seed record, saves a revision and publishes each record that
    is new or changed, which updates the search index and Wagtail's reference index.
    """
    countries_csv = countries_csv or schema.COUNTRIES_CSV
    collection = schema.read_collection(data_dir, countries=schema.country_codes(countries_csv))
    with transaction.atomic():
        loader = _Loader(collection)
        with _indexing_deferred():
            report = loader.run(countries_csv)
        _index(loader.changed)
        return report


@contextmanager
def _indexing_deferred():
    """Index each changed record once at the end, rather than on each of the several saves a publish makes.

    Without this, search and reference indexing take two thirds of a load. Only for this process's
    loading: the handlers are reconnected however the block ends.
    """
    from modelsearch.index import get_indexed_models

    models_ = [m for m in get_indexed_models() if getattr(m, "search_auto_update", True)]
    for model in models_:
        post_save.disconnect(search_signals.post_save_signal_handler, sender=model)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        for model in models_:
            post_save.connect(search_signals.post_save_signal_handler, sender=model)


def _index(changed: list[models.Model]) -> None:
    by_model: dict[type, list] = {}
    for obj in changed:
        by_model.setdefault(type(obj), []).append(obj)
    for model, objects in by_model.items():
        fresh = list(model.objects.filter(pk__in=[o.pk for o in objects]))
        for backend in get_search_backends():
            backend.add_bulk(model, fresh)
        if ReferenceIndex.is_indexed(model):
            for obj in fresh:
                ReferenceIndex.create_or_update_for_object(obj)


def sync_countries(countries_csv: Path) -> tuple[int, int]:
    """Bring the Country table in line with the ISO/M49 table. Returns (created, updated)."""
    existing = {c.iso2: c for c in Country.objects.all()}
    created = updated = 0
    fields = [f.name for f in Country._meta.fields if f.name != "id"]
    with countries_csv.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            country = existing.get(row["iso2"])
            if country is None:
                Country.objects.create(**{name: row[name] for name in fields})
                created += 1
            elif any(getattr(country, name) != row[name] for name in fields if name != "name"):
                # The name stays as editors may have set it; codes and regions follow the table.
                for name in fields:
                    if name != "name":
                        setattr(country, name, row[name])
                country.save()
                updated += 1
    return created, updated


class _Loader(InterviewLoading):
    def __init__(self, collection: schema.Collection):
        self.c = collection
        self.report = Report()
        self.countries: dict[str, Country] = {}
        self.records: dict[str, dict[str, Any]] = {}  # kind -> key -> instance
        self.changed: list[models.Model] = []  # to index once the load is done

    # -- entry point -------------------------------------------------------------------------------------------

    def run(self, countries_csv: Path) -> Report:
        created, updated = sync_countries(countries_csv)
        self.report.counts["countries"] = {
            "created": created,
            "updated": updated,
            "unchanged": Country.objects.count() - created - updated,
        }
        self.countries = {c.iso2: c for c in Country.objects.all()}
        if created or updated:
            self.changed += self.countries.values()

        # Pass 1: every keyed record exists, so that pass 2 can point at any of them.
        self._shells("sources", Source, self.c.sources, lambda r: {"title": r["title"], "kind": r["kind"]})
        self._shells(
            "localities",
            Locality,
            self.c.localities,
            lambda r: {"name": r["name"], "kind": r["kind"], "country": self.countries[r["country"]]},
        )
        self._shells(
            "organising_models",
            OrganisingModel,
            self.c.organising_models,
            lambda r: {"name": r["name"], "definition": r["definition"]},
        )
        self._shells(
            "organisations",
            Organisation,
            self.c.organisations,
            lambda r: {"name": r["name"], "kind": r["kind"], "scope": r["scope"]},
        )
        self._shells("people", Person, self.c.people, lambda r: {"name": r["name"]})
        self._shells("events", Event, self.c.events, self._event_scalars)

        # Pass 2: the full content of each record, published where it changed.
        relations_by_subject: dict[str, list[dict]] = {}
        for rel in self.c.relations:
            relations_by_subject.setdefault(rel["subject"], []).append(rel)
        for r in self.c.sources:
            self._apply("sources", r, self._source)
        for r in self.c.localities:
            self._apply("localities", r, self._locality)
        for r in self.c.organising_models:
            self._apply("organising_models", r, self._organising_model)
        for r in self.c.organisations:
            self._apply("organisations", r, lambda obj, r: self._organisation(obj, r, relations_by_subject))
        for r in self.c.people:
            self._apply("people", r, self._person)
        for r in self.c.events:
            self._apply("events", r, self._event)
        self._series_and_episodes()
        self._interviews()  # after people, organisations, localities and episodes, which interviews point at
        for r in self.c.disagreements:
            obj = self._existing_or_new("disagreements", Disagreement, r["key"], {"title": r["title"]})
            self._apply("disagreements", r, self._disagreement, obj)
        return self.report

    # -- generic machinery -------------------------------------------------------------------------------------

    def _shells(self, kind: str, model: type[models.Model], rows: Iterable[dict], required: Callable) -> None:
        existing = model.objects.in_bulk([r["key"] for r in rows], field_name="key")
        self.records[kind] = {}
        for r in rows:
            obj = existing.get(r["key"])
            if obj is None:
                obj = model(key=r["key"], **required(r))
                self._save(kind, r["key"], obj.save)
                obj._seed_new = True
            self.records[kind][r["key"]] = obj

    def _existing_or_new(self, kind: str, model: type[models.Model], key: str, required: dict) -> models.Model:
        obj = model.objects.filter(key=key).first()
        if obj is None:
            obj = model(key=key, **required)
            self._save(kind, key, obj.save)
            obj._seed_new = True
        self.records.setdefault(kind, {})[key] = obj
        return obj

    def _apply(self, kind: str, row: dict, fill: Callable[[Any, dict], None], obj: Any = None) -> None:
        """Fill ``obj`` from the seed row in memory; if its content differs, save a revision and publish it."""
        obj = obj if obj is not None else self.records[kind][row["key"]]
        before = None if getattr(obj, "_seed_new", False) else fingerprint(obj)
        fill(obj, row)
        if before is not None and before == fingerprint(obj) and obj.live:
            self.report.add(kind, "unchanged")
            return

        def publish():
            revision = obj.save_revision(log_action=True)
            revision.publish(log_action=True)

        self._save(kind, row.get("key", ""), publish)
        self.changed.append(obj)
        self.report.add(kind, "created" if before is None else "updated")

    def _save(self, kind: str, key: str, action: Callable[[], Any]) -> None:
        try:
            action()
        except ValidationError as error:
            problems = [
                schema.Problem(f"{kind} (database)", f"'{key}'", name if name != "__all__" else "", "; ".join(messages))
                for name, messages in error.message_dict.items()
            ]
            raise schema.SeedError(problems) from error

    def _citations(self, rows: list[dict]) -> list[dict]:
        sources = self.records["sources"]
        return [
            {
                "type": "citation",
                "value": {"source": sources[c["source"]].pk, "locator": c["locator"], "supports": c["supports"]},
            }
            for c in rows
        ]

    def _countries(self, codes: list[str]) -> list[Country]:
        return [self.countries[code] for code in codes]

    def _many(self, kind: str, keys: list[str]) -> list[Any]:
        return [self.records[kind][key] for key in keys]

    def _one(self, kind: str, key: str | None) -> Any:
        return self.records[kind][key] if key else None

    # -- per kind ----------------------------------------------------------------------------------------------

    def _source(self, obj: Source, r: dict) -> None:
        obj.title, obj.kind, obj.date = r["title"], r["kind"], r["date"]
        obj.file_name, obj.url, obj.description = r["file"], r["url"], r["description"]
        obj.publishers.set(self._many("organisations", r["publisher"]))
        obj.authors.set(self._many("people", r["authors"]))
        obj.citations = self._citations(r["citations"])

    def _locality(self, obj: Locality, r: dict) -> None:
        obj.name, obj.kind, obj.country = r["name"], r["kind"], self.countries[r["country"]]
        obj.latitude = _decimal(r["latitude"], 5)
        obj.longitude = _decimal(r["longitude"], 5)
        obj.citations = self._citations(r["citations"])

    def _organising_model(self, obj: OrganisingModel, r: dict) -> None:
        obj.name, obj.position, obj.definition = r["name"], r["position"], r["definition"]
        obj.citations = self._citations(r["citations"])

    def _organisation(self, obj: Organisation, r: dict, relations_by_subject: dict[str, list[dict]]) -> None:
        for name in ("name", "acronym", "kind", "scope", "founded", "closed", "status", "website", "description"):
            setattr(obj, name, r[name])
        obj.countries.set(self._countries(r["countries"]))
        obj.localities.set(self._many("localities", r["localities"]))
        obj.other_names = [
            OrganisationName(name=n["name"], kind=n["kind"], language=n["language"], sort_order=i)
            for i, n in enumerate(r["other_names"])
        ]
        obj.practices = [
            Practice(
                model=self.records["organising_models"][p["model"]],
                start=p["start"],
                end=p["end"],
                note=p["note"],
                citations=self._citations(p["citations"]),
                sort_order=i,
            )
            for i, p in enumerate(r["organising_models"])
        ]
        obj.relations = [
            OrganisationRelation(
                type=rel["type"],
                object=self.records["organisations"][rel["object"]],
                start=rel["start"],
                end=rel["end"],
                description=rel["description"],
                citations=self._citations(rel["citations"]),
                sort_order=i,
            )
            for i, rel in enumerate(relations_by_subject.get(r["key"], []))
        ]
        obj.citations = self._citations(r["citations"])

    def _person(self, obj: Person, r: dict) -> None:
        obj.name, obj.sort_name = r["name"], r["sort_name"] or r["name"]
        obj.access, obj.biography = r["access"], r["biography"]
        obj.countries.set(self._countries(r["countries"]))
        obj.roles.set(r["roles"], clear=True)
        obj.other_names = [PersonName(name=name, sort_order=i) for i, name in enumerate(r["other_names"])]
        obj.affiliations = [
            Affiliation(
                organisation=self.records["organisations"][a["organisation"]],
                role=a["role"],
                start=a["start"],
                end=a["end"],
                citations=self._citations(a["citations"]),
                sort_order=i,
            )
            for i, a in enumerate(r["affiliations"])
        ]
        obj.citations = self._citations(r["citations"])

    @staticmethod
    def _event_scalars(r: dict) -> dict:
        stat = r["statistic"] or {}
        return {
            "title": r["title"],
            "kind": r["kind"],
            "date": r["date"],
            "description": r["description"],
            "statistic_value": _decimal(stat.get("value"), 2),
            "statistic_qualifier": stat.get("qualifier", ""),
            "statistic_unit": stat.get("unit", ""),
        }

    def _event(self, obj: Event, r: dict) -> None:
        for name, value in self._event_scalars(r).items():
            setattr(obj, name, value)
        obj.organisations.set(self._many("organisations", r["organisations"]))
        obj.people.set(self._many("people", r["people"]))
        obj.countries.set(self._countries(r["countries"]))
        obj.localities.set(self._many("localities", r["localities"]))
        obj.citations = self._citations(r["citations"])

    def _series_and_episodes(self) -> None:
        s = self.c.series
        if not s:
            return
        series = self._existing_or_new("series", Series, s["key"], {"title": s["title"]})

        def fill_series(obj: Series, r: dict) -> None:
            obj.title, obj.description = r["title"], r["description"]
            obj.interview_count, obj.country_count = r["interview_count"], r["country_count"]
            obj.conference = self._one("events", r["conference"])
            obj.credits = [
                Credit(
                    role=cr["role"],
                    person=self._one("people", cr["person"]),
                    organisation=self._one("organisations", cr["organisation"]),
                    note=cr["note"],
                    citations=self._citations(cr["citations"]),
                    sort_order=i,
                )
                for i, cr in enumerate(r["credits"])
            ]
            obj.citations = self._citations(r["citations"])

        self._apply("series", s, fill_series, series)
        for e in self.c.episodes:
            key = f"{s['key']}-episode-{e['number']}"
            episode = Episode.objects.filter(series=series, number=e["number"]).first()
            if episode is None:
                episode = Episode(key=key, series=series, number=e["number"], title=e["title"])
                self._save("episodes", key, episode.save)
                episode._seed_new = True

            def fill_episode(obj: Episode, r: dict) -> None:
                obj.title, obj.summary = r["title"], r["summary"]
                obj.countries.set(self._countries(r["countries"]))
                obj.people.set(self._many("people", r["people"]))
                obj.organisations.set(self._many("organisations", r["organisations"]))
                obj.citations = self._citations(r["citations"])

            self._apply("episodes", {**e, "key": key}, fill_episode, episode)
            self.records.setdefault("episodes", {})[e["number"]] = episode

    def _disagreement(self, obj: Disagreement, r: dict) -> None:
        obj.title, obj.summary = r["title"], r["summary"]
        claims = r["claims"]
        obj.events.set(self._many("events", sorted({k for c in claims for k in c["events"]})))
        obj.organisations.set(self._many("organisations", sorted({k for c in claims for k in c["organisations"]})))
        obj.claims = [
            Claim(
                statement=c["statement"],
                event=self._one("events", c["events"][0] if c["events"] else None),
                citations=self._citations(c["citations"]),
                sort_order=i,
            )
            for i, c in enumerate(claims)
        ]


# -- comparing content -------------------------------------------------------------------------------------------

# Bookkeeping that changes on every save and says nothing about content.
_IGNORED = {
    "id", "latest_revision", "live_revision", "live", "has_unpublished_changes", "first_published_at",
    "last_published_at", "go_live_at", "expire_at", "expired", "locked", "locked_at", "locked_by",
    "created_at", "updated_at", "sort_order",
}  # fmt: skip


def _decimal(value: Any, places: int) -> Decimal | None:
    if value is None:
        return None
    return Decimal(str(value)).quantize(Decimal(1).scaleb(-places))


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return value.normalize()
    return value


def _citation_tuples(stream: Any) -> list[tuple]:
    raw = getattr(stream, "raw_data", stream) or []
    return [(item["value"]["source"], item["value"]["locator"], item["value"].get("supports", "")) for item in raw]


def _row(obj: models.Model, parental: str | None = None) -> tuple:
    values = []
    for f in obj._meta.concrete_fields:
        if f.name in _IGNORED or f.name == parental or not f.editable:
            continue
        if f.name == "citations":
            values.append(("citations", tuple(_citation_tuples(obj.citations))))
        else:
            values.append((f.name, _plain(getattr(obj, f.attname))))
    return tuple(values)


def fingerprint(obj: models.Model) -> tuple:
    """The content of a record, children and many-to-many included, whether saved or only in memory."""
    parts: list[Any] = [_row(obj)]
    for relation in getattr(obj._meta, "child_relations", []):
        accessor = relation.get_accessor_name()
        parental = relation.field.name
        children = getattr(obj, accessor).all()
        parts.append((accessor, tuple(_row(child, parental) for child in children)))
    for m2m in obj._meta.many_to_many:
        manager = getattr(obj, m2m.name)
        if m2m.name == "roles":
            parts.append(("roles", tuple(sorted(tag.name for tag in manager.all()))))
        else:
            parts.append((m2m.name, tuple(sorted(item.pk for item in manager.all()))))
    return tuple(parts)
