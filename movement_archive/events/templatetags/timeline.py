from django import template
from django.utils.safestring import SafeString

from movement_archive.events import rendering

register = template.Library()


@register.simple_tag
def timeline_items(events) -> SafeString:
    """The ``<li>`` of each event of a timeline group, written in one pass (see ``events.rendering``)."""
    return rendering.timeline_items(events)
