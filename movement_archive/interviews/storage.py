"""Where interview recordings are kept: never under MEDIA_URL, so only the archive's checked view serves them."""

from __future__ import annotations

from django.conf import settings

from movement_archive.core.storage import PrivateStorage


def recording_storage() -> PrivateStorage:
    """The storage of recordings, as a callable so that migrations do not freeze its location."""
    return PrivateStorage(location=settings.MOVEMENT_ARCHIVE_RECORDINGS_ROOT)
