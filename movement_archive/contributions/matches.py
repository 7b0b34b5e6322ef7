"""Named queries of the moderation page: the records a contribution probably matches, and what a correction changes.

Matching every organisation would mean keying 100,000 names for each page; instead the candidates are those the
archive's search finds for the contribution's names (as written and transliterated) and those in the same
country, at most a few thousand, and ``movement_archive.matching`` scores them in any script.
"""

from __future__ import annotations

from dataclasses import dataclass

from anyascii import anyascii
from django.db.models import Prefetch
from django.utils.translation import gettext as _

from movement_archive.dates import edtf
from movement_archive.matching import Candidate, CandidateIndex, Match
from movement_archive.organisations.models import Organisation, OrganisationName
from movement_archive.search.filters import Filters
from movement_archive.search.queries import search

from .models import Contribution

FOUND_PER_NAME = 50
SAME_COUNTRY = 5000


@dataclass(frozen=True)
class ProbableMatch:
    organisation: Organisation
    match: Match


def probable_matches(contribution: Contribution, user, limit: int = 5) -> list[ProbableMatch]:
    names = contribution_names(contribution)
    keys: set[int] = set()
    for name in names:
        for query in dict.fromkeys((name, anyascii(name))):
            found = search(user, query, Filters(types=("organisation",)))
            keys.update(hit.record.pk for hit in found.hits[:FOUND_PER_NAME])
    visible = Organisation.objects.visible_to(user)
    if contribution.country_id:
        keys.update(visible.filter(countries=contribution.country_id).values_list("pk", flat=True)[:SAME_COUNTRY])
    organisations = {
        o.pk: o
        for o in visible.filter(pk__in=keys).prefetch_related(
            Prefetch("other_names", queryset=OrganisationName.objects.only("organisation_id", "name")),
            "countries",
        )
    }
    index = CandidateIndex(
        Candidate(
            key=o.pk,
            names=tuple(n for n in (o.name, o.acronym, *(x.name for x in o.other_names.all())) if n),
            country=next((c.iso2 for c in o.countries.all()), ""),
        )
        for o in organisations.values()
    )
    country = contribution.country.iso2 if contribution.country_id else ""
    found = index.probable_matches(names, country=country, city=contribution.city, limit=limit)
    return [ProbableMatch(organisations[m.key], m) for m in found]


def contribution_names(contribution: Contribution) -> list[str]:
    return [contribution.group_name, *(line for line in contribution.other_names.splitlines() if line.strip())]


@dataclass(frozen=True)
class Change:
    """One field of a record as it stands beside what a contribution says of it."""

    label: str
    current: str
    proposed: str

    @property
    def differs(self) -> bool:
        return bool(self.proposed) and self.proposed.strip() != self.current.strip()


def proposed_changes(contribution: Contribution, organisation: Organisation) -> list[Change]:
    """The field-by-field comparison a correction is moderated by: only the fields the contributor filled in."""
    current_names = {organisation.name, organisation.acronym, *(n.name for n in organisation.other_names.all())}
    new_names = [n for n in contribution_names(contribution)[1:] if n not in current_names]
    countries = ", ".join(c.name for c in organisation.countries.all())
    rows = [
        Change(_("name"), organisation.name, contribution.group_name),
        Change(
            "other names",
            "\n".join(sorted(n for n in current_names if n and n != organisation.name)),
            "\n".join(new_names),
        ),
        Change(_("country"), countries, contribution.country.name if contribution.country_id else ""),
        Change(_("founded"), _words(organisation.founded), _words(contribution.founded)),
        Change(_("description"), organisation.description, contribution.narrative),
    ]
    return [row for row in rows if row.proposed]


def _words(value: str) -> str:
    return edtf.describe(edtf.parse(value)) if value else ""


FOUND_BY_NAME = 20


def found_by_name(query: str, user) -> list[Organisation]:
    """The organisations an editor finds by typing a name, an acronym, another name or the start of one: the
    archive's own search (accents and case folded), kept to organisations, best first."""
    if not query.strip():
        return []
    return [hit.record for hit in search(user, query, Filters(types=("organisation",))).hits[:FOUND_BY_NAME]]
