"""The scrubbing code stays pure: importing any of it loads neither Django nor Wagtail, now or inside a function."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import movement_archive.scrubbing as package

PACKAGE_DIR = Path(package.__file__).parent
FRAMEWORKS = ("django", "wagtail")


def _modules() -> list[Path]:
    # Every module of the package itself; its tests may use pytest and anything else they like.
    return sorted(path for path in PACKAGE_DIR.rglob("*.py") if "tests" not in path.relative_to(PACKAGE_DIR).parts)


def _is_framework(name: str) -> bool:
    return name.split(".")[0] in FRAMEWORKS


def test_the_package_has_the_modules_these_checks_are_about():
    names = {path.stem for path in _modules()}

    assert {"upload", "kinds", "images", "pdf", "pdf_clean", "jpeg_markers", "jpeg2000_boxes"} <= names


def test_importing_every_module_in_a_fresh_interpreter_loads_no_framework():
    names = [
        ".".join(("movement_archive", *path.relative_to(PACKAGE_DIR.parent).with_suffix("").parts)).removesuffix(
            ".__init__"
        )
        for path in _modules()
    ]
    script = (
        "import importlib, json, sys\n"
        f"for name in {names!r}:\n"
        "    importlib.import_module(name)\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )

    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=PACKAGE_DIR.parents[1], check=False
    )

    assert result.returncode == 0, result.stderr
    loaded = json.loads(result.stdout)
    assert "movement_archive.scrubbing.pdf_clean" in loaded
    assert [name for name in loaded if _is_framework(name)] == []


def test_scrubbing_a_file_in_a_fresh_interpreter_loads_no_framework_either():
    # Some imports happen only when a file is decoded (Pillow loads its plugins lazily), so run a real scrub.
    script = (
        "import io, json, sys\n"
        "from PIL import Image\n"
        "from movement_archive.scrubbing import scrub\n"
        "out = io.BytesIO()\n"
        "Image.new('RGB', (4, 4)).save(out, 'JPEG')\n"
        "scrub(out.getvalue(), filename='a.jpg', max_bytes=10**6)\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )

    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=PACKAGE_DIR.parents[1], check=False
    )

    assert result.returncode == 0, result.stderr
    assert [name for name in json.loads(result.stdout) if _is_framework(name)] == []


def test_no_module_names_a_framework_in_any_import_statement():
    found = []
    for path in _modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
            if isinstance(node, ast.Import):
                imported = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                imported = [node.module]
            else:
                continue
            found += [f"{path.name}:{node.lineno} {name}" for name in imported if _is_framework(name)]

    assert found == []
