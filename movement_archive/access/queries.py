"""The access rule of ``policy.decide`` as database conditions, for querysets of ``Restricted`` records.

``prefix`` reaches the access fields through a relation (``"interview__"`` for an interview's parts). The
conditions and ``decide`` must agree for every rule and reader; ``tests/test_rule_and_query_agree.py`` checks it.
"""

from __future__ import annotations

from datetime import date

from django.db.models import Q

from .policy import Ceiling, Level, Reader


def consent_q(reader: Reader, prefix: str = "") -> Q:
    admitted = [Ceiling.NONE, Ceiling.PUBLIC]
    if reader.signed_in:
        admitted.append(Ceiling.COMMUNITY)
    if reader.researcher or reader.editor:
        admitted.append(Ceiling.RESEARCH)
    return Q(**{f"{prefix}consent__in": [c.value for c in admitted]})


def full_q(reader: Reader, today: date, prefix: str = "") -> Q:
    """The records whose content the reader may see."""
    return consent_q(reader, prefix) & level_full_q(reader, today, prefix)


def listed_q(reader: Reader, today: date, prefix: str = "") -> Q:
    """The records the reader may know exist: their content, or at least their metadata."""
    return consent_q(reader, prefix) & (
        level_full_q(reader, today, prefix) | Q(**{f"{prefix}access": Level.METADATA.value})
    )


def level_full_q(reader: Reader, today: date, prefix: str = "") -> Q:
    p = prefix
    open_levels = [Level.PUBLIC.value] + ([Level.COMMUNITY.value] if reader.signed_in else [])
    condition = Q(**{f"{p}access__in": open_levels}) | Q(
        **{f"{p}access__in": [Level.RESTRICTED.value, Level.SEALED.value], f"{p}access_until__lte": today}
    )
    named_levels = Q(**{f"{p}access__in": [Level.RESTRICTED.value, Level.METADATA.value]})
    if reader.editor:
        return condition | named_levels
    named = named_q(reader, prefix)
    return condition | (named_levels & named) if named is not None else condition


def named_q(reader: Reader, prefix: str = "") -> Q | None:
    """Records opened to this reader by name or through one of their groups; None for a visitor, who has neither.

    Only the access fields appear in it, never the primary key: search backends filter on indexed fields alone.
    """
    named = None
    if reader.user_id is not None:
        named = Q(**{f"{prefix}access_person": reader.user_id})
    if reader.group_ids:
        by_group = Q(**{f"{prefix}access_group__in": sorted(reader.group_ids)})
        named = by_group if named is None else named | by_group
    return named
