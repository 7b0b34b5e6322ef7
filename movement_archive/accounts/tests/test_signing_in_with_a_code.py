"""Edith signs in with her password, then with a code from her phone; nothing in the back office opens before the
code, and a password alone shows nothing more than the public sees."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice

from movement_archive.testing import PASSWORD, CastTestCase, authenticator, current_code, make_person

HOME = "/admin/"
VERIFY = "/admin/two-factor/"


class SigningInWithACode(CastTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.phone = authenticator(cls.editor)

    def setUp(self):
        # A browser: the password step only, unlike the cast's force_login.
        self.browser = Client()
        self.browser.login(username=self.editor.username, password=PASSWORD)

    def give(self, code: str, next_page: str = ""):
        return self.browser.post(VERIFY, {"code": code, "next": next_page})

    def test_editor_with_a_device_must_give_a_code_before_any_admin_page(self):
        for page in (HOME, "/admin/snippets/organisations/organisation/", "/admin/account/", "/admin/login/"):
            response = self.browser.get(page)
            self.assertEqual(response.status_code, 302, page)
            self.assertTrue(response["Location"].startswith(VERIFY), page)

    def test_the_code_page_asks_for_the_code_without_scripts_of_its_own(self):
        response = self.browser.get(VERIFY)

        self.assertContains(response, 'name="code"')
        self.assertContains(response, 'autocomplete="one-time-code"')
        self.assertContains(response, reverse("wagtailadmin_logout"))
        self.assertNotIn("<script>", response.content.decode())

    def test_a_code_from_the_app_opens_the_page_first_asked_for(self):
        asked = "/admin/snippets/organisations/organisation/"
        redirected = self.browser.get(asked)["Location"]
        self.assertEqual(redirected, VERIFY + "?next=%2Fadmin%2Fsnippets%2Forganisations%2Forganisation%2F")

        response = self.give(current_code(self.phone), next_page=asked)

        self.assertRedirects(response, asked, fetch_redirect_response=False)
        self.assertEqual(self.browser.get(asked).status_code, 200)

    def test_passing_the_code_gives_the_session_a_new_key(self):
        before = self.browser.session.session_key

        self.give(current_code(self.phone))

        self.assertNotEqual(self.browser.session.session_key, before)
        self.assertEqual(self.browser.get(HOME).status_code, 200)

    def test_a_wrong_code_is_refused_and_the_back_office_stays_closed(self):
        wrong = f"{(int(current_code(self.phone)) + 1) % 1_000_000:06d}"

        response = self.give(wrong)

        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "That code was not accepted")
        self.assertEqual(self.browser.get(HOME).status_code, 302)

    def test_after_a_wrong_code_even_the_right_one_must_wait(self):
        StaticDevice.objects.create(user=self.editor, name="Recovery codes", confirmed=True)
        self.give("000000" if current_code(self.phone) != "000000" else "111111")

        response = self.give(current_code(self.phone))

        self.assertContains(response, "Wait a little before trying again")
        self.assertEqual(self.browser.get(HOME).status_code, 302)

    def test_a_code_cannot_be_used_twice(self):
        code = current_code(self.phone)
        self.give(code)
        elsewhere = Client()
        elsewhere.login(username=self.editor.username, password=PASSWORD)

        response = elsewhere.post(VERIFY, {"code": code})

        self.assertEqual(response.status_code, 200)
        self.assertEqual(elsewhere.get(HOME).status_code, 302)

    def test_a_recovery_code_works_once_instead_of_the_app(self):
        recovery = StaticDevice.objects.create(user=self.editor, name="Recovery codes", confirmed=True)
        recovery.token_set.create(token="abcd2345")

        self.assertRedirects(self.give("ABCD-2345"), HOME, fetch_redirect_response=False)
        self.assertEqual(self.browser.get(HOME).status_code, 200)

        again = Client()
        again.login(username=self.editor.username, password=PASSWORD)
        self.assertContains(again.post(VERIFY, {"code": "abcd-2345"}), "That code was not accepted")

    def test_a_next_page_outside_the_back_office_is_ignored(self):
        recovery = StaticDevice.objects.create(user=self.editor, name="Recovery codes", confirmed=True)
        elsewhere = ("https://elsewhere.example/", "//elsewhere.example/admin/", "/organisations/")
        for number, next_page in enumerate(elsewhere):
            recovery.token_set.create(token=f"code{number}aa")
            browser = Client()
            browser.login(username=self.editor.username, password=PASSWORD)
            response = browser.post(VERIFY, {"code": f"code{number}aa", "next": next_page})
            self.assertRedirects(response, HOME, fetch_redirect_response=False, msg_prefix=next_page)

    def test_signing_out_is_possible_before_the_code(self):
        response = self.browser.post(reverse("wagtailadmin_logout"))

        self.assertRedirects(response, reverse("wagtailadmin_login"), fetch_redirect_response=False)
        self.assertRedirects(self.browser.get(VERIFY), f"{reverse('wagtailadmin_login')}?next={VERIFY}")

    def test_a_password_alone_shows_nothing_more_than_the_public_sees(self):
        hidden = make_person(name="Hana Hidden", key="hana-hidden", consent="research")
        researcher = Client()
        researcher.login(username=self.researcher.username, password=PASSWORD)
        authenticator(self.researcher)

        self.assertEqual(researcher.get(hidden.get_absolute_url()).status_code, 404)

        self.client.force_login(self.researcher)
        self.assertEqual(self.client.get(hidden.get_absolute_url()).status_code, 200)

    def test_an_anonymous_visitor_is_sent_to_sign_in_first(self):
        response = Client().get(VERIFY)

        self.assertRedirects(response, f"{reverse('wagtailadmin_login')}?next={VERIFY}", fetch_redirect_response=False)


class TheSignInPage(CastTestCase):
    def test_the_sign_in_page_has_no_remember_me_and_says_a_code_comes_next(self):
        response = self.client.get(reverse("wagtailadmin_login"))

        self.assertNotContains(response, 'name="remember"')
        self.assertContains(response, "a code from your authenticator app")

    def test_signing_in_with_the_password_leads_to_the_code(self):
        authenticator(self.editor)
        browser = Client()

        response = browser.post(
            reverse("wagtailadmin_login"), {"username": self.editor.username, "password": PASSWORD, "next": HOME}
        )
        self.assertRedirects(response, HOME, fetch_redirect_response=False)
        self.assertRedirects(browser.get(HOME), VERIFY + "?next=%2Fadmin%2F", fetch_redirect_response=False)

    def test_asking_to_be_remembered_still_ends_the_session_with_the_browser(self):
        response = Client().post(
            reverse("wagtailadmin_login"), {"username": self.editor.username, "password": PASSWORD, "remember": "on"}
        )

        cookie = response.cookies["sessionid"]
        self.assertEqual(cookie["max-age"], "")
        self.assertEqual(cookie["expires"], "")
