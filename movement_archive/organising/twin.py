"""What the organising-model pages say as JSON: read once here, for the pages' JSON twins and for the API alike.

The models, and the organisations practising them, come through ``queries`` (``visible_to``); these functions only
put what the pages show into plain JSON-ready values.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.text import Truncator

from movement_archive.core import twins
from movement_archive.people.queries import period_in_words
from movement_archive.sources.citations import attach_citations, citation_data

from .models import OrganisingModel, Practice
from .queries import DecadeTable, Practitioners, decade_table, first_practitioners_of, models_with_counts

EXCERPT_WORDS = 30


def _organisation(request: HttpRequest, organisation) -> dict[str, str]:
    return {
        "key": organisation.key,
        "name": organisation.name,
        "url": request.build_absolute_uri(organisation.get_absolute_url()),
    }


def list_page(request: HttpRequest) -> Page:
    """The page of models the query string asks for (a Django paginator page); BadQuery for a bad page."""
    page = twins.paginate(request, models_with_counts(request.user))
    for model in page.object_list:
        model.excerpt = Truncator(model.definition).words(EXCERPT_WORDS)
    return page


def list_data(request: HttpRequest, page: Page, *, json: bool = True) -> dict[str, Any]:
    return twins.list_data(request, page, lambda model: list_item(request, model), json=json)


def list_item(request: HttpRequest, model: OrganisingModel) -> dict[str, Any]:
    return {
        "key": model.key,
        "url": request.build_absolute_uri(model.get_absolute_url()),
        "name": model.name,
        "position": model.position,
        "definition_excerpt": model.excerpt,
        "organisation_count": model.organisation_count,
    }


def directory_url(model: OrganisingModel) -> str:
    """The organisations directory showing every organisation that practises the model, at any time."""
    return f"{reverse('organisations:list')}?{urlencode({'model': model.key})}"


@dataclass
class ModelPage:
    model: OrganisingModel
    practitioners: Practitioners
    periods: list[tuple[Practice, str]]  # each practice shown, with its period in words
    table: DecadeTable
    directory_url: str


def detail_page(user, key: str) -> ModelPage:
    """The model's page as this reader may see it, or Http404."""
    model = get_object_or_404(OrganisingModel.objects.visible_to(user), key=key)
    practitioners = first_practitioners_of(model, user)
    attach_citations([model, *practitioners.practices], user)
    table = decade_table(model, user)
    periods = [(practice, period_in_words(practice.start, practice.end)) for practice in practitioners.practices]
    return ModelPage(model, practitioners, periods, table, directory_url(model))


def detail_data(request: HttpRequest, page: ModelPage) -> dict[str, Any]:
    model, table = page.model, page.table
    return {
        "key": model.key,
        "url": request.build_absolute_uri(model.get_absolute_url()),
        "name": model.name,
        "position": model.position,
        "definition": model.definition,
        "citations": citation_data(model.cited, request),
        "organisation_count": table.organisations,
        "organisations_url": request.build_absolute_uri(page.directory_url),
        "practised_by": [
            {
                "organisation": _organisation(request, practice.organisation),
                "start": practice.start,
                "end": practice.end,
                "period": period,
                "note": practice.note,
                "citations": citation_data(practice.cited, request),
            }
            for practice, period in page.periods
        ],
        "practised_by_complete": page.practitioners.complete,
        "by_decade": [
            {"decade": decade, "label": f"{decade}s", "organisations": count} for decade, count in table.rows
        ],
        "date_not_known": [_organisation(request, organisation) for organisation in table.not_known],
        "date_not_known_count": table.not_known_count,
    }
