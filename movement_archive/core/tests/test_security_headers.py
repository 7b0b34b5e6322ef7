"""Every reading page tells the browser to load nothing from elsewhere and to run no inline script; the back
office, which Wagtail builds with inline scripts, is left to Django's own protections."""

from __future__ import annotations

from movement_archive.core.headers import CONTENT_SECURITY_POLICY
from movement_archive.testing import CastTestCase


class SecurityHeaders(CastTestCase):
    def test_a_reading_page_forbids_other_hosts_and_inline_scripts(self):
        response = self.client.get("/organisations/")
        policy = response["Content-Security-Policy"]
        self.assertEqual(policy, CONTENT_SECURITY_POLICY)
        self.assertIn("default-src 'none'", policy)
        self.assertIn("script-src 'self'", policy)
        self.assertNotIn("unsafe-inline", policy)
        self.assertIn("frame-ancestors 'none'", policy)
        self.assertIn("geolocation=()", response["Permissions-Policy"])
        self.assertEqual(response["X-Content-Type-Options"], "nosniff")
        self.assertEqual(response["Referrer-Policy"], "same-origin")
        self.assertEqual(response["X-Frame-Options"], "DENY")

    def test_error_pages_and_json_twins_carry_it_too(self):
        self.assertEqual(self.client.get("/no-such-page/")["Content-Security-Policy"], CONTENT_SECURITY_POLICY)
        json = self.client.get("/organisations/", {"format": "json"})
        self.assertEqual(json["Content-Security-Policy"], CONTENT_SECURITY_POLICY)

    def test_the_back_office_keeps_wagtails_inline_scripts_working(self):
        self.client.force_login(self.editor)
        self.assertNotIn("Content-Security-Policy", self.client.get("/admin/"))


class ProtectionsEverywhere(CastTestCase):
    """Reading rooms and back office alike: no sniffing, no referrer to other sites, no framing, and no other site
    may hold a window on the archive's pages or load its files into its own."""

    PROTECTIONS = {
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "same-origin",
        "X-Frame-Options": "DENY",
        "Cross-Origin-Opener-Policy": "same-origin",
        "Cross-Origin-Resource-Policy": "same-origin",
    }

    def assert_protected(self, response):
        self.assertEqual(response.status_code, 200, response.wsgi_request.path)
        for header, value in self.PROTECTIONS.items():
            self.assertEqual(response.get(header), value, f"{header} on {response.wsgi_request.path}")

    def test_a_reading_page_carries_every_protection(self):
        self.assert_protected(self.client.get("/organisations/"))

    def test_a_back_office_page_carries_every_protection(self):
        self.client.force_login(self.editor)
        self.assert_protected(self.client.get("/admin/"))

    def test_the_sign_in_page_carries_every_protection(self):
        self.assert_protected(self.client.get("/admin/login/"))
