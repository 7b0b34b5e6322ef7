"""The three back-office roles: what an administrator, an editor and a researcher may do after migrate."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from movement_archive.accounts.roles import ADMINISTRATORS, ARCHIVE_APPS, EDITORS, RESEARCHERS, sync_roles
from movement_archive.events.models import Event
from movement_archive.organisations.models import Organisation

EDITORIAL = [Organisation, Event]


def _perm(model, action: str) -> str:
    return f"{model._meta.app_label}.{action}_{model._meta.model_name}"


def _permission_sets() -> dict[str, set[str]]:
    return {
        group.name: set(group.permissions.values_list("content_type__app_label", "codename"))
        for group in Group.objects.filter(name__in=[ADMINISTRATORS, EDITORS, RESEARCHERS])
    }


def test_the_three_roles_exist_after_migrate(db):
    assert set(Group.objects.values_list("name", flat=True)) >= {"Administrators", "Editors", "Researchers"}


@pytest.mark.parametrize("model", EDITORIAL, ids=lambda model: model.__name__)
@pytest.mark.parametrize("action", ["add", "change", "delete", "view", "publish", "lock", "unlock"])
def test_editors_write_publish_and_lock_records(editor, model, action):
    assert editor.has_perm(_perm(model, action))
    assert model.snippet_viewset.permission_policy.user_has_permission(editor, action)


@pytest.mark.parametrize("model", EDITORIAL, ids=lambda model: model.__name__)
def test_researchers_read_records_and_change_nothing(researcher, model):
    assert researcher.has_perm(_perm(model, "view"))
    for action in ("add", "change", "delete", "publish", "lock", "unlock"):
        assert not researcher.has_perm(_perm(model, action)), action


def test_researchers_may_read_every_kind_of_archive_record_and_nothing_more(researcher):
    archive_views = Permission.objects.filter(content_type__app_label__in=ARCHIVE_APPS, codename__startswith="view_")

    assert archive_views.exists()
    assert set(researcher.get_all_permissions()) == {
        "wagtailadmin.access_admin",
        *(f"{p.content_type.app_label}.{p.codename}" for p in archive_views),
    }


def test_every_role_opens_the_back_office_and_a_community_member_does_not(
    administrator, editor, researcher, community_member
):
    for member in (administrator, editor, researcher):
        assert member.has_perm("wagtailadmin.access_admin"), member.username
    assert not community_member.has_perm("wagtailadmin.access_admin")
    assert not community_member.get_all_permissions()


def test_a_community_member_is_turned_away_from_the_back_office(client, community_member):
    client.force_login(community_member)

    response = client.get(reverse("wagtailadmin_home"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


@pytest.mark.parametrize("codename", ["add_user", "change_user", "delete_user", "change_group"])
def test_administrators_manage_accounts_and_editors_do_not(administrator, editor, codename):
    assert not administrator.is_superuser
    assert administrator.has_perm(f"auth.{codename}")
    assert not editor.has_perm(f"auth.{codename}")


def test_administrators_may_do_everything_editors_may(administrator, editor):
    assert editor.get_all_permissions() <= administrator.get_all_permissions()


def test_an_administrator_can_open_the_user_accounts_page(client, administrator, editor):
    client.force_login(administrator)
    assert client.get(reverse("wagtailusers_users:index")).status_code == 200

    client.force_login(editor)
    assert client.get(reverse("wagtailusers_users:index")).status_code == 302


def test_syncing_the_roles_again_changes_nothing(db):
    before = _permission_sets()

    sync_roles()
    sync_roles()

    assert _permission_sets() == before
    assert Group.objects.filter(name__in=[ADMINISTRATORS, EDITORS, RESEARCHERS]).count() == 3


def test_syncing_takes_back_a_permission_granted_by_hand(db):
    researchers = Group.objects.get(name=RESEARCHERS)
    researchers.permissions.add(Permission.objects.get(codename="publish_organisation"))

    sync_roles()

    assert not researchers.permissions.filter(codename="publish_organisation").exists()


@pytest.mark.parametrize("address", ["wagtailimages:index", "wagtaildocs:index", "wagtailimages:add"])
def test_editors_and_administrators_open_the_images_and_documents_and_researchers_do_not(
    client, administrator, editor, researcher, address
):
    for user, status in ((editor, 200), (administrator, 200), (researcher, 302)):
        client.force_login(user)
        assert client.get(reverse(address)).status_code == status, user.username


def test_syncing_twice_grants_the_collection_permissions_once(db):
    from wagtail.models import GroupCollectionPermission

    sync_roles()
    before = GroupCollectionPermission.objects.count()
    sync_roles()

    assert GroupCollectionPermission.objects.count() == before > 0
