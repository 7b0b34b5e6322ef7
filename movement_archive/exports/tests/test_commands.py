"""The export-site and dump commands: they write complete exports into the ledger, and refuse bad input clearly
without leaving anything half-written behind."""

from __future__ import annotations

import gzip
import os
from pathlib import Path

import pytest
from django.test import override_settings

from movement_archive.cli import main
from movement_archive.exports.models import Export
from movement_archive.exports.output import MARKER


def _leftovers(directory):
    return [path.name for path in directory.iterdir() if path.name.startswith(".")]


def test_export_site_writes_a_mirror_and_records_it_in_the_ledger(person, tmp_path, capsys):
    assert main(["export-site", str(tmp_path / "mirror"), "--language", "en"]) == 0
    assert (tmp_path / "mirror" / "people" / person.key / "index.html").is_file()
    export = Export.objects.get()
    assert (export.kind, export.path, export.language) == ("site", str(tmp_path / "mirror"), "en")
    assert ("person", person.key) in set(export.records.values_list("kind", "key"))
    assert export.command.startswith("movement-archive export-site ")
    assert "--language en --force" in export.command
    output = capsys.readouterr()
    assert "written to" in output.err  # progress goes to stderr, the summary to stdout
    assert "Wrote" in output.out


def test_running_export_site_again_needs_force_and_then_replaces_the_mirror(person, tmp_path, capsys):
    mirror = tmp_path / "mirror"
    assert main(["export-site", str(mirror), "--language", "en"]) == 0
    assert main(["export-site", str(mirror), "--language", "en"]) == 1
    assert f"{mirror} is not empty; give --force to replace it" in capsys.readouterr().err
    assert main(["export-site", str(mirror), "--language", "en", "--force"]) == 0
    assert (mirror / MARKER).is_file()
    (first,) = Export.objects.filter(replaced_by__isnull=False)
    assert first.replaced_by == Export.objects.latest("created_at")
    assert _leftovers(tmp_path) == []


def test_force_never_replaces_a_directory_of_other_files(db, tmp_path, capsys):
    (tmp_path / "holiday.jpg").write_bytes(b"not a mirror")
    assert main(["export-site", str(tmp_path), "--force"]) == 1
    assert "holds files that are not an archive mirror" in capsys.readouterr().err
    assert (tmp_path / "holiday.jpg").is_file()


def test_an_unknown_language_is_named(db, tmp_path, capsys):
    assert main(["export-site", str(tmp_path / "mirror"), "--language", "fr"]) == 1
    assert "--language: 'fr' is not one of en, es or all" in capsys.readouterr().err
    assert not (tmp_path / "mirror").exists()


def test_an_unwritable_place_is_named_and_nothing_is_recorded(db, tmp_path, capsys, monkeypatch):
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    if os.geteuid() == 0:
        # Root may write anywhere, whatever the mode says (CI runs as root): the folder is made unwritable to the
        # check that reads its permissions instead, so that the test runs everywhere rather than skipping.
        from movement_archive.exports import output

        writable = output.os.access
        monkeypatch.setattr(output.os, "access", lambda path, mode: Path(path) != locked and writable(path, mode))
    assert main(["export-site", str(locked / "mirror")]) == 1
    assert main(["dump", str(locked / "archive.jsonl")]) == 1
    assert f"cannot write in {locked}" in capsys.readouterr().err
    assert not Export.objects.exists()


def test_a_place_that_does_not_exist_is_named(db, tmp_path, capsys):
    assert main(["dump", str(tmp_path / "missing" / "archive.jsonl")]) == 1
    assert f"{tmp_path / 'missing'} does not exist" in capsys.readouterr().err


def test_a_failure_halfway_leaves_nothing_that_looks_finished(person, tmp_path, monkeypatch):
    from movement_archive.exports import mirror

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(mirror, "_copy_static", broken)
    with pytest.raises(OSError):
        main(["export-site", str(tmp_path / "mirror"), "--language", "en"])
    assert not (tmp_path / "mirror").exists()
    assert _leftovers(tmp_path) == []
    assert not Export.objects.exists()


def test_dump_writes_gzip_and_records_it_in_the_ledger(person, tmp_path):
    file = tmp_path / "archive.jsonl.gz"
    assert main(["dump", str(file)]) == 0
    assert f'"key": "{person.key}"' in gzip.decompress(file.read_bytes()).decode("utf-8")
    export = Export.objects.get()
    assert (export.kind, export.path, export.record_count) == ("dump", str(file), 1)
    assert export.command.endswith("--format jsonl --force")


def test_dump_refuses_to_replace_a_file_without_force_and_an_unknown_format(db, tmp_path, capsys):
    file = tmp_path / "archive.jsonl"
    file.write_text("kept\n")
    assert main(["dump", str(file)]) == 1
    assert f"{file} already exists; give --force to replace it" in capsys.readouterr().err
    assert file.read_text() == "kept\n"
    with pytest.raises(SystemExit) as exited:
        main(["dump", str(file), "--format", "csv"])
    assert exited.value.code == 2
    assert "--format: invalid choice: 'csv'" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("command", "options"),
    [("export-site", ["DIR", "--language", "--with-media", "--force"]), ("dump", ["FILE", "--format", "--force"])],
)
def test_each_export_command_explains_every_option(capsys, command, options):
    with pytest.raises(SystemExit):
        main([command, "--help"])
    help_text = capsys.readouterr().out
    for option in options:
        assert option in help_text


def test_a_spanish_only_mirror_opens_on_its_spanish_home_page(db, tmp_path):
    assert main(["export-site", str(tmp_path / "mirror"), "--language", "es"]) == 0
    assert (tmp_path / "mirror" / "es" / "index.html").is_file()
    assert 'url=es/index.html"' in (tmp_path / "mirror" / "index.html").read_text(encoding="utf-8")
    assert not (tmp_path / "mirror" / "people").exists()


def test_an_archive_that_refuses_its_own_address_is_reported_before_anything_is_written(db, tmp_path, capsys):
    with override_settings(SITE_URL="https://archive.example.org"):
        assert main(["dump", str(tmp_path / "archive.jsonl")]) == 1
    error = capsys.readouterr().err
    assert "https://archive.example.org" in error
    assert "MOVEMENT_ARCHIVE_ALLOWED_HOSTS" in error
    assert list(tmp_path.iterdir()) == []
