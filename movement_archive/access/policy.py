"""Who may see what: the access rule of the archive, as plain data and one function, with no framework imports.

Every record that can be restricted carries the same few facts (``Rule``): its access level, the date that level
ends, the one group and the one person it is opened to, and the ceiling its people's consent puts on it. A reader
is described by ``Reader``. ``decide`` says what that reader gets; ``access.queries`` says the same thing as a
database condition, and a test holds the two to agreeing on every combination.

The outcomes, from most to least:

- ``FULL``: the record and its content;
- ``LISTED``: the record is listed with its metadata, its content is withheld (the "metadata only" level);
- ``HIDDEN``: the reader may not know it exists (pages answer 404);
- ``GONE``: consent was withdrawn; pages answer 410 to those who could see it before, and it is nowhere else.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date


class Level(enum.StrEnum):
    PUBLIC = "public"
    COMMUNITY = "community"  # signed-in members
    RESTRICTED = "restricted"  # a named group or person, optionally until a date
    SEALED = "sealed"  # no reader until a date
    METADATA = "metadata"  # listed; the content only to the group or person named, and editors


class Ceiling(enum.StrEnum):
    """The widest audience the consent recorded for a record's people allows."""

    NONE = ""  # no consent entry bears on it: the level alone decides
    PUBLIC = "public"
    COMMUNITY = "community"
    RESEARCH = "research"  # researchers and editors only
    WITHDRAWN = "withdrawn"


class Outcome(enum.IntEnum):
    GONE = 0
    HIDDEN = 1
    LISTED = 2
    FULL = 3


@dataclass(frozen=True)
class Reader:
    """What the rule needs to know of whoever is reading. Editors administer restricted material; researchers
    may read what consent keeps to research; members are everyone signed in."""

    signed_in: bool = False
    researcher: bool = False
    editor: bool = False
    user_id: int | None = None
    group_ids: frozenset[int] = field(default_factory=frozenset)


ANONYMOUS = Reader()


@dataclass(frozen=True)
class Rule:
    level: Level = Level.PUBLIC
    until: date | None = None
    group_id: int | None = None
    person_id: int | None = None
    ceiling: Ceiling = Ceiling.NONE


def decide(rule: Rule, reader: Reader, today: date) -> Outcome:
    if rule.ceiling == Ceiling.WITHDRAWN:
        return Outcome.GONE
    if not consent_admits(rule.ceiling, reader):
        return Outcome.HIDDEN
    return level_admits(rule, reader, today)


def consent_admits(ceiling: Ceiling, reader: Reader) -> bool:
    if ceiling == Ceiling.COMMUNITY:
        return reader.signed_in
    if ceiling == Ceiling.RESEARCH:
        return reader.researcher or reader.editor
    return ceiling != Ceiling.WITHDRAWN


def level_admits(rule: Rule, reader: Reader, today: date) -> Outcome:
    """The outcome of the level alone, consent aside."""
    level = rule.level
    if level in (Level.RESTRICTED, Level.SEALED) and rule.until is not None and rule.until <= today:
        return Outcome.FULL  # the restriction has run out: the record is public from that day
    if level == Level.PUBLIC:
        return Outcome.FULL
    if level == Level.COMMUNITY:
        return Outcome.FULL if reader.signed_in else Outcome.HIDDEN
    if level == Level.SEALED:
        # Not even editors read sealed material on the reading surfaces; they keep it in the back office.
        return Outcome.HIDDEN
    named = reader.editor or is_named(rule, reader)
    if level == Level.RESTRICTED:
        return Outcome.FULL if named else Outcome.HIDDEN
    return Outcome.FULL if named else Outcome.LISTED


def is_named(rule: Rule, reader: Reader) -> bool:
    if rule.person_id is not None and rule.person_id == reader.user_id:
        return True
    return rule.group_id is not None and rule.group_id in reader.group_ids


def narrowest(*ceilings: Ceiling) -> Ceiling:
    """The ceiling of a record drawing on several people's consent (an interview with two narrators)."""
    order = [Ceiling.NONE, Ceiling.PUBLIC, Ceiling.COMMUNITY, Ceiling.RESEARCH, Ceiling.WITHDRAWN]
    return max(ceilings, key=order.index, default=Ceiling.NONE)
