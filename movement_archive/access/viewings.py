"""The audit of who opened restricted material on the reading surfaces: account, record, level, time.

Only signed-in readers are noted, and only for material that is not public: anonymous readers leave no trace,
and there is nothing to audit about public pages. No address, browser or referrer is kept.
"""

from __future__ import annotations

from .policy import Ceiling, Level


def is_restricted(record) -> bool:
    return record.access != Level.PUBLIC or record.consent in (Ceiling.COMMUNITY, Ceiling.RESEARCH)


def note_viewing(user, record, *, what: str = "page") -> None:
    if user is None or not user.is_authenticated or not hasattr(record, "access") or not is_restricted(record):
        return
    from .models import Viewing

    Viewing.objects.create(
        user=user,
        kind=record._meta.model_name,
        key=record.key,
        what=what,
        level=record.access,
        consent=record.consent,
    )
