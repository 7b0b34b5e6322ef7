"""The back-office panel of a record's access fields, the same on every kind of record."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel


def access_panel(heading=None, help_text=None) -> MultiFieldPanel:
    return MultiFieldPanel(
        [
            FieldRowPanel([FieldPanel("access"), FieldPanel("access_until")]),
            FieldRowPanel([FieldPanel("access_group"), FieldPanel("access_person")]),
        ],
        heading=heading or _("Access"),
        help_text=help_text,
    )
