"""Stable keys for new records: the slug of a name, numbered when it is taken ("union", "union-2")."""

from __future__ import annotations

from anyascii import anyascii
from django.db import models
from django.utils.text import slugify


def free_key(model: type[models.Model], text: str, *, length: int = 90) -> str:
    # Transliterated first: slugify alone drops every letter outside ASCII, so a Cyrillic or Thai name would
    # leave nothing but the model's name.
    base = slugify(anyascii(text))[:length].strip("-") or model._meta.model_name
    key, n = base, 1
    while model._default_manager.filter(key=key).exists():
        n += 1
        key = f"{base}-{n}"
    return key


def slug_words(text: str) -> list[str]:
    """The words of a text as they would appear in a key made from it."""
    return [word for word in slugify(anyascii(text)).split("-") if word]
