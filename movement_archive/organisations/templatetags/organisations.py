from django import template
from django.utils.safestring import SafeString

from movement_archive.organisations import rendering

register = template.Library()


@register.simple_tag
def directory_items(organisations) -> SafeString:
    """The ``<li>`` of each organisation on a page of the directory, written in one pass (``rendering``)."""
    return rendering.directory_items(organisations)
