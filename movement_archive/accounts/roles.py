"""The back-office roles, kept in step with the models: administrator, editor, researcher.

- Administrators manage everything, including user accounts and reader groups, restore deleted records, and read
  the audit of who opened restricted material.
- Editors create, edit, publish, lock and delete every editorial record, moderate contributions, keep the consent
  ledger, and keep the ledger of exports (static mirrors and data dumps) to see which need a rebuild. They, and
  administrators, manage images and documents in every collection.
- Researchers read every editorial record in the back office, drafts included, and change nothing. They do not
  see contributions, which hold contributors' personal data.
"""

from __future__ import annotations

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Collection, GroupCollectionPermission

ADMINISTRATORS = "Administrators"
EDITORS = "Editors"
RESEARCHERS = "Researchers"

ARCHIVE_APPS = ("sources", "places", "organisations", "organising", "people", "events", "documentary", "interviews")
EDITOR_ACTIONS = ("add", "change", "delete", "view", "publish", "lock", "unlock")
# Contributions hold personal data (credited names, sealed contacts): editors moderate them, no one else reads them.
# The consent ledger too: editors record consent and resolve its flags (its entries are never changed).
EDITOR_ONLY_APPS = ("contributions", "consent")


def _archive_permissions(actions: tuple[str, ...], apps: tuple[str, ...] = ARCHIVE_APPS):
    content_types = ContentType.objects.filter(app_label__in=apps)
    codenames = [f"{action}_{ct.model}" for ct in content_types for action in actions]
    return Permission.objects.filter(content_type__in=content_types, codename__in=codenames)


def sync_roles() -> dict[str, Group]:
    """Create the three groups if missing and give each exactly its role's permissions."""
    access_admin = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    groups = {name: Group.objects.get_or_create(name=name)[0] for name in (ADMINISTRATORS, EDITORS, RESEARCHERS)}

    # Images and documents come with Wagtail; editors keep the rights Wagtail gives its own Editors group.
    media_perms = Permission.objects.filter(content_type__app_label__in=["wagtailimages", "wagtaildocs"])
    exports = Permission.objects.filter(content_type__app_label="exports")
    editor_perms = [*_archive_permissions(EDITOR_ACTIONS, ARCHIVE_APPS + EDITOR_ONLY_APPS), *media_perms, *exports]
    groups[EDITORS].permissions.set([access_admin, *editor_perms])
    groups[RESEARCHERS].permissions.set([access_admin, *_archive_permissions(("view",))])

    user_admin = Permission.objects.filter(content_type__app_label="auth", content_type__model__in=["user", "group"])
    workflow_admin = Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__regex=r"_(workflow|task)$"
    )
    deleted_records = Permission.objects.filter(content_type__app_label="deletions")
    # Who belongs to which reader group, and who opened restricted material: administrators' business.
    reader_access = Permission.objects.filter(content_type__app_label="access")
    groups[ADMINISTRATORS].permissions.set(
        [access_admin, *editor_perms, *user_admin, *workflow_admin, *deleted_records, *reader_access]
    )
    _grant_media_in_every_collection([groups[EDITORS], groups[ADMINISTRATORS]], media_perms)
    return groups


def _grant_media_in_every_collection(groups: list[Group], media_perms) -> None:
    """Wagtail asks for image and document permissions per collection, not of the group alone: without these
    rows the model permissions above opened nothing, and no role could reach the images or documents."""
    root = Collection.get_first_root_node()
    if root is None:
        return
    for group in groups:
        granted = set(
            GroupCollectionPermission.objects.filter(group=group, collection=root).values_list("permission", flat=True)
        )
        GroupCollectionPermission.objects.bulk_create(
            GroupCollectionPermission(group=group, collection=root, permission=permission)
            for permission in media_perms
            if permission.pk not in granted
        )


def is_last_app(sender) -> bool:
    """Whether a post_migrate signal comes from the last app with models: by then every app's tables and
    permissions (Wagtail's publish and lock permissions among them) exist."""
    with_models = [config for config in apps.get_app_configs() if config.models_module is not None]
    return sender is with_models[-1]


def sync_roles_after_migrate(sender, **kwargs) -> None:
    # Run once, for the last app: post_migrate goes to each app in turn, and the permissions of the
    # apps after ours (and Wagtail's publish and lock permissions) exist only by then.
    if not is_last_app(sender):
        return
    if not Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin").exists():
        return
    sync_roles()
