"""Every proper name in the source documents is a record or an alias, or is listed here as no entity."""

from movement_archive.documentary.models import Episode, Series
from movement_archive.events.models import Event
from movement_archive.organisations.models import Organisation, OrganisationName
from movement_archive.organising.models import OrganisingModel
from movement_archive.people.models import Person, PersonName
from movement_archive.places.models import Country, Locality
from movement_archive.sources.models import Source
from movement_archive.testing.outside import source_documents

from .base import SeededTestCase
from .proper_names import CONNECTORS, candidates, normalise

# Capitalised words of the documents that name no entity the archive should hold. Keep it short;
# anything that names an organisation, person, place, event or publication belongs in the seed.
NOT_ENTITIES = {
    # Months, written inside dates the events carry.
    "July", "October",
    # Health and treatment terms and their abbreviations.
    "ARV", "MMT", "NSP", "NSPs", "OST", "Opioid Substitution Therapy",
    # Generic words for kinds of body, and offices held by no named person.
    "NGOs", "Parliament", "Mayors", "Indonesian President’s", "Thailand’s Embassies",
    # Adjectives and labels: nationalities, a faith, a political era, a stereotype, an academic degree.
    "Canadians", "Catholic", "Soviet", "MA", "Philosophy",
    # "Canadian Drug Policy" is the country's policy, not a body.
    "Canadian Drug Policy",
    # Regions the briefing speaks of; the archive places records in countries, grouped by UN M49 region.
    "East Africa", "Eurasia",
    # The board of INPUD, held as Tonny van Montfoort's role in his INPUD affiliation.
    "INPUD Board",
    # The plural of two records' names (the Kenyan and the Tanzanian networks).
    "Tanzanian Networks of People who Use Drugs",
    # The briefing's spelling of UNODC's report, held as the source record world-drug-report.
    "UNODC’s World Drugs Report",
    # A slogan of INPUD's founding declaration, and a guide the briefing announces for a later edition.
    "Nothing About Us Without Us",
    "Starting Up A Drug User Group",
}  # fmt: skip


def known_names() -> list[str]:
    names: list[str] = []
    for name, acronym in Organisation.objects.values_list("name", "acronym"):
        names += [name, acronym]
    names += OrganisationName.objects.values_list("name", flat=True)
    names += Person.objects.values_list("name", flat=True)
    names += PersonName.objects.values_list("name", flat=True)
    names += Locality.objects.values_list("name", flat=True)
    for row in Country.objects.values_list("name", "iso3", "region_name", "subregion_name", "intermediate_region_name"):
        names += row
    names += Event.objects.values_list("title", flat=True)
    names += Source.objects.values_list("title", flat=True)
    names += OrganisingModel.objects.values_list("name", flat=True)
    names += Series.objects.values_list("title", flat=True)
    names += Episode.objects.values_list("title", flat=True)
    return [f" {normalise(n)} " for n in names if n]


def document_names() -> set[str]:
    found: set[str] = set()
    for path in source_documents():
        found |= candidates(path.read_text(encoding="utf-8"))
    return found


class CoverageTests(SeededTestCase):
    def test_every_proper_name_in_the_documents_is_a_record_or_an_alias(self):
        known = known_names()

        def is_known(text: str) -> bool:
            words = [w for w in text.split() if w.casefold() not in CONNECTORS] and text.split()
            while words and words[0].casefold() in CONNECTORS:
                words = words[1:]
            phrase = f" {normalise(' '.join(words))} "
            return phrase.strip() != "" and any(phrase in name for name in known)

        def covered(candidate: str) -> bool:
            if is_known(candidate):
                return True
            # Two names written side by side ("Edinburgh Scotland", "Shaun Shelly of SANPUD").
            words = candidate.split()
            return any(is_known(" ".join(words[:i])) and is_known(" ".join(words[i:])) for i in range(1, len(words)))

        names = document_names()
        self.assertGreater(len(names), 150, "the extractor found too few names to be trusted")
        missing = sorted(name for name in names - NOT_ENTITIES if not covered(name))
        self.assertEqual(missing, [], "names in the documents that are neither records nor aliases")

    def test_the_list_of_non_entities_holds_only_names_the_documents_use(self):
        self.assertEqual(NOT_ENTITIES - document_names(), set())

    def test_the_extractor_finds_names_inside_sentences(self):
        text = (
            "In January 1981, the Junkiebond was formed in Rotterdam. "
            "Simon W. Beddoe works at the Indian Harm Reduction Association."
        )
        found = candidates(text)
        self.assertIn("Junkiebond", found)
        self.assertIn("Rotterdam", found)
        self.assertIn("Simon W Beddoe", found)
        self.assertIn("Indian Harm Reduction Association", found)
        self.assertNotIn("In", found)
