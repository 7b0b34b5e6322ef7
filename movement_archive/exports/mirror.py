"""The static mirror: every page an anonymous reader reaches, its JSON twin, and the static files pages use.

Each page is fetched, its links rewritten to work from files, and written at once; nothing of the site is held
in memory but the names of the files written and the records they show.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.utils.translation import gettext as _

from .addresses import PAGE_FILE, relative_link, twin_of
from .links import LOADING, rewrite, stylesheet_addresses
from .output import new_directory
from .reader import AnonymousReader, Scope, Target, twin_address
from .walk import NOT_ADDRESSES, Visit, walk, within

PROGRESS_EVERY = 100
Progress = Callable[[str], None]


@dataclass
class Mirror:
    directory: Path
    pages: int = 0
    files: int = 0
    static_files: int = 0
    # (kind, key) of each record whose page the mirror holds, in any language.
    records: set[tuple[str, str]] = field(default_factory=set)
    problems: list[str] = field(default_factory=list)


def write_mirror(
    directory: Path,
    *,
    languages: tuple[str, ...],
    with_media: bool = False,
    force: bool = False,
    progress: Progress = lambda message: None,
) -> Mirror:
    """Write the mirror into ``directory``, which appears only once it is complete."""
    reader = AnonymousReader()
    reader.check()
    scope = Scope(languages, with_media=with_media)
    with new_directory(directory, force=force) as root:
        mirror = Mirror(directory)
        statics: set[Target] = set()
        for visit in walk(reader, scope):
            _write(root, visit, reader, scope, mirror, statics)
            if (mirror.pages + mirror.files) % PROGRESS_EVERY == 0 and visit.found:
                progress(_("%(pages)s pages and %(files)s files written") % vars(mirror))
        _copy_static(root, statics, reader, scope, mirror)
        if settings.LANGUAGE_CODE not in languages:
            _write_redirect(root, PAGE_FILE, scope.target(scope.starts()[0]).file)
    progress(
        _("%(pages)s pages, %(files)s files and %(static_files)s static files written to %(directory)s") % vars(mirror)
    )
    return mirror


def _write(root: Path, visit: Visit, reader: AnonymousReader, scope: Scope, mirror: Mirror, statics: set) -> None:
    target = visit.target
    if visit.redirect is not None:
        if target.file.endswith(".html") and target.file.lower() != visit.redirect.file.lower():
            _write_redirect(root, target.file, visit.redirect.file)
        return
    if not visit.found:
        mirror.problems.append(f"{target.address}: {visit.response.status_code}")
        return
    if visit.text is None:
        _write_response(root / target.file, visit.response)
        mirror.files += 1
        return
    page = rewrite(visit.text, _linker(reader, scope, target, statics))
    _path(root / target.file).write_text(page, encoding="utf-8")
    twin = reader.get(twin_address(target.address))
    if twin.status_code == 200:
        _path(root / twin_of(target.file)).write_bytes(twin.content)
    mirror.pages += 1
    if target.record:
        mirror.records.add(target.record)


def _linker(reader: AnonymousReader, scope: Scope, page: Target, statics: set[Target]):
    """How each address on ``page`` is written in the mirror."""

    def link(tag: str, attribute: str, address: str) -> str | None:
        online = urljoin(reader.origin + page.address, address)
        if tag == "form":  # nothing in a static copy can answer a form: it goes to the archive itself
            return online
        if address.startswith(NOT_ADDRESSES):
            return None
        target = within(reader, scope, page.address, address)
        if target is None and LOADING.get(tag) == attribute:
            # Loaded without the reader asking (a recording left out): fetching it online would give them away.
            return ""
        if target is None:
            # Other sites keep their address; pages of the archive the mirror lacks are linked online.
            return online if online.startswith(reader.origin) else None
        if target.static:
            statics.add(target)
        return relative_link(page.file, target.file, urlsplit(address).fragment)

    return link


def _copy_static(root: Path, statics: set[Target], reader: AnonymousReader, scope: Scope, mirror: Mirror) -> None:
    """Copy the static files the pages use, and those their stylesheets use in turn."""
    done: set[str] = set()
    waiting = list(statics)
    while waiting:
        target = waiting.pop()
        if target.file in done:
            continue
        done.add(target.file)
        source = static_source(unquote(target.address.removeprefix(settings.STATIC_URL)))
        if source is None:
            mirror.problems.append(_("%(address)s: no such static file") % {"address": target.address})
            continue
        shutil.copyfile(source, _path(root / target.file))
        mirror.static_files += 1
        if source.suffix == ".css":
            for address in stylesheet_addresses(source.read_text(encoding="utf-8", errors="replace")):
                found = within(reader, scope, target.address, address)
                if found is not None and found.static:
                    waiting.append(found)


def static_source(name: str) -> Path | None:
    """Where a static file is: collected into STATIC_ROOT (served by WhiteNoise), or still in its app."""
    collected = Path(settings.STATIC_ROOT) / name
    if collected.is_file():
        return collected
    found = finders.find(name)
    return Path(found) if found else None


def _write_response(path: Path, response) -> None:
    with _path(path).open("wb") as handle:
        if response.streaming:
            for chunk in response.streaming_content:
                handle.write(chunk)
        else:
            handle.write(response.content)
    # Not closed here: the test client closes a response once it is read to the end (a streaming one when its
    # content runs out). Closing it again sends request_finished, whose close_old_connections would end the
    # database connection of a caller inside a transaction, as every PostgreSQL test is.


def _write_redirect(root: Path, file: str, to: str) -> None:
    """A page that sends the reader on, without script: for addresses the archive itself redirects."""
    link = relative_link(file, to)
    _path(root / file).write_text(
        '<!doctype html><html><head><meta charset="utf-8">'
        f'<meta http-equiv="refresh" content="0; url={link}"><title>Movement Archive</title></head>'
        f'<body><p><a href="{link}">Movement Archive</a></p></body></html>\n',
        encoding="utf-8",
    )


def _path(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    return path
