"""A small archive with something a reader may see and something they may not, shared by the export tests."""

from __future__ import annotations

from pathlib import Path

from movement_archive.testing import make_country, make_interview, make_organisation, make_person

# Names that must never leave the archive through an export; each is distinctive enough to search files for.
HIDDEN_NAMES = ("Hidden Hana Vosloo", "A Closed Conversation", "Draft Dock Union")


def build() -> dict:
    """Published records an anonymous reader sees, and a hidden person, an editors-only interview and a draft."""
    make_country("NL")
    return {
        "union": make_organisation(name="Synthetic Harbour Union"),
        "person": make_person(name="Open Olu Mensah"),
        "interview": make_interview(title="An Open Conversation"),
        "hidden_person": make_person(name="Hidden Hana Vosloo", access="restricted"),
        "closed_interview": make_interview(title="A Closed Conversation", access="restricted"),
        "draft": make_organisation(name="Draft Dock Union", live=False),
    }


def every_text(root: Path):
    """Each written file's name and text, for files that are text."""
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix in {".html", ".json", ".vtt", ".srt", ".ohms", ".css", ".js", ".svg"}:
            yield path, path.read_text(encoding="utf-8")
