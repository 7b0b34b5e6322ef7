"""The rules an organisation's dates, names and relations keep, in the database and in validation alike."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, streamfield

from movement_archive.organisations.models import Organisation, OrganisationName, OrganisationRelation, RelationType
from movement_archive.testing import make_organisation
from movement_archive.testing.admin_forms import organisation_form

CLOSES_BEFORE_FOUNDING = "An organisation cannot close before it was founded."
RELATED_TO_ITSELF = "An organisation cannot be related to itself."


def _organisation(**fields) -> Organisation:
    values = {"key": "vandu", "name": "VANDU", "kind": Organisation.Kind.USER_GROUP, "scope": Organisation.Scope.LOCAL}
    return Organisation(**{**values, **fields})


# Founding and closing ---------------------------------------------------------------------------------------


def test_an_organisation_closing_before_it_was_founded_cannot_be_saved(db):
    with pytest.raises(IntegrityError, match="organisation_closes_after_founding"), transaction.atomic():
        _organisation(founded="1990", closed="1985").save()

    assert not Organisation.objects.exists()


def test_an_organisation_may_close_in_the_year_it_was_founded_or_later(db):
    same_year = make_organisation(name="Short-lived", founded="1990-03", closed="1990")
    later = make_organisation(name="Long-lived", founded="198X", closed="2006~")
    still_going = make_organisation(name="Still going", founded="1998")

    assert {o.name for o in Organisation.objects.all()} == {same_year.name, later.name, still_going.name}


def test_an_organisation_founded_by_a_year_may_close_during_that_year(db):
    # "../1990": founded some time by 1990, so it may well have closed in June 1990.
    organisation = make_organisation(founded="../1990", closed="1990-06")

    assert Organisation.objects.get() == organisation


def test_validation_says_an_organisation_cannot_close_before_it_was_founded(db):
    with pytest.raises(ValidationError) as raised:
        _organisation(founded="1990", closed="1985").full_clean()

    assert CLOSES_BEFORE_FOUNDING in str(raised.value)


def test_validation_judges_a_changed_closing_date_not_the_saved_one(db):
    organisation = make_organisation(founded="1990", closed="1995")

    organisation.closed = "1985"

    with pytest.raises(ValidationError) as raised:
        organisation.full_clean()

    assert CLOSES_BEFORE_FOUNDING in str(raised.value)


def test_the_back_office_tells_the_editor_an_organisation_cannot_close_before_it_was_founded(client, editor):
    client.force_login(editor)

    response = client.post(
        reverse(Organisation.snippet_viewset.get_url_name("add")),
        organisation_form(founded="1990", closed="1985", **{"action-publish": "action-publish"}),
    )

    assert response.status_code == 200
    assert CLOSES_BEFORE_FOUNDING in response.content.decode()
    assert not Organisation.objects.exists()


# Relations --------------------------------------------------------------------------------------------------


def test_an_organisation_cannot_be_related_to_itself(db):
    vandu = make_organisation(name="VANDU")

    with pytest.raises(IntegrityError, match="organisation_relation_not_self"), transaction.atomic():
        OrganisationRelation.objects.create(subject=vandu, object=vandu, type=RelationType.INSPIRED)

    with pytest.raises(ValidationError) as raised:
        OrganisationRelation(subject=vandu, object=vandu, type=RelationType.INSPIRED).full_clean()
    assert raised.value.message_dict["object"] == [RELATED_TO_ITSELF]


@pytest.mark.parametrize("action", [{}, {"action-publish": "action-publish"}], ids=["draft", "publish"])
def test_the_back_office_refuses_a_relation_of_an_organisation_to_itself(client, editor, action):
    # A new inline relation has no subject until the organisation is saved, so the organisation's form says this.
    vandu = make_organisation(name="VANDU")
    client.force_login(editor)
    relation = {"type": RelationType.INSPIRED, "object": vandu.pk, "start": "", "end": "", "description": ""}

    response = client.post(
        reverse(Organisation.snippet_viewset.get_url_name("edit"), args=[vandu.pk]),
        organisation_form(
            key=vandu.key, relations=inline_formset([{**relation, "citations": streamfield([])}]), **action
        ),
    )

    assert response.status_code == 200
    assert RELATED_TO_ITSELF in response.content.decode()
    assert not OrganisationRelation.objects.exists()
    vandu.refresh_from_db()
    assert not vandu.has_unpublished_changes


def test_the_same_relation_cannot_be_recorded_twice(db):
    vandu, inpud = make_organisation(name="VANDU"), make_organisation(name="INPUD")
    OrganisationRelation.objects.create(subject=vandu, object=inpud, type=RelationType.MEMBER_OF)

    with pytest.raises(IntegrityError, match=r"(?i)unique"), transaction.atomic():
        OrganisationRelation.objects.create(subject=vandu, object=inpud, type=RelationType.MEMBER_OF)

    with pytest.raises(ValidationError) as raised:
        OrganisationRelation(subject=vandu, object=inpud, type=RelationType.MEMBER_OF).full_clean()
    assert "already exists" in str(raised.value)


def test_two_organisations_may_be_related_in_more_than_one_way(db):
    vandu, inpud = make_organisation(name="VANDU"), make_organisation(name="INPUD")
    OrganisationRelation.objects.create(subject=vandu, object=inpud, type=RelationType.MEMBER_OF)
    OrganisationRelation.objects.create(subject=vandu, object=inpud, type=RelationType.INSPIRED)
    OrganisationRelation.objects.create(subject=inpud, object=vandu, type=RelationType.SUPPORTED_BY)

    assert vandu.relations.count() == 2
    assert vandu.incoming_relations.count() == 1


# Other names ------------------------------------------------------------------------------------------------


def test_an_organisation_has_each_other_name_once(db):
    vandu = make_organisation(name="VANDU")
    OrganisationName.objects.create(organisation=vandu, name="Vancouver Area Network of Drug Users")

    with pytest.raises(IntegrityError, match=r"(?i)unique"), transaction.atomic():
        OrganisationName.objects.create(organisation=vandu, name="Vancouver Area Network of Drug Users")

    with pytest.raises(ValidationError) as raised:
        OrganisationName(organisation=vandu, name="Vancouver Area Network of Drug Users").full_clean()
    assert "already exists" in str(raised.value)


def test_two_organisations_may_share_another_name(db):
    first, second = make_organisation(name="Junkiebond"), make_organisation(name="Rotterdamse Junkiebond")
    OrganisationName.objects.create(organisation=first, name="Junkie Union", kind=OrganisationName.Kind.TRANSLATION)
    OrganisationName.objects.create(organisation=second, name="Junkie Union", kind=OrganisationName.Kind.TRANSLATION)

    assert OrganisationName.objects.filter(name="Junkie Union").count() == 2
