"""Checks that a pure package stays pure: neither Django nor Wagtail is loaded by it, now or inside a function.

Used by the tests of each pure package (``oralhistory``, ``scrubbing``, ``matching``). The import check runs in a
fresh interpreter, because the test process itself has Django loaded already.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

FRAMEWORKS = ("django", "wagtail")


def module_paths(package: ModuleType) -> list[Path]:
    """Every module of the package itself; its tests may use pytest and anything else they like."""
    root = Path(package.__file__).parent
    return sorted(path for path in root.rglob("*.py") if "tests" not in path.relative_to(root).parts)


def module_names(package: ModuleType) -> set[str]:
    return {path.stem for path in module_paths(package)}


def is_framework(name: str) -> bool:
    return name.split(".")[0] in FRAMEWORKS


def loaded_by(script: str) -> list[str]:
    """The modules a fresh interpreter has loaded after running ``script`` from the repository's root."""
    result = subprocess.run(
        [sys.executable, "-c", f"{script}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"],
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


def loaded_by_importing(package: ModuleType) -> list[str]:
    root = Path(package.__file__).parent
    names = [
        ".".join((package.__name__, *path.relative_to(root).with_suffix("").parts)).removesuffix(".__init__")
        for path in module_paths(package)
    ]
    return loaded_by("import importlib\n" + "".join(f"importlib.import_module({name!r})\n" for name in names))


def framework_imports(package: ModuleType) -> list[str]:
    """Import statements anywhere in the package (inside functions too) that name a framework."""
    found = []
    for path in module_paths(package):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
            if isinstance(node, ast.Import):
                imported = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                imported = [node.module]
            else:
                continue
            found += [f"{path.name}:{node.lineno} {name}" for name in imported if is_framework(name)]
    return found
