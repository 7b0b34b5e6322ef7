"""The back-office field of a redactable text, telling editors how to withhold words in it."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


def redactable_panel(field_name: str) -> FieldPanel:
    # Said on the panel rather than as the field's help text, which would be a migration in every app.
    return FieldPanel(
        field_name,
        help_text=_(
            "To withhold words from readers, put them between [redact] and [/redact]; "
            'add a note for editors with [redact reason="…"]. Readers see [withheld]; editors see the words.'
        ),
    )
