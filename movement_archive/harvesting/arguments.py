"""Reading an OAI-PMH request's arguments, with the protocol's error for each thing that can be wrong.

Every message names the argument at fault and says what would be right, so that whoever configures a harvester
can fix it from the response alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.utils.translation import gettext as _

RESUMPTION_TOKEN = "resumptionToken"
# strptime alone would take 2024-5-1 too; the protocol wants every digit.
FORMATS = (
    (re.compile(r"\d{4}-\d{2}-\d{2}"), "%Y-%m-%d", timedelta(days=1)),
    (re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z"), "%Y-%m-%dT%H:%M:%SZ", timedelta(seconds=1)),
)


@dataclass(frozen=True)
class Verb:
    required: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()
    resumable: bool = False  # whether resumptionToken may stand in for every other argument


VERBS = {
    "Identify": Verb(),
    "ListMetadataFormats": Verb(optional=("identifier",)),
    "ListSets": Verb(resumable=True),
    "ListIdentifiers": Verb(required=("metadataPrefix",), optional=("from", "until", "set"), resumable=True),
    "ListRecords": Verb(required=("metadataPrefix",), optional=("from", "until", "set"), resumable=True),
    "GetRecord": Verb(required=("identifier", "metadataPrefix")),
}


class OAIError(Exception):
    """An OAI-PMH error: ``code`` is the protocol's (badArgument...), ``message`` says what is wrong."""

    def __init__(self, code: str, message: str):
        self.code = code
        self.message = message
        super().__init__(f"{code}: {message}")

    @property
    def echoes_arguments(self) -> bool:
        # After these two, the protocol has the response echo the base URL alone, not the faulty arguments.
        return self.code not in ("badVerb", "badArgument")


@dataclass(frozen=True)
class Request:
    verb: str
    arguments: dict[str, str]

    def get(self, name: str) -> str:
        return self.arguments.get(name, "")

    def arguments_with_verb(self) -> dict[str, str]:
        """What the response's <request> element echoes."""
        return {"verb": self.verb, **self.arguments}


def read(pairs: Iterable[tuple[str, list[str]]]) -> Request:
    """The verb and its arguments from the query's ``(name, values)`` pairs, or the OAIError the protocol names."""
    given = dict(pairs)
    verbs = given.pop("verb", [])
    if not verbs:
        raise OAIError("badVerb", _("The verb argument is missing: give one of %(verbs)s.") % {"verbs": _names()})
    if len(verbs) > 1:
        raise OAIError("badVerb", _("The verb argument is given more than once."))
    name = verbs[0]
    verb = VERBS.get(name)
    if verb is None:
        raise OAIError(
            "badVerb", _("%(verb)r is not an OAI-PMH verb: give one of %(verbs)s.") % {"verb": name, "verbs": _names()}
        )
    repeated = sorted(argument for argument, values in given.items() if len(values) > 1)
    if repeated:
        raise OAIError("badArgument", _("Arguments given more than once: %(names)s.") % {"names": ", ".join(repeated)})
    arguments = {argument: values[0] for argument, values in given.items()}
    allowed = {*verb.required, *verb.optional, *((RESUMPTION_TOKEN,) if verb.resumable else ())}
    unknown = sorted(set(arguments) - allowed)
    if unknown:
        raise OAIError(
            "badArgument",
            _("%(verb)s does not take these arguments: %(names)s.") % {"verb": name, "names": ", ".join(unknown)},
        )
    if RESUMPTION_TOKEN in arguments:
        if len(arguments) > 1:
            raise OAIError("badArgument", _("resumptionToken is an exclusive argument: give it alone, with the verb."))
        return Request(name, arguments)
    missing = [argument for argument in verb.required if not arguments.get(argument)]
    if missing:
        raise OAIError(
            "badArgument",
            _("%(verb)s needs these arguments: %(names)s.") % {"verb": name, "names": ", ".join(missing)},
        )
    return Request(name, arguments)


def _names() -> str:
    return ", ".join(VERBS)


def read_dates(start: str, end: str) -> tuple[datetime | None, datetime | None]:
    """``from`` and ``until`` as the first moment included and the first moment after the range.

    Both are inclusive in OAI-PMH, at day (2024-05-01) or second (2024-05-01T12:00:00Z) granularity, and must share
    one granularity when both are given.
    """
    since, since_step = _moment("from", start)
    until, until_step = _moment("until", end)
    if since_step and until_step and since_step != until_step:
        raise OAIError("badArgument", _("from and until must have the same granularity: both days, or both seconds."))
    if since and until and since > until:
        raise OAIError(
            "badArgument", _("from (%(from)s) is later than until (%(until)s).") % {"from": start, "until": end}
        )
    return since, (until + until_step if until and until_step else None)


def _moment(name: str, raw: str) -> tuple[datetime | None, timedelta | None]:
    if not raw:
        return None, None
    for shape, pattern, step in FORMATS:
        if shape.fullmatch(raw):
            try:
                return datetime.strptime(raw, pattern).replace(tzinfo=UTC), step
            except ValueError:  # 2024-02-30
                break
    raise OAIError(
        "badArgument",
        _("%(name)s=%(value)r is not a date such as 2024-05-01 or a moment such as 2024-05-01T12:00:00Z.")
        % {"name": name, "value": raw},
    )
