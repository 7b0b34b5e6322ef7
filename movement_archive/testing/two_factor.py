"""Signing in with the second step, for tests.

``VerifiedClient.force_login`` skips both steps of signing in, as Django's own ``force_login`` skips the password:
the user gets an authenticator if they have none, and the session is marked as having passed it. ``login(username=...,
password=...)`` passes the password only, leaving the second step to the test, as a browser would.
"""

from __future__ import annotations

from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice


def authenticator(user, **fields) -> TOTPDevice:
    """The user's confirmed authenticator, created when missing."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return device or TOTPDevice.objects.create(user=user, name="Test phone", confirmed=True, **fields)


def current_code(device: TOTPDevice) -> str:
    """The code the device's app shows now."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def code_from_key(key: str) -> str:
    """The code an app set up with this key (hex, as ``TOTPDevice.key``) shows now, with django-otp's defaults:
    for a test that must not read the database itself."""
    return f"{TOTP(bytes.fromhex(key)).token():06d}"


class VerifiedClient(Client):
    def force_login(self, user, backend=None) -> None:
        super().force_login(user, backend)
        session = self.session
        session[DEVICE_ID_SESSION_KEY] = authenticator(user).persistent_id
        session.save()
