"""A limit on how many contributions one client sends an hour, without storing who the client is.

A client is known only by an HMAC of its address under a key that changes every day (derived from the secret key
and the date), so a row cannot be turned back into an address, nor linked to the same client's rows of another
day. Rows older than a day are deleted whenever the limit is checked.
"""

from __future__ import annotations

import hashlib
import hmac
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from .models import Throttle

WINDOW = timedelta(hours=1)
RETENTION = timedelta(days=1)


def client_key(address: str, now=None) -> str:
    day = (now or timezone.now()).date().isoformat()
    daily = hmac.new(settings.SECRET_KEY.encode(), f"contribution throttle {day}".encode(), hashlib.sha256).digest()
    return hmac.new(daily, address.encode(), hashlib.sha256).hexdigest()


def exceeded(address: str, *, limit: int | None = None) -> bool:
    """Whether ``address`` has used up the hour's contributions, counting nothing: checked before a form's files
    are read, so a client past the limit cannot make the archive decode uploads it will refuse anyway."""
    limit = limit or settings.MOVEMENT_ARCHIVE_CONTRIBUTIONS_PER_HOUR
    now = timezone.now()
    return Throttle.objects.filter(
        key=client_key(address, now), window_start__gte=now - WINDOW, count__gte=limit
    ).exists()


def allow(address: str, *, limit: int | None = None) -> bool:
    """Count one more contribution from ``address``; False when it would pass the hourly limit."""
    limit = limit or settings.MOVEMENT_ARCHIVE_CONTRIBUTIONS_PER_HOUR
    now = timezone.now()
    key = client_key(address, now)
    with transaction.atomic():
        Throttle.objects.filter(window_start__lt=now - RETENTION).delete()
        bucket, created = Throttle.objects.select_for_update().get_or_create(
            key=key, defaults={"window_start": now, "count": 0}
        )
        if not created and bucket.window_start < now - WINDOW:
            bucket.window_start, bucket.count = now, 0
            bucket.save(update_fields=["window_start", "count"])
        if bucket.count >= limit:
            return False
        Throttle.objects.filter(pk=bucket.pk).update(count=F("count") + 1)
    return True


def client_address(request) -> str:
    """The client's address, only ever hashed. Behind a proxy, the address the proxy says it saw.

    With MOVEMENT_ARCHIVE_CLIENT_ADDRESS_HEADER set (X-Forwarded-For, say), the last address in that header is
    taken: the one the archive's own proxy added, which a client cannot forge.
    """
    header = settings.MOVEMENT_ARCHIVE_CLIENT_ADDRESS_HEADER
    if header:
        forwarded = request.META.get("HTTP_" + header.upper().replace("-", "_"), "")
        addresses = [part.strip() for part in forwarded.split(",") if part.strip()]
        if addresses:
            return addresses[-1]
    return request.META.get("REMOTE_ADDR", "")
