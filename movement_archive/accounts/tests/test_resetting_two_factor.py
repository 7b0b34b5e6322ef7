"""Edith lost her phone and her recovery codes: an administrator resets her two-factor sign-in from the command
line. Her devices go, any session she had open ends, the reset is logged, and she sets up a new app next time."""

from __future__ import annotations

from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django_otp.plugins.otp_static.models import StaticDevice

from movement_archive.cli import main
from movement_archive.testing import PASSWORD, CastTestCase, authenticator

HOME = "/admin/"


class ResettingTwoFactor(CastTestCase):
    def setUp(self):
        authenticator(self.editor)
        StaticDevice.objects.create(user=self.editor, name="Recovery codes", confirmed=True)

    def test_a_reset_removes_the_devices_ends_the_session_and_is_logged(self):
        self.client.force_login(self.editor)
        self.assertEqual(self.client.get(HOME).status_code, 200)

        with self.assertLogs("movement_archive.accounts", "WARNING") as logs:
            call_command("reset_two_factor", self.editor.username, stdout=open("/dev/null", "w"))  # noqa: SIM115

        self.assertEqual(StaticDevice.objects.filter(user=self.editor).count(), 0)
        self.assertFalse(self.editor.totpdevice_set.exists())
        (line,) = logs.output
        self.assertIn(f"user {self.editor.username} reset", line)
        self.assertIn("2 devices removed", line)
        self.assertRedirects(self.client.get(HOME), f"/admin/login/?next={HOME}", fetch_redirect_response=False)

    def test_after_a_reset_the_next_sign_in_sets_up_a_new_app(self):
        call_command("reset_two_factor", self.editor.username, stdout=open("/dev/null", "w"))  # noqa: SIM115
        browser = Client()
        browser.login(username=self.editor.username, password=PASSWORD)

        self.assertRedirects(browser.get(HOME), "/admin/two-factor/enrol/?next=%2Fadmin%2F")

    def test_the_movement_archive_command_resets_too(self):
        with self.assertLogs("movement_archive.accounts", "WARNING"):
            self.assertEqual(main(["reset-two-factor", self.editor.username]), 0)

        self.assertFalse(self.editor.totpdevice_set.exists())

    def test_an_unknown_user_is_reported_and_nothing_changes(self):
        with self.assertRaisesMessage(CommandError, "There is no user 'nobody'."):
            call_command("reset_two_factor", "nobody")

        self.assertTrue(self.editor.totpdevice_set.exists())
