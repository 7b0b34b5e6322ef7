from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .queries import archive_counts


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "core/home.html", {"counts": archive_counts(request.user)})


def health(request: HttpRequest) -> HttpResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")
