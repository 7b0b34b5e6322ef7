"""The access rule, told as the cases an editor would ask about."""

from __future__ import annotations

from datetime import date

from movement_archive.access.policy import ANONYMOUS, Ceiling, Level, Outcome, Reader, Rule, decide, narrowest

TODAY = date(2026, 11, 21)
MEMBER = Reader(signed_in=True, user_id=7)
IN_GROUP = Reader(signed_in=True, user_id=8, group_ids=frozenset({3}))
RESEARCHER = Reader(signed_in=True, researcher=True, user_id=9)
EDITOR = Reader(signed_in=True, researcher=True, editor=True, user_id=10)


def test_public_material_is_read_by_everyone():
    for reader in (ANONYMOUS, MEMBER, EDITOR):
        assert decide(Rule(), reader, TODAY) == Outcome.FULL


def test_community_material_needs_a_signed_in_reader():
    rule = Rule(level=Level.COMMUNITY)
    assert decide(rule, ANONYMOUS, TODAY) == Outcome.HIDDEN
    assert decide(rule, MEMBER, TODAY) == Outcome.FULL


def test_restricted_material_is_read_by_its_group_its_person_and_editors_only():
    rule = Rule(level=Level.RESTRICTED, group_id=3, person_id=7)
    assert decide(rule, ANONYMOUS, TODAY) == Outcome.HIDDEN
    assert decide(rule, RESEARCHER, TODAY) == Outcome.HIDDEN
    assert decide(rule, IN_GROUP, TODAY) == Outcome.FULL
    assert decide(rule, MEMBER, TODAY) == Outcome.FULL  # named in person
    assert decide(rule, EDITOR, TODAY) == Outcome.FULL


def test_a_restriction_with_an_end_opens_to_all_on_that_day():
    rule = Rule(level=Level.RESTRICTED, until=date(2026, 11, 22))
    assert decide(rule, ANONYMOUS, TODAY) == Outcome.HIDDEN
    assert decide(rule, ANONYMOUS, date(2026, 11, 22)) == Outcome.FULL


def test_sealed_material_is_read_by_no_one_until_its_day_not_even_editors():
    rule = Rule(level=Level.SEALED, until=date(2040, 1, 1))
    assert decide(rule, EDITOR, TODAY) == Outcome.HIDDEN
    assert decide(rule, ANONYMOUS, date(2040, 1, 1)) == Outcome.FULL


def test_metadata_only_material_is_listed_and_its_content_withheld():
    rule = Rule(level=Level.METADATA, group_id=3)
    assert decide(rule, ANONYMOUS, TODAY) == Outcome.LISTED
    assert decide(rule, IN_GROUP, TODAY) == Outcome.FULL
    assert decide(rule, EDITOR, TODAY) == Outcome.FULL


def test_consent_narrows_whatever_the_level_says():
    assert decide(Rule(ceiling=Ceiling.COMMUNITY), ANONYMOUS, TODAY) == Outcome.HIDDEN
    assert decide(Rule(ceiling=Ceiling.RESEARCH), MEMBER, TODAY) == Outcome.HIDDEN
    assert decide(Rule(ceiling=Ceiling.RESEARCH), RESEARCHER, TODAY) == Outcome.FULL
    # Consent never widens: research-only consent on restricted material still needs the group.
    assert decide(Rule(level=Level.RESTRICTED, group_id=3, ceiling=Ceiling.RESEARCH), RESEARCHER, TODAY) == (
        Outcome.HIDDEN
    )


def test_withdrawn_material_is_gone_for_everyone():
    for reader in (ANONYMOUS, IN_GROUP, EDITOR):
        assert decide(Rule(ceiling=Ceiling.WITHDRAWN), reader, TODAY) == Outcome.GONE


def test_a_record_drawing_on_several_people_takes_the_narrowest_consent():
    assert narrowest(Ceiling.PUBLIC, Ceiling.RESEARCH, Ceiling.COMMUNITY) == Ceiling.RESEARCH
    assert narrowest(Ceiling.NONE, Ceiling.WITHDRAWN) == Ceiling.WITHDRAWN
    assert narrowest() == Ceiling.NONE
