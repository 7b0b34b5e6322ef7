from django import template
from django.utils.safestring import SafeString

from movement_archive.organisations import rendering

register = template.Library()


@register.simple_tag
def directory_items(organisations) -> SafeString:
    """The ``<li>`` of each organisation on a page of the directory, written in one pass (``rendering``)."""
    return rendering.directory_items(organisations)


@register.simple_tag
def period(start: str, end: str) -> SafeString:
    """A period between two partial dates, in words with the dates as data (``rendering.period_html``)."""
    return rendering.period_html(start, end)


@register.simple_tag
def practice_items(practices) -> SafeString:
    """The rows of the models an organisation practised, written in one pass (``rendering``)."""
    return rendering.practice_items(practices)


@register.simple_tag
def relation_items(organisation, relations) -> SafeString:
    """The rows of an organisation's relations, written in one pass (``rendering``)."""
    return rendering.relation_items(organisation, relations)


@register.simple_tag
def affiliation_items(affiliations) -> SafeString:
    """The rows of an organisation's people, written in one pass (``rendering``)."""
    return rendering.affiliation_items(affiliations)
