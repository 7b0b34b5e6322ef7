from django.http import HttpRequest, HttpResponse

from movement_archive.core.twins import respond

from .queries import archive_counts, recent_additions


def home(request: HttpRequest) -> HttpResponse:
    counts = archive_counts(request.user)
    recent = recent_additions(request.user)
    return respond(
        request,
        "home/home.html",
        {"counts": counts, "recent": recent, "json_twin": "?format=json"},
        lambda: {
            "counts": {name: count for name, _label, count in counts},
            "recent": [{"title": o.name, "url": request.build_absolute_uri(o.get_absolute_url())} for o in recent],
        },
    )
