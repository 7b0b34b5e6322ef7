"""`core` is the floor: every app stands on it and it stands on no app, and no two modules import each other.

Read from the source with ``ast``, so an import inside a function or under ``TYPE_CHECKING`` counts as much as
one at the top of a module: each ties the two modules together all the same.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2]  # movement_archive/
CORE = PACKAGE / "core"

# What core's code may import from the project besides itself: ``dates`` is a pure package (no Django, no app),
# the parser of partial dates that core's date field and "dates in words" are built on.
CORE_MAY_IMPORT = {"core", "dates"}
# What core's tests may import besides: the project-level modules they test (``env``, ``cli``) and the fixed cast
# every test reads (``testing``). The cast makes records of the apps above, which a test of core may use as
# examples; a test that must name an app's model or helpers belongs to that app or to ``home``.
CORE_TESTS_MAY_IMPORT = CORE_MAY_IMPORT | {"env", "cli", "testing"}

# Templates core may name: its own, the slots of the site's frame that the app above the others fills
# (``home/templates/site/``), as a project fills Django's 404.html, and Django's own form widgets', below it all.
CORE_TEMPLATE_PREFIXES = ("core/", "site/", "django/forms/")
TEMPLATE_NAME = re.compile(r"""\{%\s*(?:include|extends)\s+["']([^"']+)["']""")
URL_NAME = re.compile(r"""\{%\s*url\s+["']([^"']+)["']""")


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> Iterator[tuple[str, int]]:
    """(module or name imported, line) for every import of the file, in functions too, relative ones resolved."""
    tree = ast.parse(path.read_text(), filename=str(path))
    here = module_name(path).split(".")
    package = here if path.name == "__init__.py" else here[:-1]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package[: len(package) - node.level + 1] + ([base] if base else []))
            for alias in node.names:
                # "from movement_archive.core import filters" imports the module core.filters
                yield f"{base}.{alias.name}", node.lineno


def project_part(name: str) -> str | None:
    """The top package of the project that an imported name belongs to (``core`` for movement_archive.core.x)."""
    parts = name.split(".")
    return parts[1] if parts[0] == PACKAGE.name and len(parts) > 1 else None


def python_files(root: Path) -> list[Path]:
    return sorted(root.rglob("*.py"))


def test_core_imports_no_app():
    wrong = []
    for path in python_files(CORE):
        allowed = CORE_TESTS_MAY_IMPORT if "tests" in path.relative_to(CORE).parts else CORE_MAY_IMPORT
        for name, line in imports(path):
            part = project_part(name)
            if part is not None and part not in allowed:
                wrong.append(f"{path.relative_to(PACKAGE.parent)}:{line} imports {name}")
    assert not wrong, "core stands on no app:\n" + "\n".join(wrong)


def test_core_templates_name_no_app():
    wrong = []
    for path in sorted((CORE / "templates").rglob("*.html")):
        text = path.read_text()
        for pattern, fine in ((TEMPLATE_NAME, lambda n: n.startswith(CORE_TEMPLATE_PREFIXES)), (URL_NAME, None)):
            for match in pattern.finditer(text):
                name = match.group(1)
                # core has no pages of its own to link to: any URL name belongs to an app above it
                if fine is None or not fine(name):
                    line = text.count("\n", 0, match.start()) + 1
                    wrong.append(f"{path.relative_to(PACKAGE.parent)}:{line} names {name}")
    assert not wrong, "core's templates name no app's pages or templates:\n" + "\n".join(wrong)


def test_no_two_modules_import_each_other():
    paths = {module_name(path): path for path in python_files(PACKAGE)}
    lines: dict[tuple[str, str], int] = {}
    for module, path in paths.items():
        for name, line in imports(path):
            # The module itself, or the package it is a name of ("from .models import Interview")
            while name and name not in paths:
                name = name.rpartition(".")[0]
            if name and name != module and project_part(name):
                lines.setdefault((module, name), line)
    circles = [
        f"{paths[a].relative_to(PACKAGE.parent)}:{line} imports {b}, "
        f"and {paths[b].relative_to(PACKAGE.parent)}:{lines[(b, a)]} imports {a}"
        for (a, b), line in sorted(lines.items())
        if (b, a) in lines and a < b
    ]
    assert not circles, "two modules import each other:\n" + "\n".join(circles)
