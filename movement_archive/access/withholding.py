"""Withholding a record's content from a reader it is listed to with its metadata only."""

from __future__ import annotations


def withhold(record, user, fields: tuple[str, ...]) -> bool:
    """Empty ``fields`` on this instance (never saved) unless the reader may see the record's content.

    Emptied on the instance rather than in each template, so that the page, its JSON twin and its JSON-LD, which
    all read the same instance, cannot disagree. Returns whether anything was withheld; sets ``content_withheld``.
    """
    withheld = not record.content_shown_to(user)
    if withheld:
        for name in fields:
            setattr(record, name, "")
    record.content_withheld = withheld
    return withheld
