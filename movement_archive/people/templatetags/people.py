from django import template
from django.utils.safestring import SafeString

from movement_archive.people import rendering

register = template.Library()


@register.simple_tag
def person_items(people) -> SafeString:
    """The ``<li>`` of each person on a page of the people list, written in one pass (``rendering``)."""
    return rendering.person_items(people)
