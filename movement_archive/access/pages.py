"""The record a detail page shows: found through ``visible_to``, or a 404, or a 410 for withdrawn material.

Every detail page of a restricted kind of record asks ``record_for_page``, so the answer to "may this reader open
this page" and the audit of who opened restricted material are both decided here.
"""

from __future__ import annotations

from dataclasses import replace

from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .policy import Ceiling, Outcome, Rule, decide
from .readers import reader_for
from .viewings import note_viewing

# What a reader of a withdrawn record is told, on the page, its JSON twin and in the API alike.
GONE_MESSAGE = _("This record was withdrawn at the request of the people in it.")


class Gone(Exception):
    """The record was withdrawn by the people in it; the reader could see it before (see ``GoneMiddleware``)."""


def record_for_page(user, visible: QuerySet, key: str, *, what: str = "page"):
    """``visible`` is the page's ``Model.objects.visible_to(user)``, with whatever it prefetches; ``what`` names
    the part of the record opened (the page, a recording, an export) for the audit."""
    record = visible.filter(key=key).first()
    if record is None:
        if withdrawn_from(user, visible.model, key):
            raise Gone(key)
        raise Http404
    note_viewing(user, record, what=what)
    return record


def withdrawn_from(user, model, key: str) -> bool:
    """Whether ``key`` names a withdrawn record this reader could have known of: 410 for them, 404 for others,
    so that a withdrawal never tells a reader that restricted material existed."""
    if not hasattr(model, "withdrawn_at"):
        return False
    record = model._default_manager.filter(key=key, withdrawn_at__isnull=False).first()
    if record is None:
        return False
    # An organisation's level covers its whereabouts only: the organisation itself was listed to everyone.
    before = replace(record.access_rule, ceiling=Ceiling.NONE) if record.access_covers_record else Rule()
    return decide(before, reader_for(user), timezone.localdate()) >= Outcome.LISTED
