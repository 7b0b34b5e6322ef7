"""Rosa signs in for the first time: before anything else in the back office she sets up an authenticator app, from
a QR code or the key typed in, proves it with a first code, and is given recovery codes once."""

from __future__ import annotations

import re
from base64 import b32decode

from django.test import Client
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from movement_archive.testing import PASSWORD, CastTestCase, authenticator

HOME = "/admin/"
VERIFY = "/admin/two-factor/"
ENROL = "/admin/two-factor/enrol/"


def code_from_key(secret: str) -> str:
    """What an app shows for a key typed in from the page."""
    return f"{TOTP(b32decode(secret.replace(' ', ''))).token():06d}"


class Enrolling(CastTestCase):
    def setUp(self):
        self.browser = Client()
        self.browser.login(username=self.researcher.username, password=PASSWORD)

    def secret_on_page(self) -> str:
        page = self.browser.get(ENROL).content.decode()
        return re.search(r'<code class="secret" id="secret">([A-Z2-7 ]+)</code>', page).group(1)

    def test_editor_without_a_device_is_sent_to_enrol(self):
        for page in (HOME, "/admin/snippets/people/person/", VERIFY):
            response = self.browser.get(page, follow=True)
            self.assertEqual(response.redirect_chain[-1][0].split("?")[0], ENROL, page)

    def test_the_page_shows_the_key_as_text_and_as_a_qr_code_drawn_on_the_page(self):
        response = self.browser.get(ENROL)
        page = response.content.decode()

        self.assertRegex(page, r'<code class="secret" id="secret">([A-Z2-7]{4} ){7}[A-Z2-7]{4}</code>')
        self.assertIn('<img class="qr-code" src="data:image/svg+xml;', page)
        self.assertIn('href="otpauth://totp/Movement%20Archive%3Arosa-researcher?secret=', page)
        self.assertNotIn("<script>", page)
        self.assertEqual(response["Cache-Control"], "max-age=0, no-cache, no-store, must-revalidate, private")

    def test_the_key_stays_the_same_while_the_page_is_reloaded(self):
        self.assertEqual(self.secret_on_page(), self.secret_on_page())
        self.assertEqual(TOTPDevice.objects.filter(user=self.researcher).count(), 1)

    def test_a_first_code_confirms_the_app_and_shows_recovery_codes_once(self):
        secret = self.secret_on_page()

        response = self.browser.post(ENROL, {"code": code_from_key(secret), "next": "/admin/reports/"})

        self.assertTemplateUsed(response, "accounts/recovery_codes.html")
        shown = re.findall(r"<code>([a-z2-7]{4}-[a-z2-7]{4})</code>", response.content.decode())
        self.assertEqual(len(shown), 10)
        stored = StaticToken.objects.filter(device__user=self.researcher).values_list("token", flat=True)
        self.assertEqual(sorted(stored), sorted(code.replace("-", "") for code in shown))
        self.assertContains(response, 'href="/admin/reports/"')
        self.assertTrue(TOTPDevice.objects.get(user=self.researcher).confirmed)
        # Verified at once, and the codes are not shown again.
        self.assertEqual(self.browser.get(HOME).status_code, 200)
        self.assertRedirects(self.browser.get(ENROL), VERIFY, fetch_redirect_response=False)

    def test_a_wrong_first_code_confirms_nothing(self):
        self.secret_on_page()

        response = self.browser.post(ENROL, {"code": "not-a-code"})

        self.assertContains(response, "That code was not accepted")
        self.assertFalse(TOTPDevice.objects.filter(user=self.researcher, confirmed=True).exists())
        self.assertFalse(StaticDevice.objects.filter(user=self.researcher).exists())
        self.assertEqual(self.browser.get(HOME).status_code, 302)

    def test_someone_with_only_the_password_cannot_set_up_an_app_of_their_own(self):
        authenticator(self.editor)
        intruder = Client()
        intruder.login(username=self.editor.username, password=PASSWORD)

        self.assertRedirects(intruder.get(ENROL), VERIFY, fetch_redirect_response=False)
        self.assertRedirects(intruder.post(ENROL, {"code": "123456"}), VERIFY, fetch_redirect_response=False)
        self.assertEqual(TOTPDevice.objects.filter(user=self.editor).count(), 1)
