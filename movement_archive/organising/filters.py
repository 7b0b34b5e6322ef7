"""Query-string readers for organising models, checked against what the reader may see.

Beside the model they read; the readers for values that need no table are in ``core/filters.py``.
"""

from __future__ import annotations

from collections import namedtuple

from django.http import QueryDict
from django.utils.translation import gettext as _

from movement_archive.core.filters import values
from movement_archive.core.twins import BadQuery

from .models import OrganisingModel

# What a filter form lists, as plain values: forms keep their choices in the cache (``aggregates.kept``), and
# plain tuples cost far less to store and read back than model instances.
ModelChoice = namedtuple("ModelChoice", "key name")


def organising_models(params: QueryDict, user, name: str = "model") -> tuple[str, ...]:
    """Keys of organising models the reader may see (one query)."""
    keys = values(params, name)
    if keys:
        known = set(OrganisingModel.objects.visible_to(user).filter(key__in=keys).values_list("key", flat=True))
        for key in keys:
            if key not in known:
                raise BadQuery(name, _("no organising model has the key %(key)r") % {"key": key})
    return keys
