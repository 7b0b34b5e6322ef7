"""The scrubbing code stays pure: importing any of it loads neither Django nor Wagtail, now or inside a function."""

from __future__ import annotations

import movement_archive.scrubbing as package
from movement_archive.testing.purity import (
    framework_imports,
    is_framework,
    loaded_by,
    loaded_by_importing,
    module_names,
)


def test_the_package_has_the_modules_these_checks_are_about():
    assert {"upload", "kinds", "images", "pdf", "pdf_clean", "jpeg_markers", "jpeg2000_boxes"} <= module_names(package)


def test_importing_every_module_in_a_fresh_interpreter_loads_no_framework():
    loaded = loaded_by_importing(package)

    assert "movement_archive.scrubbing.pdf_clean" in loaded
    assert [name for name in loaded if is_framework(name)] == []


def test_no_module_names_a_framework_in_any_import_statement():
    assert framework_imports(package) == []


def test_scrubbing_a_file_in_a_fresh_interpreter_loads_no_framework_either():
    # Some imports happen only when a file is decoded (Pillow loads its plugins lazily), so run a real scrub.
    loaded = loaded_by(
        "import io\n"
        "from PIL import Image\n"
        "from movement_archive.scrubbing import scrub\n"
        "out = io.BytesIO()\n"
        "Image.new('RGB', (4, 4)).save(out, 'JPEG')\n"
        "scrub(out.getvalue(), filename='a.jpg', max_bytes=10**6)\n"
    )

    assert "movement_archive.scrubbing.images" in loaded
    assert [name for name in loaded if is_framework(name)] == []
