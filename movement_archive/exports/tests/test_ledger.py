"""The ledger of exports: which exports hold a record, and flagging them for a rebuild when it must go."""

from __future__ import annotations

import pytest

from movement_archive.exports.actions import exports_holding, flag_for_rebuild, record_export, record_ref
from movement_archive.exports.models import Export
from movement_archive.testing import make_locality

ANA = ("person", "ana-lopez")
UNION = ("organisation", "harbour-union")


def _export(kind=Export.Kind.SITE, path="/srv/mirror", refs=(ANA, UNION)) -> Export:
    return record_export(
        kind=kind, path=path, language="all", command=f"movement-archive export-site {path}", refs=refs
    )


def test_an_export_is_recorded_with_the_records_it_holds(db):
    export = _export()
    assert export.record_count == 2
    assert set(export.records.values_list("kind", "key")) == {ANA, UNION}
    assert not export.needs_rebuild


def test_the_exports_holding_a_record_are_found_and_no_others(db):
    mirror = _export()
    dump = _export(Export.Kind.DUMP, "/srv/archive.jsonl.gz", refs=[ANA])
    _export(path="/srv/other", refs=[UNION])
    assert list(exports_holding([ANA])) == [dump, mirror]
    assert set(exports_holding([ANA, UNION])) == set(Export.objects.all())
    assert not exports_holding([("person", "nobody")]).exists()
    assert not exports_holding([]).exists()


def test_withdrawing_flags_the_exports_that_hold_the_record(db):
    mirror = _export()
    untouched = _export(path="/srv/other", refs=[UNION])
    flagged = flag_for_rebuild([ANA], reason="Ana López withdrew her consent.")
    assert flagged == [mirror]
    mirror.refresh_from_db()
    untouched.refresh_from_db()
    assert mirror.needs_rebuild and mirror.rebuild_requested_at is not None
    assert mirror.rebuild_reason == "Ana López withdrew her consent."
    assert not untouched.needs_rebuild
    assert list(Export.objects.to_rebuild()) == [mirror]


def test_a_second_reason_is_kept_beside_the_first_and_the_first_time_stays(db):
    mirror = _export()
    flag_for_rebuild([ANA], reason="First reason.")
    mirror.refresh_from_db()
    first_time = mirror.rebuild_requested_at
    flag_for_rebuild([UNION], reason="Second reason.")
    mirror.refresh_from_db()
    assert mirror.rebuild_reason == "First reason.\nSecond reason."
    assert mirror.rebuild_requested_at == first_time


def test_a_later_export_to_the_same_place_clears_the_flag(db):
    old = _export()
    flag_for_rebuild([ANA], reason="Withdrawn.")
    new = _export(refs=[UNION])
    old.refresh_from_db()
    assert old.replaced_by == new
    assert not old.needs_rebuild
    assert not Export.objects.to_rebuild().exists()
    # The old export's files are gone: a later withdrawal has nothing of it to flag.
    assert flag_for_rebuild([ANA], reason="Again.") == []


def test_a_dump_does_not_clear_the_flag_of_a_mirror(db):
    mirror = _export()
    flag_for_rebuild([ANA], reason="Withdrawn.")
    _export(Export.Kind.DUMP, path="/srv/mirror", refs=[])
    mirror.refresh_from_db()
    assert mirror.needs_rebuild


def test_a_record_is_named_as_exports_name_it(person, country):
    assert record_ref(person) == ("person", person.key)
    assert record_ref(country) == ("country", "nl")


def test_a_record_without_a_page_has_no_name_in_exports(db):
    with pytest.raises(ValueError):
        record_ref(make_locality())
