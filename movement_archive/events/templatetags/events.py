from django import template
from django.utils.safestring import SafeString

from movement_archive.events import rendering

register = template.Library()


@register.simple_tag
def timeline_items(events) -> SafeString:
    """The ``<li>`` of each event of a timeline group, written in one pass (see ``events.rendering``)."""
    return rendering.timeline_items(events)


@register.simple_tag
def dated_event_items(events) -> SafeString:
    """An ``<li>`` for each event, its date then its linked title, written in one pass (see ``events.rendering``)."""
    return rendering.dated_items(events)
