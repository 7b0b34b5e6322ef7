"""The OAI-PMH 2.0 endpoint, ``/oai``: six verbs, Dublin Core, one set per kind of record, deleted records kept.

Thin: arguments are read by ``arguments``, records found by ``queries`` (through ``syndication.kinds``, so through
``visible_to(None)``), and the XML written by ``oai_xml``. Errors are OAI-PMH errors in a 200 response, as the
protocol asks, each naming the argument at fault.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from movement_archive.syndication import kinds
from movement_archive.syndication.kinds import Entry, Kind

from . import oai_xml, queries, tokens
from .arguments import RESUMPTION_TOKEN, OAIError, Request, read, read_dates

# Records (or headers) in a page of a list: a page of ListRecords is about 100 kB.
PAGE_SIZE = 100


# The protocol lets harvesters POST their arguments as a form. Nothing is changed, no cookie is read or set, and
# harvesters send no CSRF token, so the CSRF check would only refuse them.
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def oai(request: HttpRequest) -> HttpResponse:
    answer = _Answer(request)
    query = request.POST if request.method == "POST" else request.GET
    oai_request = None
    try:
        oai_request = read(query.lists())
        body = VERBS[oai_request.verb](answer, oai_request)
    except OAIError as error:
        echoed = oai_request.arguments_with_verb() if oai_request and error.echoes_arguments else None
        response = oai_xml.Response(answer.base_url, answer.now, echoed)
        return _xml(oai_xml.error_document(response, [oai_xml.Error(error.code, error.message)]))
    response = oai_xml.Response(answer.base_url, answer.now, oai_request.arguments_with_verb())
    return _xml(oai_xml.document(response, body))


def _xml(content: bytes) -> HttpResponse:
    return HttpResponse(content, content_type="text/xml; charset=utf-8")


class _Answer:
    """What every verb's answer needs from the request: the base URL, the time, absolute page addresses."""

    def __init__(self, request: HttpRequest):
        self.request = request
        self.base_url = request.build_absolute_uri(reverse("harvesting:oai"))
        self.now = timezone.now()

    def record(self, item: Entry | queries.Removed, kind: Kind) -> oai_xml.Record:
        if isinstance(item, queries.Removed):
            return oai_xml.Record(oai_xml.Header(identifier(item.kind, item.key), item.removed_at, (item.kind,), True))
        metadata = oai_xml.DublinCore(
            title=item.title,
            identifier=self.request.build_absolute_uri(item.path),
            type=kind.singular,
            date=item.date,
            description=item.summary,
            publisher=settings.MOVEMENT_ARCHIVE_OAI_REPOSITORY_NAME,
        )
        return oai_xml.Record(oai_xml.Header(identifier(item.kind, item.key), item.updated, (item.kind,)), metadata)


# Identifiers ---------------------------------------------------------------------------------------------------


def identifier(kind: str, key: str) -> str:
    """``oai:<repository id>:<kind>:<key>``, e.g. oai:archive.example.org:organisations:junkiebond."""
    return f"oai:{settings.MOVEMENT_ARCHIVE_OAI_REPOSITORY_ID}:{kind}:{key}"


def _resolve(value: str) -> tuple[Kind, Entry | queries.Removed]:
    scheme, _sep, rest = value.partition(":")
    repository, _sep, rest = rest.partition(":")
    kind_name, _sep, key = rest.partition(":")
    kind = {kind.name: kind for kind in kinds.HARVESTED}.get(kind_name)
    found = queries.find(kind, key) if scheme == "oai" and repository == _repository_id() and kind else None
    if found is None:
        raise OAIError("idDoesNotExist", _("No record has the identifier %(identifier)r.") % {"identifier": value})
    return kind, found


def _repository_id() -> str:
    return settings.MOVEMENT_ARCHIVE_OAI_REPOSITORY_ID


# The verbs ---------------------------------------------------------------------------------------------------


