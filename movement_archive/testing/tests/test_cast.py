"""The cast every test relies on is who it says it is, and the factories make records as the back office does."""

from __future__ import annotations

import pytest
from django.contrib.auth import authenticate

from movement_archive.people.models import Person
from movement_archive.testing import PASSWORD, make_country, make_organisation, make_person


def test_each_member_of_the_cast_signs_in_with_the_shared_password(administrator, editor, researcher, community_member):
    for user in (administrator, editor, researcher, community_member):
        assert authenticate(username=user.username, password=PASSWORD) == user


def test_the_cast_holds_their_roles_through_groups_not_superuser_flags(
    administrator, editor, researcher, community_member
):
    assert [g.name for g in administrator.groups.all()] == ["Administrators"]
    assert [g.name for g in editor.groups.all()] == ["Editors"]
    assert [g.name for g in researcher.groups.all()] == ["Researchers"]
    assert not community_member.groups.exists()
    assert not any(u.is_superuser or u.is_staff for u in (administrator, editor, researcher, community_member))


def test_the_anonymous_visitor_is_not_signed_in(anonymous):
    assert not anonymous.is_authenticated


def test_a_factory_record_is_live_with_its_published_revision(db):
    organisation = make_organisation(name="VANDU")

    assert organisation.live
    assert not organisation.has_unpublished_changes
    assert organisation.live_revision == organisation.latest_revision
    assert organisation.revisions.count() == 1
    assert organisation.key == "vandu"


def test_a_factory_draft_waits_in_its_revision(db):
    person = make_person(name="Dee Draft", live=False)

    assert not person.live
    assert person.has_unpublished_changes
    assert person.latest_revision is not None
    assert not Person.objects.live().filter(pk=person.pk).exists()


def test_factories_never_reuse_a_key(db):
    first, second = make_person(name="Sam"), make_person(name="Sam")

    assert (first.key, second.key) == ("sam", "sam-2")


def test_a_country_comes_from_the_m49_table_once(db):
    netherlands = make_country("nl")

    assert (netherlands.iso3, netherlands.m49, netherlands.name) == ("NLD", "528", "Netherlands")
    assert netherlands.region_name == "Europe"
    assert make_country("NL") == netherlands


def test_an_unknown_country_code_is_refused(db):
    with pytest.raises(ValueError, match="'ZZ' is not a country"):
        make_country("ZZ")
