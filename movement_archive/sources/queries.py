"""Named queries for the source pages. Each reads only what the reader may see, through ``visible_to``."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Prefetch, Q, QuerySet
from django.http import QueryDict
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import ReferenceIndex

from movement_archive.core.twins import BadQuery
from movement_archive.documentary.models import Credit, Episode, Series
from movement_archive.events.models import Event
from movement_archive.organisations.models import Organisation, OrganisationRelation
from movement_archive.organising.models import OrganisingModel, Practice
from movement_archive.people.models import Affiliation, Person
from movement_archive.places.models import Locality
from movement_archive.sources.citations import Citation

from .models import Claim, Disagreement, Source

# The list ------------------------------------------------------------------------------------------------------


def read_kind(params: QueryDict) -> str:
    """The ``kind`` filter: one of Source.Kind's values, or empty for every kind."""
    kind = params.get("kind", "").strip()
    if kind and kind not in Source.Kind.values:
        raise BadQuery(
            "kind",
            _("%(kind)r is not a kind of source; use one of %(kinds)s")
            % {
                "kind": kind,
                "kinds": ", ".join(Source.Kind.values),
            },
        )
    return kind


def source_listing(user, kind: str = "") -> QuerySet[Source]:
    """Visible sources by title, with their visible publishers and authors: three queries for any page."""
    sources = Source.objects.visible_to(user)
    if kind:
        sources = sources.filter(kind=kind)
    return sources.order_by("title", "pk").prefetch_related(*people_and_publishers(user))


def people_and_publishers(user) -> list[Prefetch]:
    """Prefetches of a source's publishers and authors, leaving out any the reader may not see."""
    return [
        Prefetch(
            "publishers", queryset=Organisation.objects.visible_to(user).order_by("name"), to_attr="visible_publishers"
        ),
        Prefetch("authors", queryset=Person.objects.visible_to(user).order_by("sort_name"), to_attr="visible_authors"),
    ]


# What a source supports ----------------------------------------------------------------------------------------

_PARAGRAPH = re.compile(r"¶\s*(\d+)(?:\s*[•.]\s*(\d+))?")


def locator_order(locator: str) -> tuple:
    """Sort key for a locator: "¶4" before "¶21•3" before "¶21•4"; locators without a paragraph come last."""
    match = _PARAGRAPH.search(locator)
    if not match:
        return (1, 0, 0, locator)
    return (0, int(match[1]), int(match[2] or 0), locator)


@dataclass
class Supported:
    """A record, or a relation on a record, that cites the source: what it is, where it lives, what it cites."""

    kind: str  # organisation, practice, affiliation...
    key: str | None  # the record's key; None for a relation, which has none of its own
    label: str  # a name, or for a relation a line naming its parent record
    url: str | None
    parent: dict[str, str] | None  # for a relation: its parent record's kind, key and name
    citations: list[Citation] = field(default_factory=list)

    @property
    def order(self) -> tuple:
        return (min(locator_order(c.locator) for c in self.citations), self.label.casefold())


@dataclass
class SupportGroup:
    key: str
    heading: str
    items: list[Supported]


@dataclass(frozen=True)
class _Kind:
    """How to read one kind of citing record: which rows, and how each is named and linked."""

    key: str  # the group's key, as in the JSON
    kind: str  # each item's kind, as in the JSON
    heading: Any  # a lazy translation
    rows: Callable[[Any], QuerySet]  # user -> the rows the reader may see, with what the label needs
    label: Callable[[Any], str]
    url: Callable[[Any], str | None]
    parent: Callable[[Any], dict[str, str] | None] = lambda row: None


def _visible(model) -> Callable[[Any], QuerySet]:
    return lambda user: model.objects.visible_to(user)


def _record(kind: str, obj) -> dict[str, str]:
    return {"kind": kind, "key": obj.key, "name": str(obj)}