def _identify(answer: _Answer, request: Request):
    repository = oai_xml.Repository(
        name=settings.MOVEMENT_ARCHIVE_OAI_REPOSITORY_NAME,
        base_url=answer.base_url,
        admin_emails=tuple(settings.MOVEMENT_ARCHIVE_OAI_ADMIN_EMAILS),
        earliest_datestamp=queries.earliest_datestamp() or answer.now,
    )
    return oai_xml.identify(repository)


def _list_metadata_formats(answer: _Answer, request: Request):
    if request.get("identifier"):
        _resolve(request.get("identifier"))  # every record is in Dublin Core; an unknown one is an error
    return oai_xml.list_metadata_formats([oai_xml.DUBLIN_CORE])


def _list_sets(answer: _Answer, request: Request):
    if request.get(RESUMPTION_TOKEN):
        raise OAIError("badResumptionToken", _("The list of sets is never split, so it takes no resumptionToken."))
    return oai_xml.list_sets(oai_xml.Set(kind.name, str(kind.label)) for kind in kinds.HARVESTED)


def _get_record(answer: _Answer, request: Request):
    kind, found = _resolve(request.get("identifier"))
    _check_format(request.get("metadataPrefix"))
    return oai_xml.get_record(answer.record(found, kind))


def _check_format(prefix: str) -> None:
    if prefix != oai_xml.DUBLIN_CORE.prefix:
        raise OAIError(
            "cannotDisseminateFormat",
            _("metadataPrefix=%(prefix)r is not offered: this repository offers oai_dc (Dublin Core).")
            % {"prefix": prefix},
        )


def _list(answer: _Answer, request: Request, write: Callable):
    """ListIdentifiers and ListRecords: a page of the harvest, and a token for the next while there is one."""
    if request.get(RESUMPTION_TOKEN):
        resumption = tokens.decode(request.get(RESUMPTION_TOKEN), request.verb)
        arguments, position, cursor = resumption.arguments, resumption.position, resumption.cursor
    else:
        arguments, position, cursor = request.arguments, queries.Position(), 0
    _check_format(arguments.get("metadataPrefix", ""))
    harvested = _sets(arguments.get("set", ""))
    since, before = read_dates(arguments.get("from", ""), arguments.get("until", ""))
    page = queries.harvest_page(harvested, since, before, position, PAGE_SIZE)
    if not page.items:
        raise OAIError("noRecordsMatch", _("No record matches these arguments."))
    token = None
    if page.next is not None:
        sent = cursor + len(page.items)
        value = tokens.encode(tokens.Resumption(request.verb, dict(arguments), page.next, sent))
        token = oai_xml.ResumptionToken(value, cursor)
    elif cursor:
        token = oai_xml.ResumptionToken("", cursor)  # the last part of a list that was split
    records = [answer.record(item, kinds.BY_NAME[item.kind]) for item in page.items]
    return write(records, token)


def _sets(spec: str) -> list[Kind]:
    if not spec:
        return list(kinds.HARVESTED)
    chosen = [kind for kind in kinds.HARVESTED if kind.name == spec]
    if not chosen:
        names = ", ".join(kind.name for kind in kinds.HARVESTED)
        raise OAIError(
            "badArgument", _("set=%(set)r is not a set here: give one of %(sets)s.") % {"set": spec, "sets": names}
        )
    return chosen


def _list_identifiers(answer: _Answer, request: Request):
    return _list(answer, request, lambda records, token: oai_xml.list_identifiers([r.header for r in records], token))


def _list_records(answer: _Answer, request: Request):
    return _list(answer, request, oai_xml.list_records)


VERBS = {
    "Identify": _identify,
    "ListMetadataFormats": _list_metadata_formats,
    "ListSets": _list_sets,
    "GetRecord": _get_record,
    "ListIdentifiers": _list_identifiers,
    "ListRecords": _list_records,
}
