"""Template helpers shared by every public page."""

from __future__ import annotations

from django import template
from django.urls import translate_url
from django.utils.translation import get_language

from movement_archive.core.dates import date_in_words

register = template.Library()


@register.filter
def edtf_words(value: str) -> str:
    """A partial date in words in the reader's language: "1990~/1993~" becomes "early 1990s"."""
    return date_in_words(value)


@register.simple_tag(takes_context=True)
def language_links(context) -> list[dict]:
    """The same page in each interface language: plain links, so switching needs no cookie and no script."""
    from django.conf import settings

    request = context["request"]
    current = get_language()
    path = request.get_full_path()
    return [
        {"code": code, "name": name, "url": translate_url(path, code), "current": code == current}
        for code, name in settings.LANGUAGES
    ]
