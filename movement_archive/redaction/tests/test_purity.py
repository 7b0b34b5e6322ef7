"""The markup and its rendering stay pure: importing them loads neither Django nor Wagtail, now or in a function.

The rest of the app (``text``, ``models``, the template filter) is the Django adapter and is left out.
"""

from __future__ import annotations

import movement_archive.redaction as package
from movement_archive.testing.purity import framework_imports, is_framework, loaded_by

PURE = ("markup.py", "rendering.py", "__init__.py")


def test_importing_the_pure_modules_in_a_fresh_interpreter_loads_no_framework():
    loaded = loaded_by("import movement_archive.redaction.markup\nimport movement_archive.redaction.rendering")

    assert "movement_archive.redaction.rendering" in loaded
    assert [name for name in loaded if is_framework(name)] == []


def test_no_pure_module_names_a_framework_in_any_import_statement():
    found = framework_imports(package)

    assert found, "the adapter modules import Django, so the check must see them"
    assert [line for line in found if line.startswith(PURE)] == []
