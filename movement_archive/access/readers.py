"""The one place a signed-in account becomes a ``policy.Reader``: which role it has and which groups it is in."""

from __future__ import annotations

from .policy import ANONYMOUS, Reader, Rule, is_named

# Editors and administrators may change people; researchers may only view them (accounts.roles).
EDITOR_PERMISSION = "people.change_person"
RESEARCHER_PERMISSION = "people.view_person"


def reader_for(user) -> Reader:
    """The reader an account is; kept on the user object, since a page asks many times.

    Hidden query: the first call reads the account's reader groups (and, through ``has_perm``, its permissions).
    """
    if user is None or not user.is_authenticated or not user.is_active:
        return ANONYMOUS
    cached = getattr(user, "_archive_reader", None)
    if cached is None:
        cached = Reader(
            signed_in=True,
            researcher=user.has_perm(RESEARCHER_PERMISSION),
            editor=user.has_perm(EDITOR_PERMISSION),
            user_id=user.pk,
            group_ids=frozenset(user.reader_groups.values_list("pk", flat=True)),
        )
        user._archive_reader = cached
    return cached


def named_reader(rule: Rule, user) -> bool:
    """Whether the account administers restricted material or is the group or person the rule names."""
    reader = reader_for(user)
    return reader.editor or is_named(rule, reader)
