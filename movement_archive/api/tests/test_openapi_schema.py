"""The API's contract: its OpenAPI schema is served, matches the reviewed snapshot, and loads nothing from elsewhere."""

from __future__ import annotations

import json

from django.test import Client, SimpleTestCase, TestCase

from .snapshot import SNAPSHOT, as_text, current_schema

API = "/api/v1/"


class TheOpenApiSchema(SimpleTestCase):
    """Read without the database: the schema describes the API, whatever the archive holds."""

    def test_the_schema_matches_the_snapshot_reviewed_with_the_last_change(self):
        self.assertEqual(
            as_text(current_schema()),
            SNAPSHOT.read_text(encoding="utf-8"),
            "The API's schema changed. If the change is meant, run `python -m movement_archive.api.tests.snapshot` "
            "and commit the new openapi.json with it; docs/api.md says what may change without a new version.",
        )

    def test_the_schema_is_served_as_the_snapshot_says(self):
        response = Client().get(f"{API}openapi.json")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json(), json.loads(SNAPSHOT.read_text(encoding="utf-8")))

    def test_every_endpoint_answers_get_only(self):
        for path, operations in current_schema()["paths"].items():
            self.assertEqual(set(operations), {"get"}, path)


class NoDocumentationPage(TestCase):
    def test_there_is_no_documentation_page_loading_swagger_from_another_host(self):
        self.assertEqual(Client().get(f"{API}docs").status_code, 404)
        self.assertNotIn("cdn", SNAPSHOT.read_text(encoding="utf-8").lower())
