from django import template

from movement_archive.interviews import rendering

register = template.Library()


@register.filter
def clock(ms: int | None) -> str:
    """Milliseconds as people read a moment: 4:05, 1:02:03."""
    return "" if ms is None else rendering.clock(int(ms))


@register.filter
def seconds(ms: int | None) -> str:
    """Milliseconds as media fragments and the ``?t=`` parameter write them: 83.5."""
    return "" if ms is None else rendering.seconds(int(ms))
