"""Security headers for the reading rooms: the browser may load nothing from another host and run no inline script.

Django's own middleware already sends nosniff, the referrer policy, frame protection and the cross-origin opener
policy; this adds a cross-origin resource policy to every response. It also adds the content security policy and a
permissions policy, on every response except the back office's: Wagtail's admin relies on
inline scripts, and its readers are signed-in editors rather than the public. A view that sets its own policy
(a contributor's file shown to editors, say) keeps it.
"""

from __future__ import annotations

from django.conf import settings

CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "media-src 'self'",
        "font-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    )
)
# Features a reading page never uses, refused so that nothing embedded could ask for them either.
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()"
)


class ReadingRoomHeaders:
    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = "/admin/"

    def __call__(self, request):
        response = self.get_response(request)
        # Everywhere, the back office included: no other site may load the archive's pages, images or files into its
        # own (Django's SecurityMiddleware already sends Cross-Origin-Opener-Policy).
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        if request.path.startswith(self.admin_prefix) or (settings.DEBUG and response.status_code >= 500):
            return response
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
