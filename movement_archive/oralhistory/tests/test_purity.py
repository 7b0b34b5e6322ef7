"""The format code stays pure: importing any of it loads neither Django nor Wagtail, now or inside a function."""

from __future__ import annotations

import movement_archive.oralhistory as package
from movement_archive.testing.purity import framework_imports, is_framework, loaded_by_importing, module_names


def test_the_package_has_the_modules_these_checks_are_about():
    assert {"document", "timecodes", "text", "cues", "webvtt", "srt", "stamped", "detect"} <= module_names(package)


def test_importing_every_module_in_a_fresh_interpreter_loads_no_framework():
    loaded = loaded_by_importing(package)

    assert "movement_archive.oralhistory.webvtt" in loaded
    assert [name for name in loaded if is_framework(name)] == []


def test_no_module_names_a_framework_in_any_import_statement():
    assert framework_imports(package) == []
