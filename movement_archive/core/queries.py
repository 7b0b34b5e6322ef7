"""Named queries shared by pages: each counts only what the reader may see."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from movement_archive.documentary.models import Episode
from movement_archive.events.models import Event
from movement_archive.organisations.models import Organisation
from movement_archive.people.models import Person
from movement_archive.places.models import Country


def archive_counts(user) -> list[tuple[str, int]]:
    """One query per kind of record, whatever the size of the archive."""
    return [
        (_("organisations"), Organisation.objects.visible_to(user).count()),
        (_("people"), Person.objects.visible_to(user).count()),
        (_("events"), Event.objects.visible_to(user).count()),
        (_("episodes"), Episode.objects.visible_to(user).count()),
        (_("countries"), Country.objects.filter(organisations__live=True).distinct().count()),
    ]
