"""The home page's named queries: each counts or lists only what the reader may see."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from movement_archive.core.aggregates import kept
from movement_archive.documentary.models import Episode
from movement_archive.events.models import Event
from movement_archive.organisations.models import Organisation
from movement_archive.people.models import Person
from movement_archive.places.models import Country


def archive_counts(user) -> list[tuple[str, str, int]]:
    """(name, label, count) for each kind of record; counted once per change of the archive (see aggregates)."""
    labels = {
        "organisations": _("organisations"),
        "people": _("people"),
        "events": _("events"),
        "episodes": _("episodes"),
        "countries": _("countries"),
    }
    counts = kept("counts", user, lambda: _counts(user))
    return [(name, label, counts[name]) for name, label in labels.items()]


def _counts(user) -> dict[str, int]:
    return {
        "organisations": Organisation.objects.visible_to(user).count(),
        "people": Person.objects.visible_to(user).count(),
        "events": Event.objects.visible_to(user).count(),
        "episodes": Episode.objects.visible_to(user).count(),
        "countries": Country.objects.holding(Organisation, user).count(),
    }


def recent_additions(user, limit: int = 8) -> list[Organisation]:
    """The organisations most recently published, newest first."""
    return list(Organisation.objects.visible_to(user).order_by("-first_published_at", "name")[:limit])
