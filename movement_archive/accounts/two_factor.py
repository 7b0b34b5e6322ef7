"""The second step of signing in to the back office: an authenticator app (TOTP) and a few recovery codes.

Built on django-otp. Each user has at most one authenticator (a ``TOTPDevice``) and one set of recovery codes (a
``StaticDevice`` whose tokens are used up one by one). A session is *verified* once a code from either has been
accepted in it; ``gate.py`` keeps unverified sessions out of the back office.

django-otp throttles each device: after a wrong code the next try must wait 1 s, then 2 s, 4 s and so on, so codes
cannot be guessed in bulk.
"""

from __future__ import annotations

import logging
import re
from base64 import b32encode

import django_otp
import segno
from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from .models import CurrentSignIn

logger = logging.getLogger(__name__)

RECOVERY_CODE_COUNT = 10
AUTHENTICATOR_NAME = "Authenticator app"
RECOVERY_CODES_NAME = "Recovery codes"
_TOTP_CODE = re.compile(r"\d{6}")


def has_confirmed_device(user) -> bool:
    """Whether the user has finished enrolling. Two queries (one per kind of device)."""
    return django_otp.user_has_device(user, confirmed=True)


def pending_authenticator(user) -> TOTPDevice:
    """The authenticator being set up: the same unconfirmed device on every visit, so that reloading the page while
    scanning the code does not change the secret."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    return device or TOTPDevice.objects.create(user=user, name=AUTHENTICATOR_NAME, confirmed=False)


def secret_text(device: TOTPDevice) -> str:
    """The secret as an authenticator app asks for it when typed in: base32, in groups of four."""
    secret = b32encode(device.bin_key).decode("ascii")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_code_data_uri(device: TOTPDevice) -> str:
    """The otpauth address as a QR code in an SVG data URI: drawn here, so the page loads nothing from elsewhere."""
    return segno.make(device.config_url, error="m").svg_data_uri(scale=5, border=4)


@transaction.atomic
def confirm_enrolment(device: TOTPDevice, code: str) -> list[str] | None:
    """Confirm the pending authenticator with its first code and give the user new recovery codes.

    Returns the recovery codes, which are stored as they are (django-otp keeps them in clear) and must be shown only
    once, or None when the code is wrong. Any recovery codes the user had before stop working.
    """
    if not device.verify_token(_normalised(code)):
        return None
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    # Abandoned half-enrolments would otherwise linger with secrets nobody uses.
    TOTPDevice.objects.filter(user=device.user, confirmed=False).delete()
    StaticDevice.objects.filter(user=device.user).delete()
    recovery = StaticDevice.objects.create(user=device.user, name=RECOVERY_CODES_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=recovery, token=code) for code in codes)
    logger.info("User %s set up two-factor sign-in", device.user.get_username())
    return [f"{code[:4]}-{code[4:]}" for code in codes]


def verify_code(user, code: str):
    """The confirmed device that accepts this code, or None. Six digits are tried on the authenticator, anything
    else as a recovery code (which is then used up), so a mistyped code costs a wait on one device only."""
    for device in _devices_for(user, code):
        verified = django_otp.verify_token(user, device.persistent_id, _normalised(code))
        if verified:
            return verified
    return None


def is_throttled(user, code: str) -> bool:
    """Whether every device this code would be tried on is still waiting out a wrong code given before."""
    devices = _devices_for(user, code)
    return bool(devices) and all(not device.verify_is_allowed()[0] for device in devices)


def _devices_for(user, code: str) -> list:
    model = TOTPDevice if _TOTP_CODE.fullmatch(_normalised(code)) else StaticDevice
    return list(model.objects.devices_for_user(user, confirmed=True))


def mark_verified(request, device) -> None:
    """Record in the session that its user passed the second step, under a new session key: the key that was
    known before the second step is no longer worth anything."""
    django_otp.login(request, device)
    request.session.cycle_key()


@transaction.atomic
def reset_devices(user) -> int:
    """Remove every authenticator and recovery code of the user and end their sessions; returns how many devices
    were removed. At the next sign-in the user is asked to set up a new authenticator."""
    removed = 0
    for device in list(django_otp.devices_for_user(user, confirmed=None)):
        device.delete()
        removed += 1
    # Whoever holds the lost phone may also hold an open session.
    CurrentSignIn.objects.filter(user=user).delete()
    return removed


def _normalised(code: str) -> str:
    # People copy codes with spaces or the hyphen shown in the middle of recovery codes.
    return re.sub(r"[\s-]", "", code or "").lower()
