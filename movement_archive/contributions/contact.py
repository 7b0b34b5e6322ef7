"""Contributors' contacts, encrypted at rest: sealed when received, opened only for an editor who writes back.

The key is derived from MOVEMENT_ARCHIVE_CONTACT_KEY (or, when it is unset, from the secret key) with HKDF, so
any text makes a full-strength key and the same text never serves two purposes. Fernet adds authentication: a
sealed contact that was tampered with does not open.
"""

from __future__ import annotations

import base64

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives.hashes import SHA256
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings


class ContactUnreadable(Exception):
    """The contact was sealed under another key (the key was changed) or was altered."""


def _fernet() -> Fernet:
    secret = settings.MOVEMENT_ARCHIVE_CONTACT_KEY or settings.SECRET_KEY
    key = HKDF(algorithm=SHA256(), length=32, salt=None, info=b"movement-archive contributor contact").derive(
        secret.encode("utf-8")
    )
    return Fernet(base64.urlsafe_b64encode(key))


def seal(contact: str) -> bytes | None:
    contact = contact.strip()
    return _fernet().encrypt(contact.encode("utf-8")) if contact else None


def unseal(sealed: bytes | memoryview | None) -> str:
    if not sealed:
        return ""
    try:
        return _fernet().decrypt(bytes(sealed)).decode("utf-8")
    except InvalidToken as error:
        raise ContactUnreadable("the contact cannot be opened with the current key") from error
