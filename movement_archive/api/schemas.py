"""The shapes the OpenAPI schema describes: the envelope of every list, errors, and each list's parameters.

Records themselves are described loosely (objects with string keys), on purpose: their fields are those of the
pages' JSON twins, built by each app's ``twin.py``, and the API neither picks nor renames them. Declaring them field
by field here would be a second list to keep in step, and a place where a field could be added that the pages do not
show. The parameter schemas only document what the twins' own readers check (see ``views.py``).
"""

from __future__ import annotations

from typing import Any

from ninja import Field, Schema
from pydantic import BaseModel, ConfigDict


class Page(BaseModel):
    """A page of a list, as every list of the archive gives it; some lists add fields (``filters``, ``series``).

    A plain pydantic model rather than a ninja ``Schema``, whose way of reading objects would drop those fields.
    """

    model_config = ConfigDict(extra="allow")

    count: int = Field(description="How many items the whole list holds, on every page.")
    next: str | None = Field(description="The address of the next page, or null on the last.")
    previous: str | None = Field(description="The address of the previous page, or null on the first.")
    results: list[dict[str, Any]] = Field(description="The items of this page, each as in the page's JSON twin.")


class Error(Schema):
    error: str = Field(description="What went wrong, as a code: bad_query, not_found or gone.")
    message: str = Field(description="The same in words, in English.")
    parameter: str | None = Field(None, description="For bad_query: the query-string parameter that is wrong.")


PAGE = Field(None, description="The page wanted, from 1; a page past the end gives the last page.")


class Paged(Schema):
    page: int | None = PAGE


class OrganisationQuery(Paged):
    country: list[str] | None = Field(None, description="ISO 3166-1 alpha-2 codes, such as NL; any of them.")
    region: list[str] | None = Field(None, description="UN M49 region, sub-region or intermediate-region names.")
    model: list[str] | None = Field(None, description="Keys of organising models.")
    kind: list[str] | None = Field(None, description="Kinds of organisation.")
    scope: list[str] | None = Field(None, description="Scopes: local, national, regional, global and so on.")
    decade: list[str] | None = Field(None, description="Decades active, by their first year, such as 1980.")
    status: list[str] | None = Field(None, description="Whether the organisation is active or has closed.")
    sort: str | None = Field(None, description="The order of the list; by name unless given.")


class PeopleQuery(Paged):
    country: str | None = Field(None, description="An ISO 3166-1 alpha-2 code, such as NL.")
    role: str | None = Field(None, description="A role, by its slug or its name.")


class TimelineQuery(Paged):
    region: str | None = Field(None, description="A UN M49 region, sub-region or intermediate-region name.")
    model: str | None = Field(None, description="The key of an organising model.")
    kind: str | None = Field(None, description="A kind of event.")
    organisation: str | None = Field(None, description="The key of an organisation.")
    start: str | None = Field(None, alias="from", description="The first decade, such as 1980.")
    end: str | None = Field(None, alias="to", description="The last decade, such as 1990.")


class SourceQuery(Paged):
    kind: str | None = Field(None, description="A kind of source.")


class InterviewQuery(Schema):
    language: str | None = Field(None, description="The language of the transcript shown; the original if not given.")
    beside: str | None = Field(None, description="The language of a translation aligned with it.")


class SearchQuery(Paged):
    q: str | None = Field(None, description="The words to search for (at most 200 characters).")
    type: list[str] | None = Field(None, description="Kinds of record: organisation, person, event and so on.")
    country: list[str] | None = Field(None, description="ISO 3166-1 alpha-2 codes.")
    region: list[str] | None = Field(None, description="UN M49 region names.")
    model: list[str] | None = Field(None, description="Keys of organising models.")
    decade: list[str] | None = Field(None, description="Decades, by their first year.")
