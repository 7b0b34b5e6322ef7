"""The OpenAPI schema as the API serves it, and the snapshot kept of it (``openapi.json`` beside this file).

After a deliberate change to the API, write the snapshot anew and review its diff with the change:

    python -m movement_archive.api.tests.snapshot
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

SNAPSHOT = Path(__file__).resolve().parent / "openapi.json"


def current_schema() -> dict[str, Any]:
    from movement_archive.api.views import api

    # Through JSON and back, as a client reads it: tuples become lists, lazy texts strings.
    return json.loads(json.dumps(api.get_openapi_schema(), default=str))


def as_text(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "movement_archive.test_settings")
    import django

    django.setup()
    SNAPSHOT.write_text(as_text(current_schema()), encoding="utf-8")
    print(f"wrote {SNAPSHOT}")


if __name__ == "__main__":
    main()
