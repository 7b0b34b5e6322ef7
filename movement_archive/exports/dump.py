"""The data dump: one JSON object per public record, each the record's JSON twin as an anonymous reader sees it.

Records are found as a reader finds them, by walking the reading rooms in the default language; each line is
written as soon as its twin is read.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _

from .output import new_file
from .reader import AnonymousReader, Scope, twin_address
from .walk import walk

FORMATS = ("jsonl",)
PROGRESS_EVERY = 100
Progress = Callable[[str], None]


@dataclass
class Dump:
    file: Path
    records: list[tuple[str, str]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def write_dump(
    file: Path, *, format: str = "jsonl", force: bool = False, progress: Progress = lambda message: None
) -> Dump:
    """Write the dump to ``file`` (gzip-compressed when its name ends in .gz), which appears once complete."""
    if format not in FORMATS:
        raise ValueError(f"unknown dump format {format!r}")
    reader = AnonymousReader()
    reader.check()
    scope = Scope((settings.LANGUAGE_CODE,))
    dump = Dump(file)
    with new_file(file, force=force) as partial:
        opener = gzip.open if file.name.endswith(".gz") else open
        with opener(partial, "wt", encoding="utf-8", newline="\n") as out:
            for visit in walk(reader, scope, files=False):
                ref = visit.target.record
                if ref is None or not visit.found or visit.text is None:
                    continue
                twin = reader.get(twin_address(visit.target.address))
                if twin.status_code != 200:
                    dump.problems.append(f"{twin_address(visit.target.address)}: {twin.status_code}")
                    continue
                line = {"kind": ref[0], "key": ref[1], "record": json.loads(twin.content)}
                out.write(json.dumps(line, ensure_ascii=False) + "\n")
                dump.records.append(ref)
                if len(dump.records) % PROGRESS_EVERY == 0:
                    progress(_("%(count)s records written") % {"count": len(dump.records)})
    progress(_("%(count)s records written to %(file)s") % {"count": len(dump.records), "file": file})
    return dump
