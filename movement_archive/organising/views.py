"""The seven organising models: a list, and a page for each with who practises it and how that changed."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.text import Truncator

from movement_archive.core import twins
from movement_archive.core.citations import attach_citations, citation_data
from movement_archive.people.queries import period_in_words

from .models import OrganisingModel
from .queries import decade_table, first_practitioners_of, models_with_counts

EXCERPT_WORDS = 30


def _json_twin(request: HttpRequest) -> str:
    query = request.GET.copy()
    query["format"] = "json"
    return f"?{query.urlencode()}"


def _organisation(request: HttpRequest, organisation) -> dict[str, str]:
    return {
        "key": organisation.key,
        "name": organisation.name,
        "url": request.build_absolute_uri(organisation.get_absolute_url()),
    }


def model_list(request: HttpRequest) -> HttpResponse:
    try:
        page = twins.paginate(request, models_with_counts(request.user))
    except twins.BadQuery as error:
        return twins.bad_query(request, error)
    for model in page.object_list:
        model.excerpt = Truncator(model.definition).words(EXCERPT_WORDS)

    def item(model: OrganisingModel) -> dict[str, Any]:
        return {
            "key": model.key,
            "url": request.build_absolute_uri(model.get_absolute_url()),
            "name": model.name,
            "position": model.position,
            "definition_excerpt": model.excerpt,
            "organisation_count": model.organisation_count,
        }

    context = {"page": page, "json_twin": _json_twin(request)}
    return twins.respond(request, "organising/model_list.html", context, lambda: twins.list_data(request, page, item))


def _directory_url(model: OrganisingModel) -> str:
    """The organisations directory showing every organisation that practises the model, at any time."""
    return f"{reverse('organisations:list')}?{urlencode({'model': model.key})}"


def model_detail(request: HttpRequest, key: str) -> HttpResponse:
    model = get_object_or_404(OrganisingModel.objects.visible_to(request.user), key=key)
    practitioners = first_practitioners_of(model, request.user)
    attach_citations([model, *practitioners.practices], request.user)
    table = decade_table(model, request.user)
    periods = [(practice, period_in_words(practice.start, practice.end)) for practice in practitioners.practices]
    directory_url = _directory_url(model)

    def data() -> dict[str, Any]:
        return {
            "key": model.key,
            "url": request.build_absolute_uri(model.get_absolute_url()),
            "name": model.name,
            "position": model.position,
            "definition": model.definition,
            "citations": citation_data(model.cited, request),
            "organisation_count": table.organisations,
            "organisations_url": request.build_absolute_uri(directory_url),
            "practised_by": [
                {
                    "organisation": _organisation(request, practice.organisation),
                    "start": practice.start,
                    "end": practice.end,
                    "period": period,
                    "note": practice.note,
                    "citations": citation_data(practice.cited, request),
                }
                for practice, period in periods
            ],
            "practised_by_complete": practitioners.complete,
            "by_decade": [
                {"decade": decade, "label": f"{decade}s", "organisations": count} for decade, count in table.rows
            ],
            "date_not_known": [_organisation(request, organisation) for organisation in table.not_known],
            "date_not_known_count": table.not_known_count,
        }

    context = {
        "model": model,
        "practices": periods,
        "practitioners": practitioners,
        "directory_url": directory_url,
        "table": table,
        "json_twin": "?format=json",
    }
    return twins.respond(request, "organising/model_detail.html", context, data)
