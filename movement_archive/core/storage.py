"""Storage for files that must never have a public address: recordings and contributors' attachments.

They are kept apart from MEDIA_ROOT, which the proxy serves to anyone, and each is served only through a view
that checks who is asking first.
"""

from __future__ import annotations

from django.core.files.storage import FileSystemStorage


class PrivateStorage(FileSystemStorage):
    def url(self, name: str | None) -> str:
        raise ValueError("These files have no public address; the view that checks access serves them.")
