"""Where interview recordings are kept: never under MEDIA_URL, so only the archive's checked view serves them."""

from __future__ import annotations

from django.conf import settings
from django.core.files.storage import FileSystemStorage


class RecordingStorage(FileSystemStorage):
    def url(self, name: str | None) -> str:
        # A recording has no public address of its own; the interview's recording view checks access first.
        raise ValueError("Recordings are served by the interview's recording view, never by address.")


def recording_storage() -> RecordingStorage:
    """The storage of recordings, as a callable so that migrations do not freeze its location."""
    return RecordingStorage(location=settings.MOVEMENT_ARCHIVE_RECORDINGS_ROOT)
