"""The seed reader's allowed values are exactly the models' choices, so the two cannot drift apart."""

from django.test import SimpleTestCase

from movement_archive.access.models import AccessLevel
from movement_archive.documentary.models import Credit
from movement_archive.events.models import Event
from movement_archive.organisations.models import Organisation, OrganisationName, RelationType
from movement_archive.places.models import Locality
from movement_archive.seed.schema import CHOICES
from movement_archive.sources.models import Source


class ChoicesTests(SimpleTestCase):
    def test_every_enumeration_matches_its_model(self):
        pairs = {
            "source_kind": Source.Kind,
            "locality_kind": Locality.Kind,
            "name_kind": OrganisationName.Kind,
            "organisation_kind": Organisation.Kind,
            "scope": Organisation.Scope,
            "status": Organisation.Status,
            "relation_type": RelationType,
            "event_kind": Event.Kind,
            "qualifier": Event.Qualifier,
            "credit_role": Credit.Role,
        }
        # Sealing needs the day it ends, which the seed format does not carry: every other level is allowed.
        levels = set(AccessLevel.values) - {AccessLevel.SEALED}
        choices = dict(CHOICES)
        self.assertEqual(choices.pop("access"), levels)
        self.assertEqual(choices.pop("interview_access"), levels)
        self.assertEqual(set(pairs), set(choices))
        for name, choices in pairs.items():
            self.assertEqual(CHOICES[name], set(choices.values), name)
