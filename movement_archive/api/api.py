"""The read-only API at /api/v1/: the NinjaAPI object, how it writes JSON, and how it answers errors.

Anonymous by default: no authentication is required and none is asked for. A reader signed in to the archive (with
both steps; ``accounts.gate``) is recognised by the session cookie their browser already holds, as on the pages, and
gets what their pages show them. Nothing here sets a cookie, and nothing is written, so there is no form to forge:
the API answers GET only.

The interactive documentation page is switched off (``docs_url=None``): django-ninja's loads Swagger UI from a CDN,
and no page of the archive may make a request to another host. The schema itself is at /api/v1/openapi.json, and
docs/api.md describes the API in words.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import ValidationError
from ninja.renderers import JSONRenderer

from movement_archive.access.pages import GONE_MESSAGE, Gone
from movement_archive.core import twins

VERSION = "1"


class Renderer(JSONRenderer):
    # As the JSON twins write it: names in any script stay readable rather than escaped.
    json_dumps_params = {"ensure_ascii": False}


class ArchiveAPI(NinjaAPI):
    def create_response(self, request: HttpRequest, data, *, status=None, temporal_response=None) -> HttpResponse:
        response = super().create_response(request, data, status=status, temporal_response=temporal_response)
        # As on the JSON twins: any page may read it. Browsers send no cookie with such a request from another
        # site, so what it gets is what an anonymous reader gets.
        response["Access-Control-Allow-Origin"] = "*"
        return response


api = ArchiveAPI(
    title="Movement Archive API",
    version=VERSION,
    description=(
        "Read-only access to the public records of Movement Archive, the history of the movement of people who "
        "use drugs. Every response is built from the same data as the JSON twin of the page it stands for "
        "(`?format=json` on any page), so it shows exactly what that page shows its reader. See docs/api.md."
    ),
    urls_namespace="api",
    docs_url=None,
    renderer=Renderer(),
)


def error(request: HttpRequest, status: int, code: str, message: str, parameter: str | None = None) -> HttpResponse:
    data = {"error": code, "message": message}
    if parameter is not None:
        data["parameter"] = parameter
    return api.create_response(request, data, status=status)


@api.exception_handler(twins.BadQuery)
def bad_query(request: HttpRequest, exc: twins.BadQuery) -> HttpResponse:
    # The message the pages give, which names the parameter and says what is wrong with it.
    return error(request, 400, "bad_query", str(exc), exc.parameter)


@api.exception_handler(ValidationError)
def unusable_parameter(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    """A value django-ninja could not read as the type the schema declares (so far only ``page``, a number)."""
    location = exc.errors[0].get("loc", ()) if exc.errors else ()
    parameter = str(location[-1]) if location else ""
    value = request.GET.get(parameter, "")
    if parameter == "page":
        message = _("%(value)r is not a page number") % {"value": value}
    else:
        message = _("%(value)r is not a value this parameter takes") % {"value": value}
    return error(request, 400, "bad_query", f"{parameter}: {message}", parameter)


@api.exception_handler(Http404)
def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    # The same words whether the record never existed or is hidden from this reader: neither may be told apart.
    return error(request, 404, "not_found", _("There is no record at this address that you may see."))


@api.exception_handler(Gone)
def gone(request: HttpRequest, exc: Gone) -> HttpResponse:
    return error(request, 410, "gone", str(GONE_MESSAGE))
