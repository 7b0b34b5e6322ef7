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
        {"code": code, "name": name, "url": _in_language(path, current, code), "current": code == current}
        for code, name in settings.LANGUAGES
    ]


def _in_language(path: str, current: str, code: str) -> str:
    """``path`` in language ``code``; a path that resolves to nothing (a 404 page) gets its prefix swapped."""
    from django.conf import settings

    translated = translate_url(path, code)
    if translated != path or code == current:
        return translated
    # translate_url leaves unknown paths alone, which would make "English" on /es/missing/ point to itself.
    prefix = f"/{current}/"
    rest = path[len(prefix) - 1 :] if current != settings.LANGUAGE_CODE and path.startswith(prefix) else path
    return rest if code == settings.LANGUAGE_CODE else f"/{code}{rest}"
