"""A tiny made-up site for the crawler's own tests, used through ``override_settings(ROOT_URLCONF=...)``.

Each page is built to exercise one rule of the crawl: a page that prints a secret, a redirect, a JSON page with
nested links, a recording with a secret in its bytes, a list with many filters and many pages, and addresses the
crawler must never fetch. Fetching any of those (``/admin/...``, ``/logout/``, another host) raises, so a test
fails loudly if the crawler follows one.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.urls import path

SECRET = "Zqleaky0001"  # printed by /secret/
JSON_SECRET = "Zqleaky0002"  # in the JSON behind the redirect
BINARY_SECRET = "Zqleaky0003"  # in the bytes of the recording
FILTERS = 30
PAGES = 12


def _html(request: HttpRequest, body: str) -> HttpResponse:
    # Every page has a JSON twin, as on the archive; the twin here names its page and nothing more.
    if request.GET.get("format") == "json":
        return JsonResponse({"twin_of": request.path})
    return HttpResponse(f"<!doctype html><html><head><title>t</title></head><body>{body}</body></html>")


def home(request: HttpRequest) -> HttpResponse:
    return _html(
        request,
        '<a href="/secret/#top">a page that prints a secret</a>'
        '<a href="/moved/">an old address</a>'
        '<a href="/list/">a long list</a>'
        '<audio src="/recording.mp3"></audio>'
        '<form method="post" action="/posted/"><button>send</button></form>'
        '<form method="get" action="/found/"><input name="q"></form>'
        '<a href="/admin/secret/">back office</a>'
        '<a href="/accounts/logout/">sign out</a>'
        '<a href="https://elsewhere.example/page/">another site</a>'
        '<a href="mailto:someone@example.org">write</a>',
    )


def secret(request: HttpRequest) -> HttpResponse:
    return _html(request, f"<p>Nobody should read {SECRET} here.</p>")


def moved(request: HttpRequest) -> HttpResponse:
    return HttpResponseRedirect("/data/?format=json")


def data(request: HttpRequest) -> JsonResponse:
    # A secret deep in the data, and links at several depths: absolute, root-relative and a relative "next".
    if request.GET.get("page") == "2":
        return JsonResponse({"results": [], "previous": "?format=json"})
    return JsonResponse(
        {
            "results": [{"about": {"note": JSON_SECRET, "url": "http://testserver/deep/"}}],
            "see_also": ["/listed-in-json/"],
            "next": "?format=json&page=2",
            "period": "1990/1993",
        }
    )


def recording(request: HttpRequest) -> HttpResponse:
    # A link inside a recording's bytes is no link: the crawler must not read it.
    body = b"ID3\x03\x00\xff\xfe" + BINARY_SECRET.encode() + b' href="/inside-the-recording/"' + bytes(range(256))
    return HttpResponse(body, content_type="audio/mpeg")


def long_list(request: HttpRequest) -> HttpResponse:
    page = int(request.GET.get("page", "1"))
    filters = "".join(f'<a href="?colour={n}">colour {n}</a>' for n in range(FILTERS))
    following = f'<a href="?page={page + 1}">next</a>' if page < PAGES else ""
    return _html(request, filters + following)


def plain(request: HttpRequest) -> HttpResponse:
    return _html(request, "<p>Nothing to see.</p>")


def refuse(request: HttpRequest) -> HttpResponse:
    raise AssertionError(f"the crawler must never fetch {request.get_full_path()}")


def broken(request: HttpRequest) -> HttpResponse:
    raise ValueError("this page is broken")


urlpatterns = [
    path("", home),
    path("secret/", secret),
    path("moved/", moved),
    path("data/", data),
    path("recording.mp3", recording),
    path("list/", long_list),
    path("found/", plain),
    path("deep/", plain),
    path("listed-in-json/", plain),
    path("broken/", broken),
    path("posted/", refuse),
    path("admin/secret/", refuse),
    path("accounts/logout/", refuse),
    path("inside-the-recording/", refuse),
]
