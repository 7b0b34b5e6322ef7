"""An operator imports an interview file from the command line, and exports it again."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from movement_archive.cli import main
from movement_archive.interviews.models import Interview, Segment
from movement_archive.oralhistory.ohms import read_ohms

FILES = Path(__file__).resolve().parents[2] / "oralhistory" / "tests" / "files"
CAPTIONS = (
    "WEBVTT\n\n00:00.000 --> 00:04.000\n<v Narrator>We started in a kitchen.\n\n"
    "00:04.000 --> 00:09.500\n<v Narrator>Then came the outreach van.\n"
)

pytestmark = pytest.mark.django_db


def run(capsys, *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_an_ohms_file_becomes_a_draft_interview_and_the_json_says_what_was_made(capsys):
    status, out, err = run(capsys, "import-interview", str(FILES / "ohms6_vtt_translation.xml"), "--json")
    assert (status, err) == (0, "")
    result = json.loads(out)
    interview = Interview.objects.get(pk=result["id"])
    assert not interview.live
    assert result["url"].endswith(interview.get_absolute_url())
    assert result["segments"] == Segment.objects.filter(transcript__interview=interview).count() > 0
    assert result["index_points"] == interview.index_points.count() > 0


def test_a_caption_file_needs_a_title_and_takes_a_language(tmp_path, capsys):
    captions = tmp_path / "kitchen.vtt"
    captions.write_text(CAPTIONS, encoding="utf-8")
    status, _, err = run(capsys, "import-interview", str(captions))
    assert status == 1 and "no title" in err
    status, out, _ = run(
        capsys, "import-interview", str(captions), "--title", "Synthetic kitchen story", "--language", "en", "--publish"
    )
    assert status == 0 and "published" in out
    interview = Interview.objects.get(title="Synthetic kitchen story")
    transcript = interview.transcripts.get()
    assert (transcript.language, transcript.segments.count()) == ("en", 2)
    assert transcript.segments.get(position=1).speaker == "Narrator"


def test_a_broken_file_is_refused_with_its_line_and_nothing_is_written(tmp_path, capsys):
    broken = tmp_path / "broken.vtt"
    broken.write_text("WEBVTT\n\n00:00.000 --> soon\nHello\n", encoding="utf-8")
    status, out, err = run(capsys, "import-interview", str(broken), "--title", "Broken")
    assert status == 1 and out == ""
    assert "line 3" in err
    assert not Interview.objects.exists()


def test_a_missing_file_is_named(capsys):
    status, _, err = run(capsys, "import-interview", "/nonexistent/interview.xml")
    assert status == 1 and "/nonexistent/interview.xml" in err


def test_export_writes_what_import_read(tmp_path, capsys, monkeypatch):
    _, out, _ = run(capsys, "import-interview", str(FILES / "ohms6_vtt_translation.xml"), "--json", "--publish")
    key = json.loads(out)["key"]
    buffer = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(buffer, encoding="utf-8"))
    assert main(["export-interview", key, "--format", "ohms"]) == 0
    sys.stdout.flush()
    exported = read_ohms(buffer.getvalue())
    original = read_ohms((FILES / "ohms6_vtt_translation.xml").read_bytes())
    assert exported.segments == original.segments
    assert [p.title for p in exported.index] == [p.title for p in original.index]


def test_a_draft_is_exported_only_when_the_operator_asks_for_restricted_interviews(capsys):
    _, out, _ = run(capsys, "import-interview", str(FILES / "ohms6_vtt_translation.xml"), "--json")
    key = json.loads(out)["key"]
    status, _, err = run(capsys, "export-interview", key, "--format", "vtt")
    assert status == 1 and "--include-restricted" in err
    status, out, _ = run(capsys, "export-interview", key, "--format", "vtt", "--include-restricted")
    assert status == 0 and out.startswith("WEBVTT")
