"""docs/api.md lists every endpoint of the API, and no endpoint the API does not have."""

from __future__ import annotations

import re
from pathlib import Path

from django.test import SimpleTestCase

from .snapshot import current_schema

DOCS = Path(__file__).resolve().parents[3] / "docs" / "api.md"
README = DOCS.parent.parent / "README.md"


class TheApiDocs(SimpleTestCase):
    def test_every_endpoint_of_the_schema_is_documented(self):
        # The first column of the table of endpoints; addresses given as examples elsewhere are not counted.
        documented = set(re.findall(r"^\| `(/api/v1/[^`]*)` \|", DOCS.read_text(encoding="utf-8"), re.MULTILINE))
        endpoints = set(current_schema()["paths"]) | {"/api/v1/openapi.json"}
        self.assertEqual(endpoints - documented, set(), "add these endpoints to docs/api.md")
        self.assertEqual(documented - endpoints, set(), "docs/api.md lists endpoints the API does not have")

    def test_the_readme_points_to_the_api_docs(self):
        self.assertIn("docs/api.md", README.read_text(encoding="utf-8"))
