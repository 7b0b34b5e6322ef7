"""Named queries shared by pages: each counts or lists only what the reader may see."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from movement_archive.documentary.models import Episode
from movement_archive.events.models import Event
from movement_archive.organisations.models import Organisation
from movement_archive.people.models import Person
from movement_archive.places.models import Country


def archive_counts(user) -> list[tuple[str, str, int]]:
    """(name, label, count) for each kind of record; one query per kind whatever the size of the archive."""
    return [
        ("organisations", _("organisations"), Organisation.objects.visible_to(user).count()),
        ("people", _("people"), Person.objects.visible_to(user).count()),
        ("events", _("events"), Event.objects.visible_to(user).count()),
        ("episodes", _("episodes"), Episode.objects.visible_to(user).count()),
        (
            "countries",
            _("countries"),
            Country.objects.filter(organisations__in=Organisation.objects.visible_to(user)).distinct().count(),
        ),
    ]


def recent_additions(user, limit: int = 8) -> list[Organisation]:
    """The organisations most recently published, newest first."""
    return list(Organisation.objects.visible_to(user).order_by("-first_published_at", "name")[:limit])
