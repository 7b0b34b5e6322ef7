"""Withdrawn records answer 410 Gone, in the page's language and form (HTML or its JSON twin)."""

from __future__ import annotations

from django.http import JsonResponse
from django.shortcuts import render

from movement_archive.core.twins import wants_json

from .pages import GONE_MESSAGE, Gone


class GoneMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, Gone):
            return None
        message = str(GONE_MESSAGE)
        if wants_json(request):
            return JsonResponse({"error": "gone", "message": message}, status=410)
        return render(request, "access/gone.html", {"message": message}, status=410)
