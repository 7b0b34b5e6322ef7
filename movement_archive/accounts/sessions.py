"""How long a back-office session lives, and how many a user may have.

A session ends:

- after ``MOVEMENT_ARCHIVE_SESSION_IDLE`` seconds without a request (default 30 minutes): a back office left open
  on a shared or lost computer closes itself;
- ``MOVEMENT_ARCHIVE_SESSION_AGE`` seconds after signing in, however busy (default 8 hours);
- when the browser closes (``SESSION_EXPIRE_AT_BROWSER_CLOSE``, and no "remember me");
- when the same user signs in elsewhere. One session per user rather than a few: editors work in one browser, tabs
  share its session, and a second sign-in is far more often a forgotten session on another computer, or someone
  else holding the password and the phone, than a need. Whoever signs in last wins; the other session ends on its
  next request.

Readers of the public pages have no session cookie and are never looked at here, so they are never given one.
"""

from __future__ import annotations

import secrets
import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import SESSION_KEY, logout
from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import CurrentSignIn

TOKEN = "accounts.sign_in"
STARTED = "accounts.started"
SEEN = "accounts.seen"
# The last request is written to the session at most once a minute, not on every request: an idle limit counted in
# minutes needs no finer clock, and most requests then write nothing.
SEEN_PRECISION = 60
BACK_OFFICE = "/admin/"


def now_seconds() -> int:
    return int(time.time())


@receiver(user_logged_in, dispatch_uid="movement_archive.accounts.start_session")
def start_session(sender, request, user, **kwargs) -> None:
    """Make this sign-in the user's current one, which ends any other session of theirs."""
    token = secrets.token_urlsafe(32)
    CurrentSignIn.objects.update_or_create(user=user, defaults={"token": token, "started_at": timezone.now()})
    now = now_seconds()
    request.session[TOKEN] = token
    request.session[STARTED] = now
    request.session[SEEN] = now


@receiver(user_logged_out, dispatch_uid="movement_archive.accounts.end_session")
def end_session(sender, request, user, **kwargs) -> None:
    # Only when the session signing out is the current one: a session ended because of a newer sign-in must not
    # take the newer one with it.
    if user is not None and request is not None:
        CurrentSignIn.objects.filter(user=user, token=request.session.get(TOKEN, "")).delete()


def why_ended(session, now: int) -> str | None:
    """Why a signed-in session must end now, in words for its user, or None while it may go on. One query."""
    started, seen = session.get(STARTED), session.get(SEEN)
    if started is None or seen is None:
        # A session opened before these limits existed, or a forged one: sign in again.
        return _("Please sign in again.")
    if now - started > settings.SESSION_COOKIE_AGE:
        return _("You were signed out because your session reached its time limit. Please sign in again.")
    if now - seen > settings.MOVEMENT_ARCHIVE_SESSION_IDLE:
        return _("You were signed out after a while without activity. Please sign in again.")
    if not CurrentSignIn.objects.filter(user_id=session[SESSION_KEY], token=session.get(TOKEN, "")).exists():
        return _("You were signed out because your account signed in somewhere else, or was reset.")
    return None


class SessionLimits:
    """Ends sessions past their limits (see the module's docstring). Goes after the authentication and message
    middleware and before django-otp's."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.SESSION_COOKIE_NAME in request.COOKIES and SESSION_KEY in request.session:
            self._enforce(request)
        return self.get_response(request)

    def _enforce(self, request) -> None:
        now = now_seconds()
        reason = why_ended(request.session, now)
        if reason is None:
            if now - request.session[SEEN] >= SEEN_PRECISION:
                request.session[SEEN] = now
            return
        logout(request)
        # Said only in the back office: a message is stored in a cookie, and the reading rooms set none.
        if request.path.startswith(BACK_OFFICE):
            messages.info(request, reason)
