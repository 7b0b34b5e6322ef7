"""What every test stands on: the fixed cast of users and small factories for live records.

Import from here rather than from the modules inside, so that tests read the same everywhere::

    from movement_archive.testing import editor, make_organisation
"""

from .cast import (
    ADMINISTRATOR,
    COMMUNITY_MEMBER,
    EDITOR,
    PASSWORD,
    RESEARCHER,
    CastTestCase,
    administrator,
    anonymous,
    community_member,
    editor,
    make_country,
    make_disagreement,
    make_episode,
    make_event,
    make_interview,
    make_locality,
    make_organisation,
    make_organising_model,
    make_person,
    make_series,
    make_source,
    publish,
    researcher,
)
from .two_factor import VerifiedClient, authenticator, current_code

__all__ = [
    "ADMINISTRATOR",
    "COMMUNITY_MEMBER",
    "EDITOR",
    "PASSWORD",
    "RESEARCHER",
    "CastTestCase",
    "VerifiedClient",
    "administrator",
    "anonymous",
    "authenticator",
    "community_member",
    "current_code",
    "editor",
    "make_country",
    "make_disagreement",
    "make_episode",
    "make_event",
    "make_interview",
    "make_locality",
    "make_organisation",
    "make_organising_model",
    "make_person",
    "make_series",
    "make_source",
    "publish",
    "researcher",
]