def _credit_label(credit: Credit) -> str:
    named = credit.person or credit.organisation
    values = {"role": credit.get_role_display(), "series": credit.series.title, "named": named or credit.note}
    return _("%(role)s, %(series)s: %(named)s") % values


# Records that cite the source in their own citations, keyed by model.
RECORDS: dict[type[models.Model], _Kind] = {
    Organisation: _Kind(
        "organisations",
        "organisation",
        gettext_lazy("Organisations"),
        _visible(Organisation),
        str,
        lambda o: o.get_absolute_url(),
    ),
    Person: _Kind("people", "person", gettext_lazy("People"), _visible(Person), str, lambda o: o.get_absolute_url()),
    Event: _Kind("events", "event", gettext_lazy("Events"), _visible(Event), str, lambda o: o.get_absolute_url()),
    Episode: _Kind(
        "episodes",
        "episode",
        gettext_lazy("Episodes"),
        lambda user: Episode.objects.visible_to(user).filter(series__in=Series.objects.visible_to(user)),
        str,
        lambda o: o.get_absolute_url(),
    ),
    OrganisingModel: _Kind(
        "organising_models",
        "organising_model",
        gettext_lazy("Organising models"),
        _visible(OrganisingModel),
        str,
        lambda o: o.get_absolute_url(),
    ),
    Locality: _Kind(
        "localities",
        "locality",
        gettext_lazy("Localities"),
        lambda user: Locality.objects.visible_to(user).select_related("country"),
        lambda o: f"{o.name}, {o.country.name}",
        # Localities have no page of their own: their country's page lists them.
        lambda o: o.country.get_absolute_url(),
    ),
    Series: _Kind(
        "series",
        "series",
        gettext_lazy("The documentary series"),
        _visible(Series),
        str,
        lambda o: reverse("documentary:list"),
    ),
    Source: _Kind("sources", "source", gettext_lazy("Sources"), _visible(Source), str, lambda o: o.get_absolute_url()),
    Disagreement: _Kind(
        "disagreements",
        "disagreement",
        gettext_lazy("Disagreements between sources"),
        _visible(Disagreement),
        str,
        lambda o: None,
    ),
}

# Relations that cite the source, keyed by (parent model, child relation name) as the reference index records
# them. Each is shown only when every record it names is visible.
CHILDREN: dict[tuple[type[models.Model], str], _Kind] = {
    (Organisation, "relations"): _Kind(
        "relations",
        "relation",
        gettext_lazy("Relations between organisations"),
        lambda user: OrganisationRelation.objects.filter(
            Organisation.objects.visible_to(user).pointed_at_by("subject"),
            Organisation.objects.visible_to(user).pointed_at_by("object"),
        ).select_related("subject", "object"),
        lambda r: f"{r.subject} {r.get_type_display()} {r.object}",
        lambda r: r.subject.get_absolute_url(),
        lambda r: _record("organisation", r.subject),
    ),
    (Person, "affiliations"): _Kind(
        "affiliations",
        "affiliation",
        gettext_lazy("Affiliations of people with organisations"),
        lambda user: Affiliation.objects.filter(
            Person.objects.visible_to(user).pointed_at_by("person"),
            Organisation.objects.visible_to(user).pointed_at_by("organisation"),
        ).select_related("person", "organisation"),
        lambda a: (
            _("%(person)s, %(role)s, %(organisation)s")
            % {"person": a.person, "role": a.role or _("affiliated"), "organisation": a.organisation}
        ),
        lambda a: a.person.get_absolute_url(),
        lambda a: _record("person", a.person),
    ),
    (Organisation, "practices"): _Kind(
        "practices",
        "practice",
        gettext_lazy("Organisations practising a model"),
        lambda user: Practice.objects.filter(
            Organisation.objects.visible_to(user).pointed_at_by("organisation"),
            OrganisingModel.objects.visible_to(user).pointed_at_by("model"),
        ).select_related("organisation", "model"),
        lambda p: _("%(organisation)s practises %(model)s") % {"organisation": p.organisation, "model": p.model},
        lambda p: p.organisation.get_absolute_url(),
        lambda p: _record("organisation", p.organisation),
    ),
    (Series, "credits"): _Kind(
        "credits",
        "credit",
        gettext_lazy("Credits of the documentary series"),
        lambda user: (
            Credit.objects.filter(series__in=Series.objects.visible_to(user))
            .filter(Q(person__isnull=True) | Person.objects.visible_to(user).pointed_at_by("person"))
            .filter(Q(organisation__isnull=True) | Organisation.objects.visible_to(user).pointed_at_by("organisation"))
            .select_related("series", "person", "organisation")
        ),
        _credit_label,
        lambda c: reverse("documentary:list"),
        lambda c: _record("series", c.series),
    ),
    (Disagreement, "claims"): _Kind(
        "claims",
        "claim",
        gettext_lazy("Claims where sources disagree"),
        lambda user: Claim.objects.filter(disagreement__in=Disagreement.objects.visible_to(user)).select_related(
            "disagreement"
        ),
        lambda c: f"{c.disagreement.title}: {Truncator(c.statement).words(20)}",
        lambda c: None,
        lambda c: _record("disagreement", c.disagreement),
    ),
}

