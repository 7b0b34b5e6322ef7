"""Every public page has a JSON twin at the same address plus ``?format=json``.

Views build one context and hand this module two things: the template for people and a function that
turns the same data into plain JSON-ready values. Lists paginate the same way in both forms.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.template.context import make_context
from django.utils.translation import gettext as _

PAGE_SIZE = 50


def wants_json(request: HttpRequest) -> bool:
    return request.GET.get("format") == "json"


def respond(
    request: HttpRequest,
    template: str,
    context: dict[str, Any],
    data: Callable[[], dict[str, Any]],
    status: int = 200,
) -> HttpResponse:
    """The HTML page, or its JSON twin when ``?format=json`` is asked for. ``data`` runs only for JSON."""
    if wants_json(request):
        return _json(data(), status)
    return render_page(request, template, context, status)


def render_page(request: HttpRequest, template: str, context: dict[str, Any], status: int = 200) -> HttpResponse:
    """Django's ``render``, except that what the context holds is let go of as soon as the page is written.

    Django's template context and its layers point at each other (``Context.dicts``, ``ContextDict.context``), a
    reference cycle that only the garbage collector's passes undo: everything a page puts in its context outlives
    the request until a full pass finds it. For an interview page that is 4,000 transcript lines, thousands of
    objects a full pass must walk, and it was found by the passes that landed on later requests, tens of
    milliseconds each. Emptying the layers breaks the cycle, so the page's objects go when the view returns.
    """
    found = loader.get_template(template)  # the Django backend's template: the archive uses no other engine
    layered = make_context(context, request, autoescape=found.backend.engine.autoescape)
    try:
        return HttpResponse(found.template.render(layered), status=status)
    finally:
        layered.dicts.clear()


def _json(data: dict[str, Any], status: int) -> JsonResponse:
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"  # public, read-only data: let any page read it
    return response


class BadQuery(Exception):
    """A query-string value the page cannot use; the message says which parameter and why."""

    def __init__(self, parameter: str, message: str):
        self.parameter = parameter
        super().__init__(f"{parameter}: {message}")


def bad_query(request: HttpRequest, error: BadQuery) -> HttpResponse:
    """A 400 page (or JSON) naming the parameter that is wrong."""
    if wants_json(request):
        return _json({"error": str(error), "parameter": error.parameter}, status=400)
    return render(request, "core/bad_query.html", {"error": error}, status=400)


def paginate(request: HttpRequest, items, per_page: int = PAGE_SIZE):
    """The page the reader asked for; a bad page number is a BadQuery, a page past the end the last page."""
    paginator = Paginator(items, per_page)
    raw = request.GET.get("page", "1")
    try:
        return paginator.page(raw)
    except PageNotAnInteger:
        raise BadQuery("page", _("%(value)r is not a page number") % {"value": raw}) from None
    except EmptyPage:
        if str(raw).isdigit() and int(raw) > 0:
            return paginator.page(paginator.num_pages)
        raise BadQuery("page", _("%(value)r is not a page number") % {"value": raw}) from None


def page_url(request: HttpRequest, number: int | None, json: bool = False) -> str | None:
    if number is None:
        return None
    query = request.GET.copy()
    query["page"] = str(number)
    if json:
        query["format"] = "json"
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


def list_data(request: HttpRequest, page, item: Callable[[Any], dict], *, json: bool = True) -> dict[str, Any]:
    """The JSON shape of every list: count, next, previous, results.

    ``json``: the next and previous addresses ask for the JSON twin (``format=json``); the API, whose every
    address answers in JSON, leaves it out.
    """
    return {
        "count": page.paginator.count,
        "next": page_url(request, page.next_page_number() if page.has_next() else None, json=json),
        "previous": page_url(request, page.previous_page_number() if page.has_previous() else None, json=json),
        "results": [item(obj) for obj in page.object_list],
    }


def absolute(request: HttpRequest, path: str) -> str:
    return request.build_absolute_uri(path)
