"""Template helpers shared by every public page."""

from __future__ import annotations

import functools

from django import template
from django.urls import translate_url
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from movement_archive.core.dates import date_in_words

register = template.Library()


@register.filter
def display(record, field_name: str) -> str:
    """The label of a choice, as ``get_FOO_display`` gives it: ``{{ organisation|display:"kind" }}``.

    ``get_FOO_display`` hashes every lazily translated choice on each call, which costs a millisecond per row
    on a list of fifty; here the labels are translated once per field and language.
    """
    value = getattr(record, field_name)
    return _choice_labels(type(record), field_name, get_language()).get(value, value)


@functools.cache
def _choice_labels(model, field_name: str, language: str | None) -> dict:
    return {value: str(label) for value, label in model._meta.get_field(field_name).flatchoices}


@register.simple_tag
def options(choices, selected=()) -> SafeString:
    """``<option>`` elements for ``(value, label)`` pairs, those whose value is in ``selected`` marked selected.

    A choice that is a text is its own value and label. ``selected`` is a list of values, or one value (a text).
    Written in one pass: the search form's 250 countries, rendered tag by tag (a loop, an ``if`` and two variables
    each), cost a search page more than the full-text search of most queries, and the directory and people forms
    as much as their fifty rows.
    """
    chosen = {selected} if isinstance(selected, str) else {str(value) for value in selected or ()}
    # Safe to mark: every value and label is escaped here.
    return mark_safe(
        "\n".join(
            f'<option value="{escape(value)}"{" selected" if str(value) in chosen else ""}>{escape(label)}</option>'
            for value, label in ((choice, choice) if isinstance(choice, str) else choice for choice in choices)
        )
    )


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
