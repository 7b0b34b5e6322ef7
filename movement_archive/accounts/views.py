"""The second step of signing in: give a code, or set up an authenticator the first time."""

from __future__ import annotations

import logging

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from . import two_factor
from .forms import CodeForm
from .gate import is_verified
from .sessions import BACK_OFFICE

logger = logging.getLogger(__name__)


def _signed_in(view):
    # Nothing here is cached anywhere, nor are codes shown in error reports.
    return never_cache(sensitive_post_parameters("code")(login_required(login_url="wagtailadmin_login")(view)))


@_signed_in
def verify(request: HttpRequest) -> HttpResponse:
    user = request.user
    if is_verified(user):
        return _onwards(request)
    if not two_factor.has_confirmed_device(user):
        return HttpResponseRedirect(reverse("two_factor:enrol"))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if two_factor.is_throttled(user, form.cleaned_data["code"]):
            form.add_error(
                "code",
                _(
                    "A wrong code was given a moment ago. Wait a little before trying again: each wrong code in a row "
                    "makes the wait longer."
                ),
            )
        elif device := two_factor.verify_code(user, form.cleaned_data["code"]):
            two_factor.mark_verified(request, device)
            return _onwards(request)
        else:
            logger.info("A wrong code was given for user %s", user.get_username())
            form.add_error("code", _("That code was not accepted. Codes from the app change every 30 seconds."))
    return render(request, "accounts/verify.html", {"form": form, "next": _next(request)})


@_signed_in
def enrol(request: HttpRequest) -> HttpResponse:
    user = request.user
    # Someone with only the password must never be able to add an authenticator of their own.
    if is_verified(user) or two_factor.has_confirmed_device(user):
        return HttpResponseRedirect(reverse("two_factor:verify"))
    device = two_factor.pending_authenticator(user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = two_factor.confirm_enrolment(device, form.cleaned_data["code"])
        if codes is not None:
            two_factor.mark_verified(request, device)
            # Shown in this response only, never stored for a later page: reloading it cannot show them again.
            return render(request, "accounts/recovery_codes.html", {"codes": codes, "next": _next(request)})
        form.add_error("code", _("That code was not accepted. Check the app's clock, then try the newest code."))
    context = {
        "form": form,
        "secret": two_factor.secret_text(device),
        "otpauth_url": device.config_url,
        "qr_code": two_factor.qr_code_data_uri(device),
        "next": _next(request),
    }
    return render(request, "accounts/enrol.html", context)


def _next(request: HttpRequest) -> str:
    """Where to go once verified: the back-office page first asked for, or its dashboard."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    safe = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    if safe and target.startswith(BACK_OFFICE):
        return target
    return reverse("wagtailadmin_home")


def _onwards(request: HttpRequest) -> HttpResponse:
    return HttpResponseRedirect(_next(request))
