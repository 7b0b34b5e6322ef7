"""Small pieces of HTML that the lists written in Python (``*/rendering.py``) share."""

from __future__ import annotations

from html import escape


def anchor(url: str, text: str) -> str:
    """A link, with its address and its text escaped as templates escape them."""
    return f'<a href="{escape(url)}">{escape(text)}</a>'
