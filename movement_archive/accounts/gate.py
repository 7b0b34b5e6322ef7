"""Nobody reaches the back office on a password alone.

A user who has signed in with a password but not yet given a code is sent to give one, or, without an
authenticator, to set one up; until then every back-office page but those few steps (and signing out) redirects
there. Outside the back office such a user is treated as a visitor who has not signed in, so that a password alone
shows none of what researchers and editors may read on the public pages either.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponseRedirect
from django.urls import Resolver404, resolve, reverse

from .sessions import BACK_OFFICE
from .two_factor import has_confirmed_device

# Back-office addresses open before the second step: the steps themselves, signing out, and what Wagtail's page
# frame loads (its translations and icons). Signing in again and resetting a password concern the first step.
OPEN_BEFORE_VERIFYING = {
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
}
TWO_FACTOR_NAMESPACE = "two_factor"


def is_verified(user) -> bool:
    # django-otp's middleware gives every user is_verified(); a user set on the request after it has none.
    verified = getattr(user, "is_verified", None)
    return bool(verified and verified())


class TwoFactorGate:
    """Goes after django-otp's OTPMiddleware, which tells whether the session passed the second step."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Without a session cookie nobody is signed in; not looking keeps readers' responses free of "Vary: Cookie".
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return self.get_response(request)
        user = request.user
        if not user.is_authenticated or is_verified(user):
            return self.get_response(request)
        if not request.path.startswith(BACK_OFFICE):
            anonymous = AnonymousUser()
            request.user = anonymous

            async def auser():
                return anonymous

            request.auser = auser
            return self.get_response(request)
        if _open_before_verifying(request.path_info):
            return self.get_response(request)
        return HttpResponseRedirect(_second_step_url(request, user))


def _open_before_verifying(path: str) -> bool:
    try:
        match = resolve(path)
    except Resolver404:
        return False
    return match.namespace == TWO_FACTOR_NAMESPACE or match.url_name in OPEN_BEFORE_VERIFYING


def _second_step_url(request, user) -> str:
    step = "verify" if has_confirmed_device(user) else "enrol"
    url = reverse(f"{TWO_FACTOR_NAMESPACE}:{step}")
    # Back to the page asked for afterwards, unless it was a form: its data is gone by now.
    if request.method == "GET" and request.path_info != reverse("wagtailadmin_login"):
        url += "?" + urlencode({"next": request.get_full_path()})
    return url
