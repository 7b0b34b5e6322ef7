"""Named reads about contributions that more than one page needs."""

from __future__ import annotations

from movement_archive.organisations.models import Organisation

from .models import Contribution


def records_made(contribution: Contribution, *, drafts_too: bool = False) -> list[Organisation]:
    """The organisations a decision on the contribution made or added to: for the contributor's receipt, those a
    visitor may see (once published); for the moderation page, ``drafts_too``."""
    organisations = Organisation.objects.all() if drafts_too else Organisation.objects.visible_to(None)
    made = organisations.filter(made_from=contribution) | organisations.filter(pk=contribution.organisation_id)
    return list(made.distinct().order_by("name"))
