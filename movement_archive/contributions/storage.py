"""Where files sent with contributions are kept: apart from MEDIA_ROOT, with no public address.

Only editors read them, through the back office; the proxy that serves /media/ to anyone never sees them.
"""

from __future__ import annotations

from django.conf import settings
from django.core.files.storage import FileSystemStorage


class AttachmentStorage(FileSystemStorage):
    def url(self, name: str | None) -> str:
        raise ValueError("Files sent with contributions have no public address; the back office serves them.")


def attachment_storage() -> AttachmentStorage:
    """The storage of attachments, as a callable so that migrations do not freeze its location."""
    return AttachmentStorage(location=settings.MOVEMENT_ARCHIVE_CONTRIBUTIONS_ROOT)