ORDER = [kind.key for kind in RECORDS.values()] + [kind.key for kind in CHILDREN.values()]


def _citing(source: Source) -> tuple[dict[type, set[int]], dict[tuple[type, str], set[int]]]:
    """Which rows cite the source, from Wagtail's reference index: one query (content types are cached).

    The index records a citation on a record as "citations.<block>.source" against the record, and one on a
    relation as "<relation>.<child pk>.citations.<block>.source" against the relation's parent record.
    """
    records: dict[type, set[int]] = defaultdict(set)
    children: dict[tuple[type, str], set[int]] = defaultdict(set)
    references = ReferenceIndex.get_references_to(source).values_list("content_type_id", "object_id", "content_path")
    for content_type_id, object_id, content_path in references:
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        parts = content_path.split(".")
        if parts[0] == "citations" and model in RECORDS:
            records[model].add(int(object_id))
        elif len(parts) > 2 and parts[2] == "citations" and (model, parts[0]) in CHILDREN:
            children[(model, parts[0])].add(int(parts[1]))
    return records, children


def _citations_of(obj, source: Source) -> list[Citation]:
    raw = getattr(obj.citations, "raw_data", None) or []
    cited = [
        Citation(source, item["value"]["locator"], item["value"].get("supports", ""))
        for item in raw
        if str(item.get("value", {}).get("source")) == str(source.pk)
    ]
    return sorted(cited, key=lambda c: locator_order(c.locator))


def what_source_supports(source: Source, user) -> list[SupportGroup]:
    """Every visible record and relation citing ``source``, grouped by kind, each with its locators.

    Items in a group are in the order of the first paragraph they cite. Queries: one on the reference index,
    then one per kind of citing record or relation, so the count does not grow with the number of citing rows.
    The reference index is kept by Wagtail as records are saved (with the "database" task backend, after the
    worker has run); ``manage.py rebuild_references_index`` rebuilds it.
    """
    records, children = _citing(source)
    wanted = [(RECORDS[model], ids) for model, ids in records.items()]
    wanted += [(CHILDREN[key], ids) for key, ids in children.items()]
    groups: dict[str, SupportGroup] = {}
    for kind, ids in wanted:
        for row in kind.rows(user).filter(pk__in=ids):
            citations = _citations_of(row, source)
            if not citations:  # the index is a step behind the record: trust the record
                continue
            group = groups.setdefault(kind.key, SupportGroup(kind.key, str(kind.heading), []))
            group.items.append(
                Supported(
                    kind.kind, getattr(row, "key", None), kind.label(row), kind.url(row), kind.parent(row), citations
                )
            )
    for group in groups.values():
        group.items.sort(key=lambda item: item.order)
    return [groups[key] for key in ORDER if key in groups]
