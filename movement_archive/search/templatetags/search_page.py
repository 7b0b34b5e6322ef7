from django import template
from django.utils.safestring import SafeString

from movement_archive.search import rendering

register = template.Library()


@register.simple_tag
def result_items(hits) -> SafeString:
    """The ``<li>`` of each result on the page shown, written in one pass (``rendering``)."""
    return rendering.result_items(hits)


@register.simple_tag
def region_options(regions, selected) -> SafeString:
    """The region filter's groups of options (``rendering``)."""
    return rendering.region_options(regions, selected)


@register.simple_tag
def decade_options(decades, selected) -> SafeString:
    """The decade filter's options (``rendering``)."""
    return rendering.decade_options(decades, selected)
