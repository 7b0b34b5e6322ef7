"""Resumption tokens: where a harvest stands and what it asked for, signed, so the server keeps no state.

A token carries the original arguments (metadataPrefix, set, from, until), the verb it continues, the position
reached (``queries.Position``) and how many records were sent before. It is signed with the secret key, so a
harvester cannot forge a position, and it does not expire: the position is a primary key, not a page number, so
it stays good however the archive changes in between.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from django.core import signing
from django.utils.translation import gettext as _

from .arguments import OAIError
from .queries import Position

SALT = "movement_archive.harvesting.resumption"


@dataclass(frozen=True)
class Resumption:
    verb: str
    arguments: dict[str, str]  # metadataPrefix, set, from, until as first given
    position: Position
    cursor: int  # records sent before this page


def encode(resumption: Resumption) -> str:
    data = {"v": resumption.verb, "a": resumption.arguments, "p": asdict(resumption.position), "c": resumption.cursor}
    return signing.dumps(data, salt=SALT, compress=True)


def decode(token: str, verb: str) -> Resumption:
    """The harvest ``token`` continues; badResumptionToken if it was altered, is not ours or is for another verb."""
    try:
        data = signing.loads(token, salt=SALT)
        resumption = Resumption(data["v"], dict(data["a"]), Position(**data["p"]), int(data["c"]))
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        raise OAIError("badResumptionToken", _("This resumptionToken is not one this repository issued.")) from None
    if resumption.verb != verb:
        raise OAIError(
            "badResumptionToken",
            _("This resumptionToken continues %(verb)s, not another verb.") % {"verb": resumption.verb},
        )
    return resumption
