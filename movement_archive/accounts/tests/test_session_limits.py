"""How long Edith stays signed in to the back office: not past half an hour of doing nothing, nor past the day's
limit however busy, nor after closing the browser, and in one place at a time. Readers never get a cookie."""

from __future__ import annotations

from unittest import mock

from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client, override_settings

from movement_archive.accounts import sessions
from movement_archive.accounts.models import CurrentSignIn
from movement_archive.testing import CastTestCase, VerifiedClient

HOME = "/admin/"
SIGN_IN = f"/admin/login/?next={HOME}"
MINUTE = 60


@override_settings(MOVEMENT_ARCHIVE_SESSION_IDLE=30 * MINUTE, SESSION_COOKIE_AGE=8 * 60 * MINUTE)
class SessionLimits(CastTestCase):
    def setUp(self):
        self.started = sessions.now_seconds()
        with self.at(0):
            self.client.force_login(self.editor)

    def at(self, minutes: int):
        """Requests made this many minutes after signing in."""
        return mock.patch.object(sessions, "now_seconds", return_value=self.started + minutes * MINUTE)

    def opens(self, minutes: int) -> bool:
        with self.at(minutes):
            response = self.client.get(HOME)
        if response.status_code == 302:
            self.assertRedirects(response, SIGN_IN, fetch_redirect_response=False)
            return False
        self.assertEqual(response.status_code, 200)
        return True

    def test_half_an_hour_without_a_request_signs_the_editor_out(self):
        self.assertTrue(self.opens(29))
        self.assertFalse(self.opens(29 + 31))

    def test_being_signed_out_for_idling_is_explained_on_the_sign_in_page(self):
        self.opens(31)

        self.assertContains(self.client.get(SIGN_IN), "after a while without activity")

    def test_working_keeps_the_session_alive_but_not_past_the_days_limit(self):
        for minutes in range(20, 8 * 60, 20):
            self.assertTrue(self.opens(minutes), minutes)
        self.assertFalse(self.opens(8 * 60 + 1))

    def test_signing_in_elsewhere_ends_the_first_session(self):
        elsewhere = VerifiedClient()
        with self.at(1):
            elsewhere.force_login(self.editor)

        self.assertFalse(self.opens(2))
        with self.at(2):
            self.assertEqual(elsewhere.get(HOME).status_code, 200)

    def test_signing_out_clears_the_session_for_good(self):
        cookie = self.client.cookies[settings.SESSION_COOKIE_NAME].value
        with self.at(1):
            response = self.client.post("/admin/logout/")

        self.assertEqual(response.cookies[settings.SESSION_COOKIE_NAME].value, "")
        self.assertFalse(Session.objects.filter(session_key=cookie).exists())
        self.assertFalse(CurrentSignIn.objects.filter(user=self.editor).exists())
        replayed = Client()
        replayed.cookies[settings.SESSION_COOKIE_NAME] = cookie
        with self.at(2):
            self.assertEqual(replayed.get(HOME).status_code, 302)

    def test_the_session_cookie_ends_with_the_browser(self):
        # Minutes later the session notes the activity, and sends its cookie again: without an expiry.
        with self.at(5):
            response = self.client.get(HOME)
        cookie = response.cookies[settings.SESSION_COOKIE_NAME]
        self.assertEqual((cookie["max-age"], cookie["expires"]), ("", ""))

    def test_a_session_from_before_the_limits_existed_must_sign_in_again(self):
        session = self.client.session
        del session[sessions.STARTED]
        session.save()

        self.assertFalse(self.opens(1))


class ReadersGetNoCookie(CastTestCase):
    def test_reading_pages_set_no_cookie(self):
        for page in ("/", "/organisations/", "/es/organisations/"):
            response = Client().get(page)
            self.assertEqual(response.status_code, 200, page)
            self.assertEqual(response.cookies, {}, page)
