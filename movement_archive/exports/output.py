"""Writing an export where it cannot be mistaken for a finished one until it is finished.

A mirror is built in a hidden directory beside its destination and a dump in a hidden file beside its own;
only a complete export is renamed into place, and a failed one is removed. Both live on the same file system as
the destination, so the rename is one step.
"""

from __future__ import annotations

import os
import secrets
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.utils.translation import gettext as _

from .reader import ExportError

# Written into every mirror, so that --force replaces an earlier mirror and never a directory of other files.
MARKER = ".movement-archive-mirror"


@contextmanager
def new_directory(target: Path, *, force: bool) -> Iterator[Path]:
    """A fresh directory to fill; when the block ends without error, it becomes ``target``."""
    _check_directory(target, force=force)
    partial = _beside(target, "partial")
    try:
        partial.mkdir()
    except OSError as error:
        raise ExportError(_("cannot write in %(path)s: %(reason)s") % _why(target.parent, error)) from None
    try:
        (partial / MARKER).write_text("Written by movement-archive export-site.\n", encoding="utf-8")
        yield partial
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    if target.exists():
        old = _beside(target, "old")
        target.rename(old)
        partial.rename(target)
        shutil.rmtree(old, ignore_errors=True)
    else:
        partial.rename(target)


@contextmanager
def new_file(target: Path, *, force: bool) -> Iterator[Path]:
    """A fresh file to write; when the block ends without error, it replaces ``target``."""
    if target.is_dir():
        raise ExportError(_("%(path)s is a directory; give the name of a file") % {"path": target})
    if target.exists() and not force:
        raise ExportError(_("%(path)s already exists; give --force to replace it") % {"path": target})
    _check_parent(target)
    partial = _beside(target, "partial")
    try:
        partial.touch(exist_ok=False)
    except OSError as error:
        raise ExportError(_("cannot write in %(path)s: %(reason)s") % _why(target.parent, error)) from None
    try:
        yield partial
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    os.replace(partial, target)


def _check_directory(target: Path, *, force: bool) -> None:
    if target.exists() and not target.is_dir():
        raise ExportError(_("%(path)s exists and is not a directory") % {"path": target})
    if target.is_dir() and any(target.iterdir()):
        if not force:
            raise ExportError(_("%(path)s is not empty; give --force to replace it") % {"path": target})
        if not (target / MARKER).is_file():
            raise ExportError(
                _("%(path)s holds files that are not an archive mirror; choose an empty or new directory")
                % {"path": target}
            )
    _check_parent(target)


def _check_parent(target: Path) -> None:
    if not target.parent.is_dir():
        raise ExportError(_("%(path)s does not exist") % {"path": target.parent})
    if not os.access(target.parent, os.W_OK | os.X_OK):
        raise ExportError(_("cannot write in %(path)s: permission denied") % {"path": target.parent})


def _beside(target: Path, what: str) -> Path:
    return target.parent / f".{target.name}.{what}-{secrets.token_hex(4)}"


def _why(path: Path, error: OSError) -> dict[str, str]:
    return {"path": str(path), "reason": error.strerror or str(error)}
