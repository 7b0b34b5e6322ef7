"""What a successful scrub hands back: the bytes to store and what is known about them."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Scrubbed:
    """A cleaned file, ready to store under a name of the caller's choosing.

    The original file name is only used to check the extension: store the file under a generated name plus
    ``extension``, because the contributor's own name for it may identify them.
    """

    # Kept out of the repr so that logging a result does not dump megabytes of bytes.
    data: bytes = field(repr=False)
    media_type: str
    extension: str
    width: int | None = None
    height: int | None = None
    pages: int | None = None
    # Human-readable names of what the original carried and the stored file does not, for the contributor and
    # the editors to see; the cleaning itself does not depend on this list being complete.
    removed: tuple[str, ...] = ()
