"""Who sees whom: hidden people stay out of public view, and nobody reads a draft through visible_to()."""

from __future__ import annotations

import pytest
from django.apps import apps

from movement_archive.access.models import AccessLevel
from movement_archive.core.models import EditorialRecord
from movement_archive.documentary.models import Episode, Series
from movement_archive.events.models import Event
from movement_archive.interviews.models import Interview
from movement_archive.organisations.models import Organisation
from movement_archive.organising.models import OrganisingModel
from movement_archive.people.models import Person
from movement_archive.places.models import Locality
from movement_archive.sources.models import Disagreement, Source
from movement_archive.testing import (
    administrator,
    anonymous,
    community_member,
    editor,
    make_disagreement,
    make_episode,
    make_event,
    make_interview,
    make_locality,
    make_organisation,
    make_organising_model,
    make_person,
    make_series,
    make_source,
    researcher,
)

FACTORIES = {
    Organisation: make_organisation,
    Person: make_person,
    Event: make_event,
    OrganisingModel: make_organising_model,
    Series: make_series,
    Episode: make_episode,
    Interview: make_interview,
    Source: make_source,
    Disagreement: make_disagreement,
    Locality: make_locality,
}


def _names(user) -> set[str]:
    return set(Person.objects.visible_to(user).values_list("name", flat=True))


@pytest.fixture
def people(db):
    make_person(name="Pat Public")
    make_person(name="Hana Hidden", consent="research")


# Hidden people ----------------------------------------------------------------------------------------------


def test_hidden_people_are_left_out_for_visitors_and_community_members(people):
    assert _names(anonymous()) == {"Pat Public"}
    assert _names(community_member()) == {"Pat Public"}


def test_without_a_user_the_public_view_applies(people):
    assert set(Person.objects.visible_to().values_list("name", flat=True)) == {"Pat Public"}
    assert _names(None) == {"Pat Public"}


@pytest.mark.parametrize("member", [researcher, editor, administrator], ids=lambda f: f.__name__)
def test_the_back_office_roles_see_hidden_people(people, member):
    assert _names(member()) == {"Pat Public", "Hana Hidden"}


def test_a_hidden_person_stays_hidden_until_the_change_is_published(db):
    person = make_person(name="Hana Hidden")

    person.access = AccessLevel.COMMUNITY
    revision = person.save_revision()
    assert _names(anonymous()) == {"Hana Hidden"}, "a draft does not change what readers see"

    revision.publish()
    assert _names(anonymous()) == set()
    assert _names(researcher()) == {"Hana Hidden"}


# Drafts -----------------------------------------------------------------------------------------------------


def test_every_kind_of_editorial_record_is_covered_here():
    # A new kind of record must join FACTORIES, so that the draft rule below is checked for it too.
    kinds = {model for model in apps.get_models() if issubclass(model, EditorialRecord)}

    assert set(FACTORIES) == kinds


@pytest.mark.parametrize("model", list(FACTORIES), ids=lambda model: model.__name__)
def test_a_draft_is_visible_to_no_one(db, model):
    make = FACTORIES[model]
    published, draft = make(), make(live=False)
    everyone = [anonymous(), community_member(), researcher(), editor(), administrator()]

    for user in everyone:
        visible = model.objects.visible_to(user)
        assert published in visible, f"{model.__name__} published, for {user}"
        assert draft not in visible, f"{model.__name__} draft, for {user}"


def test_a_hidden_draft_is_visible_to_no_one(db):
    make_person(name="Hana Hidden", consent="research", live=False)

    for user in (anonymous(), community_member(), researcher(), editor()):
        assert _names(user) == set()


def test_readers_see_the_published_version_while_a_change_waits_as_a_draft(db):
    person = make_person(name="Pat Public", biography="Founded a union in 1981.")

    person.biography = "Founded a union in 1980."
    person.save_revision()

    assert Person.objects.visible_to(anonymous()).get().biography == "Founded a union in 1981."
    assert Person.objects.get().get_latest_revision_as_object().biography == "Founded a union in 1980."
