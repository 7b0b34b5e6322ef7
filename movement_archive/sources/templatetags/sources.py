from django import template
from django.utils.safestring import SafeString

from movement_archive.sources import rendering

register = template.Library()


@register.simple_tag
def citations(cited) -> SafeString:
    """A record's citations (its ``cited``, see ``sources.citations``), written in one pass (``rendering``)."""
    return rendering.citations_html(cited)
