"""The one error ``scrub`` raises for a file it will not store."""

from __future__ import annotations


class RejectedFile(Exception):
    """The upload cannot be accepted; the message says why, in words a contributor can act on.

    Messages never repeat the file's name: names can identify people too, and messages end up in logs.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
