"""Where files sent with contributions are kept: apart from MEDIA_ROOT, with no public address.

Only editors read them, through the back office; the proxy that serves /media/ to anyone never sees them.
"""

from __future__ import annotations

from django.conf import settings

from movement_archive.core.storage import PrivateStorage


def attachment_storage() -> PrivateStorage:
    """The storage of attachments, as a callable so that migrations do not freeze its location."""
    return PrivateStorage(location=settings.MOVEMENT_ARCHIVE_CONTRIBUTIONS_ROOT)
