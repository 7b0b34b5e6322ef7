from django.db import connection
from django.http import HttpRequest, HttpResponse

from .queries import archive_counts, recent_additions
from .twins import respond


def home(request: HttpRequest) -> HttpResponse:
    counts = archive_counts(request.user)
    recent = recent_additions(request.user)
    return respond(
        request,
        "core/home.html",
        {"counts": counts, "recent": recent, "json_twin": "?format=json"},
        lambda: {
            "counts": {name: count for name, _label, count in counts},
            "recent": [{"title": o.name, "url": request.build_absolute_uri(o.get_absolute_url())} for o in recent],
        },
    )


def health(request: HttpRequest) -> HttpResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")
